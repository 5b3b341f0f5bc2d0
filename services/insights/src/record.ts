import { pseudonym, RecordDeclaration, sqlSection } from '@jobcenter/kit';

/**
 * What insights holds about a citizen, for their whole record (GDPR Art. 15,
 * docs/record-export.md). Insights keeps no id, name, CPR number or free text, only a pseudonym
 * (an HMAC of the id) with facts for the statistics. Pseudonymised data is still personal data,
 * so the citizen gets these rows too: found by computing their pseudonym, never by storing the id.
 */
const fact = (table: string, title: string, order: string, codes?: Record<string, string>) =>
  sqlSection({
    name: table.replace(/^insights_/, ''),
    title,
    tables: [table],
    codes,
    sql: `SELECT * FROM ${table} WHERE pid = $1 ORDER BY ${order}`,
    param: pseudonym,
  });

const CITIZEN_STATE = { status: 'citizenStatus', target_group: 'targetGroup' };

export const insightsRecord: RecordDeclaration = {
  sections: [
    fact('insights_citizen', 'Statistik: grundoplysninger (pseudonym)', 'pid'),
    fact('insights_citizen_state', 'Statistik: status over tid (pseudonym)', 'valid_from', CITIZEN_STATE),
    fact('insights_team', 'Statistik: team over tid (pseudonym)', 'valid_from'),
    fact('insights_milestone', 'Statistik: delmål (pseudonym)', 'deadline', { status: 'milestoneStatus' }),
    fact('insights_meeting', 'Statistik: møder (pseudonym)', 'scheduled_at', { kind: 'meetingKind', status: 'meetingStatus' }),
    fact('insights_attendance', 'Statistik: fremmøde (pseudonym)', 'starts_at', { status: 'attendanceStatus' }),
    fact('insights_placement', 'Statistik: forløb (pseudonym)', 'start_date', {
      kind: 'placementKind',
      status: 'placementStatus',
      outcome: 'placementOutcome',
    }),
    fact('insights_score', 'Statistik: progression (pseudonym)', 'assessed_at', { dimension: 'progressDimension' }),
    fact('insights_referral', 'Statistik: henvisninger til tilbud (pseudonym)', 'start_date', {
      kind: 'referralKind',
      status: 'referralStatus',
      result: 'referralResult',
    }),
    fact('insights_stat_citizen', 'Statistik: nuværende status (pseudonym)', 'pid', CITIZEN_STATE),
    fact('insights_stat_milestone', 'Statistik: delmål til nøgletal (pseudonym)', 'pid', { status: 'milestoneStatus' }),
    fact('insights_stat_enrollment', 'Statistik: tilmeldinger til forløb (pseudonym)', 'course_id'),
    fact('insights_stat_attendance', 'Statistik: fremmøde til nøgletal (pseudonym)', 'session_id', { status: 'attendanceStatus' }),
  ],
};
