import { RecordDeclaration, sqlSection } from '@jobcenter/kit';

/**
 * What placements holds about a citizen, for their whole record (GDPR Art. 15,
 * docs/record-export.md): placements at companies, their follow-up notes and extensions, and
 * referrals to offers with their renewals.
 */
export const placementsRecord: RecordDeclaration = {
  sections: [
    sqlSection({
      name: 'placements',
      title: 'Virksomhedsforløb',
      tables: ['placement'],
      columns: { company: 'Virksomhed', kind: 'Slags', start_date: 'Start', end_date: 'Slut', status: 'Status', outcome: 'Resultat' },
      codes: { kind: 'placementKind', status: 'placementStatus', outcome: 'placementOutcome' },
      sql: `SELECT p.*, c.name AS company, c.cvr AS company_cvr FROM placement p JOIN company c ON c.id = p.company_id
             WHERE p.citizen_id = $1 ORDER BY p.start_date`,
    }),
    sqlSection({
      name: 'followUps',
      title: 'Opfølgning på forløb',
      tables: ['placement_follow_up'],
      columns: { date: 'Dato', note: 'Note' },
      sql: `SELECT f.* FROM placement_follow_up f JOIN placement p ON p.id = f.placement_id WHERE p.citizen_id = $1 ORDER BY f.date`,
    }),
    sqlSection({
      name: 'extensions',
      title: 'Forlængelser',
      tables: ['placement_extension'],
      columns: { previous_end_date: 'Tidligere slut', new_end_date: 'Ny slut', justification: 'Begrundelse' },
      sql: `SELECT e.* FROM placement_extension e JOIN placement p ON p.id = e.placement_id WHERE p.citizen_id = $1 ORDER BY e.created_at`,
    }),
    sqlSection({
      name: 'referrals',
      title: 'Henvisninger til tilbud',
      tables: ['referral'],
      columns: {
        provider: 'Tilbudsgiver',
        kind: 'Slags',
        start_date: 'Start',
        end_date: 'Slut',
        status: 'Status',
        result: 'Resultat',
        outcome: 'Udfald',
      },
      codes: { kind: 'referralKind', status: 'referralStatus', result: 'referralResult' },
      sql: `SELECT r.*, pr.name AS provider FROM referral r JOIN provider pr ON pr.id = r.provider_id
             WHERE r.citizen_id = $1 ORDER BY r.start_date, r.created_at`,
    }),
    sqlSection({
      name: 'referralRenewals',
      title: 'Forlængelser af tilbud',
      tables: ['referral_renewal'],
      columns: { previous_end_date: 'Tidligere slut', new_end_date: 'Ny slut' },
      sql: `SELECT rr.* FROM referral_renewal rr JOIN referral r ON r.id = rr.referral_id WHERE r.citizen_id = $1 ORDER BY rr.created_at`,
    }),
    sqlSection({
      name: 'consents',
      title: 'Samtykker',
      tables: ['consent'],
      columns: { party: 'Til', party_kind: 'Slags', purpose: 'Formål', from: 'Fra', to: 'Til og med', withdrawn_at: 'Trukket tilbage' },
      codes: { party_kind: 'consentPartyKind' },
      sql: `SELECT * FROM consent WHERE citizen_id = $1 ORDER BY created_at`,
    }),
    sqlSection({
      name: 'disclosures',
      title: 'Videregivelser efter samtykke',
      tables: ['consent_disclosure'],
      columns: { what: 'Hvad', contact: 'Til', disclosed_at: 'Tidspunkt' },
      sql: `SELECT * FROM consent_disclosure WHERE citizen_id = $1 ORDER BY disclosed_at`,
    }),
    sqlSection({
      name: 'kickoffs',
      title: 'Opstartsmøder til forløb',
      tables: ['placement_kickoff'],
      columns: { scheduled_at: 'Tidspunkt', status: 'Status' },
      codes: { status: 'meetingStatus' },
      sql: `SELECT * FROM placement_kickoff WHERE citizen_id = $1 ORDER BY scheduled_at`,
    }),
  ],
};
