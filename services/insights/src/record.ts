import { pseudonym, RecordDeclaration, sqlSection } from '@jobcenter/kit';

/**
 * What insights holds about a citizen, for their whole record (GDPR Art. 15,
 * docs/record-export.md). Insights keeps no id, name, CPR number or free text, only a pseudonym
 * (an HMAC of the id) with facts for the statistics. Pseudonymised data is still personal data,
 * so the citizen gets these rows too: found by computing their pseudonym, never by storing the id.
 */
const fact = (table: string, title: string, order: string) =>
  sqlSection({
    name: table.replace(/^insights_/, ''),
    title,
    tables: [table],
    sql: `SELECT * FROM ${table} WHERE pid = $1 ORDER BY ${order}`,
    param: pseudonym,
  });

export const insightsRecord: RecordDeclaration = {
  sections: [
    fact('insights_citizen', 'Statistik: grundoplysninger (pseudonym)', 'pid'),
    fact('insights_citizen_state', 'Statistik: status over tid (pseudonym)', 'valid_from'),
    fact('insights_team', 'Statistik: team over tid (pseudonym)', 'valid_from'),
    fact('insights_milestone', 'Statistik: delmål (pseudonym)', 'deadline'),
    fact('insights_meeting', 'Statistik: møder (pseudonym)', 'scheduled_at'),
    fact('insights_attendance', 'Statistik: fremmøde (pseudonym)', 'starts_at'),
    fact('insights_placement', 'Statistik: forløb (pseudonym)', 'start_date'),
    fact('insights_score', 'Statistik: progression (pseudonym)', 'assessed_at'),
    fact('insights_referral', 'Statistik: henvisninger til tilbud (pseudonym)', 'start_date'),
    fact('insights_stat_citizen', 'Statistik: nuværende status (pseudonym)', 'pid'),
    fact('insights_stat_milestone', 'Statistik: delmål til nøgletal (pseudonym)', 'pid'),
    fact('insights_stat_enrollment', 'Statistik: tilmeldinger til forløb (pseudonym)', 'course_id'),
    fact('insights_stat_attendance', 'Statistik: fremmøde til nøgletal (pseudonym)', 'session_id'),
  ],
};
