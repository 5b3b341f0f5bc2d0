import { RecordDeclaration, sqlSection } from '@jobcenter/kit';

/**
 * What placements holds about a citizen, for their whole record (GDPR Art. 15,
 * docs/record-export.md): placements at companies, their follow-up notes and extensions.
 */
export const placementsRecord: RecordDeclaration = {
  sections: [
    sqlSection({
      name: 'placements',
      title: 'Virksomhedsforløb',
      tables: ['placement'],
      columns: { company: 'Virksomhed', kind: 'Slags', start_date: 'Start', end_date: 'Slut', status: 'Status', outcome: 'Resultat' },
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
  ],
};
