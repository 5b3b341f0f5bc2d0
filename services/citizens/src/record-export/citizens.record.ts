import { RecordDeclaration, sqlSection } from '@jobcenter/kit';
import { formatCpr } from '../cpr/cpr.rules';
import { revealCpr } from '../cpr/cpr.storage';

/** What citizens holds, as its access log names it. */
export const CITIZENS_ACCESS_KIND = 'citizen record (identity, contact, network, resource profile)';

/**
 * What citizens holds about a citizen, for their whole record (GDPR Art. 15,
 * docs/record-export.md): identity and contact (the CPR number decrypted: the export is for the
 * citizen, or for the staff with access who see it in full anyway), caseworkers, network,
 * resource profile, emergency openings, handovers, notifications and messages.
 */
export const citizensRecord: RecordDeclaration = {
  sections: [
    {
      name: 'citizen',
      title: 'Dine oplysninger',
      tables: ['citizen'],
      columns: {
        name: 'Navn',
        cpr: 'CPR-nummer',
        birth_date: 'Fødselsdato',
        email: 'E-mail',
        phone: 'Telefon',
        preferred_contact: 'Kontakt mig via',
        target_group: 'Målgruppe',
        status: 'Status',
        enrolled_at: 'Indskrevet',
      },
      codes: { target_group: 'targetGroup', status: 'citizenStatus', preferred_contact: 'contactChannel' },
      query: async (manager, citizenId) => {
        const rows: Record<string, any>[] = await manager.query(
          `SELECT id, first_name, last_name, first_name || ' ' || last_name AS name, birth_date, email, phone, preferred_contact,
                  target_group, status, enrolled_at, created_at, updated_at, cpr_encrypted, cpr_index
             FROM citizen WHERE id = $1`,
          [citizenId],
        );
        return rows.map(({ cpr_encrypted, cpr_index, ...row }) => ({
          ...row,
          cpr: formatCpr(revealCpr({ id: row.id, cprEncrypted: cpr_encrypted, cprIndex: cpr_index })),
        }));
      },
    },
    sqlSection({
      name: 'assignments',
      title: 'Sagsbehandlere og konsulenter',
      tables: ['assignment'],
      columns: { staff_name: 'Navn', role: 'Rolle', team: 'Team', from_date: 'Fra', to_date: 'Til' },
      codes: { role: 'role' },
      sql: `SELECT a.*, s.name AS staff_name, s.team FROM assignment a LEFT JOIN staff_member s ON s.id = a.staff_id
             WHERE a.citizen_id = $1 ORDER BY a.from_date`,
    }),
    sqlSection({
      name: 'network',
      title: 'Dit netværk',
      tables: ['network_contact'],
      columns: { name: 'Navn', relation: 'Relation', phone: 'Telefon', email: 'E-mail' },
      sql: `SELECT * FROM network_contact WHERE citizen_id = $1 ORDER BY created_at`,
    }),
    sqlSection({
      name: 'resourceProfile',
      title: 'Ressourceprofil',
      tables: ['resource_profile'],
      columns: { dreams: 'Drømme', strengths: 'Styrker', updated_at: 'Opdateret' },
      sql: `SELECT * FROM resource_profile WHERE citizen_id = $1`,
    }),
    sqlSection({
      name: 'emergencyAccess',
      title: 'Nødadgang til din sag',
      tables: ['emergency_access'],
      columns: { staff_role: 'Rolle', reason: 'Begrundelse', granted_at: 'Givet', expires_at: 'Udløb', review_note: 'Gennemgang' },
      codes: { staff_role: 'role' },
      sql: `SELECT * FROM emergency_access WHERE citizen_id = $1 ORDER BY granted_at`,
    }),
    sqlSection({
      name: 'handovers',
      title: 'Overdragelser af din sag',
      tables: ['case_handover'],
      columns: { role: 'Rolle', to_team: 'Til team', reason: 'Begrundelse', status: 'Status', requested_at: 'Anmodet' },
      codes: { role: 'role', status: 'handoverStatus' },
      sql: `SELECT * FROM case_handover WHERE citizen_id = $1 ORDER BY requested_at`,
    }),
    sqlSection({
      name: 'notifications',
      title: 'Påmindelser og beskeder sendt til dig',
      tables: ['notification'],
      columns: { kind: 'Slags', channel: 'Kanal', status: 'Status', created_at: 'Oprettet', sent_at: 'Sendt' },
      codes: { kind: 'notificationKind', channel: 'contactChannel', status: 'notificationStatus' },
      sql: `SELECT * FROM notification WHERE citizen_id = $1 ORDER BY created_at`,
    }),
    sqlSection({
      name: 'messages',
      title: 'Beskeder',
      tables: ['message'],
      columns: { at: 'Tidspunkt', from_role: 'Fra', text: 'Besked', read_at: 'Læst' },
      codes: { from_role: 'role' },
      sql: `SELECT * FROM message WHERE citizen_id = $1 ORDER BY at`,
    }),
  ],
  excluded: {
    record_export:
      'The exports themselves: sealed copies of this record, kept 24 hours so the PDF and JSON links serve exactly what was generated, then deleted.',
  },
};
