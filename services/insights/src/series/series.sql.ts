import { Breakdown, Measure } from './series.enums';

/**
 * SQL for a series: one statement that returns, per month and breakdown key, the count of the
 * records in the cell, the sum of their record keys, the distinct people behind them and (for
 * rates and averages) the sum of their values. Parameters: $1 first month (date), $2 last month
 * (date), $3 now. Months are calendar months in Copenhagen time; `e` is the month's end (or now).
 *
 * `cit` is every citizen's state at each month's end: status, target group, team, age, time in
 * the programme. Every measure joins it, so every measure can be broken down the same way.
 */
const MONTHS = `
  months AS (
    SELECT m::date AS m,
           LEAST(((m + interval '1 month')::timestamp AT TIME ZONE 'Europe/Copenhagen'), $3::timestamptz) AS e
    FROM generate_series($1::date, $2::date, interval '1 month') m
    WHERE (m::timestamp AT TIME ZONE 'Europe/Copenhagen') <= $3::timestamptz
  ),
  cit AS (
    SELECT mo.m, mo.e, c.pid, c.record_key, s.status, s.target_group, c.birth_year, c.enrolled_at,
           (SELECT t.team FROM insights_team t
             WHERE t.pid = c.pid AND t.valid_from <= (mo.e AT TIME ZONE 'Europe/Copenhagen')::date
               AND (t.valid_to IS NULL OR t.valid_to >= (mo.e AT TIME ZONE 'Europe/Copenhagen')::date)
             ORDER BY t.valid_from DESC LIMIT 1) AS team
    FROM months mo
    JOIN insights_citizen_state s ON s.valid_from < mo.e AND (s.valid_to IS NULL OR s.valid_to >= mo.e)
    JOIN insights_citizen c ON c.pid = s.pid
  )`;

const KEY: Record<Breakdown, string> = {
  NONE: 'NULL::text',
  TARGET_GROUP: 'cit.target_group',
  TEAM: `COALESCE(cit.team, 'UNASSIGNED')`,
  AGE_BAND: `CASE WHEN cit.birth_year IS NULL THEN 'UNKNOWN'
                  WHEN EXTRACT(YEAR FROM cit.m) - cit.birth_year < 25 THEN '18-24'
                  WHEN EXTRACT(YEAR FROM cit.m) - cit.birth_year < 30 THEN '25-29'
                  WHEN EXTRACT(YEAR FROM cit.m) - cit.birth_year < 40 THEN '30-39'
                  WHEN EXTRACT(YEAR FROM cit.m) - cit.birth_year < 50 THEN '40-49'
                  ELSE '50+' END`,
  TIME_IN_PROGRAMME: `CASE WHEN cit.enrolled_at IS NULL THEN 'UNKNOWN'
                  WHEN cit.e < (cit.enrolled_at + interval '6 months') THEN '0-5'
                  WHEN cit.e < (cit.enrolled_at + interval '12 months') THEN '6-11'
                  WHEN cit.e < (cit.enrolled_at + interval '24 months') THEN '12-23'
                  ELSE '24+' END`,
  // Referral measures carry the referral's own attributes (records below); others are refused first (series.compute.ts).
  OFFER_KIND: 'cit.offer_kind',
  RESULT: 'cit.result',
};

/** The month's last day in Copenhagen (today for the running month): `cit.e` is the instant the month ends, exclusive. */
const LAST_DAY = `((cit.e AT TIME ZONE 'Europe/Copenhagen') - interval '1 second')::date`;

const IN_MONTH = (column: string) => `${column} >= (cit.m::timestamp AT TIME ZONE 'Europe/Copenhagen') AND ${column} < cit.e`;

/**
 * Per measure: the records of a cell, as rows (cit.*, record key, part, value). `part` separates
 * a rate's numerator ('num') from its base ('base'); counts have only 'base'.
 */
const RECORDS: Record<Measure, string> = {
  CITIZENS_ACTIVE: `SELECT cit.*, cit.record_key AS rk, 'base' AS part, NULL::numeric AS value FROM cit WHERE cit.status = 'ACTIVE'`,
  MILESTONES_ACHIEVED: milestonesMarked('ACHIEVED'),
  MILESTONES_MISSED: milestonesMarked('MISSED'),
  MILESTONES_OVERDUE: `
    SELECT cit.*, ms.record_key AS rk, 'base' AS part, NULL::numeric AS value
    FROM cit JOIN insights_milestone ms ON ms.pid = cit.pid AND ms.deadline < (cit.e AT TIME ZONE 'Europe/Copenhagen')::date
    WHERE (SELECT st.status FROM insights_milestone_status st WHERE st.milestone_id = ms.milestone_id AND st.at < cit.e
            ORDER BY st.at DESC LIMIT 1) IN ('PLANNED', 'IN_PROGRESS')`,
  NETWORK_MEETINGS_OVERDUE: `
    SELECT cit.*, cit.record_key AS rk, 'base' AS part, NULL::numeric AS value
    FROM cit
    WHERE cit.status = 'ACTIVE'
      AND COALESCE(
            (SELECT MAX(mt.scheduled_at) FROM insights_meeting mt
              WHERE mt.pid = cit.pid AND mt.kind = 'NETWORK_MEETING' AND mt.status = 'HELD' AND mt.scheduled_at < cit.e),
            cit.enrolled_at::timestamp AT TIME ZONE 'Europe/Copenhagen') < cit.e - interval '3 months'`,
  MEETINGS_HELD: meetingsWith('HELD'),
  NO_SHOWS: meetingsWith('NO_SHOW'),
  COURSE_ATTENDANCE_RATE: `
    SELECT cit.*, a.record_key AS rk, p.part, NULL::numeric AS value
    FROM cit JOIN insights_attendance a ON a.pid = cit.pid AND ${IN_MONTH('a.starts_at')} AND a.status IN ('PRESENT', 'ABSENT')
    CROSS JOIN LATERAL (SELECT 'base' AS part UNION ALL SELECT 'num' WHERE a.status = 'PRESENT') p`,
  PLACEMENTS_ACTIVE: `
    SELECT cit.*, pl.record_key AS rk, 'base' AS part, NULL::numeric AS value
    FROM cit JOIN insights_placement pl ON pl.pid = cit.pid
      AND pl.start_date <= (cit.e AT TIME ZONE 'Europe/Copenhagen')::date
      AND (pl.status = 'ACTIVE' OR (pl.status = 'COMPLETED' AND pl.end_date >= (cit.e AT TIME ZONE 'Europe/Copenhagen')::date))`,
  PLACEMENTS_COMPLETED: placementsCompleted(''),
  PLACEMENTS_TO_WORK_OR_EDUCATION: placementsCompleted(`AND pl.outcome IN ('ORDINARY_EMPLOYMENT', 'EDUCATION')`),
  // A referral runs from its start until it ends; one called off before it started never ran.
  REFERRALS_ACTIVE: `
    SELECT cit.*, rf.record_key AS rk, 'base' AS part, NULL::numeric AS value, rf.kind AS offer_kind, rf.result
    FROM cit JOIN insights_referral rf ON rf.pid = cit.pid
      AND rf.start_date <= ${LAST_DAY}
      AND (rf.status = 'ACTIVE' OR (rf.status IN ('COMPLETED', 'CANCELLED') AND rf.was_active AND rf.end_date >= ${LAST_DAY}))`,
  REFERRALS_ENDED: `
    SELECT cit.*, rf.record_key AS rk, 'base' AS part, NULL::numeric AS value, rf.kind AS offer_kind, COALESCE(rf.result, 'UNKNOWN') AS result
    FROM cit JOIN insights_referral rf ON rf.pid = cit.pid AND rf.status IN ('COMPLETED', 'CANCELLED') AND rf.was_active
      AND rf.end_date >= cit.m AND rf.end_date < (cit.m + interval '1 month')::date
      AND (rf.end_date::timestamp AT TIME ZONE 'Europe/Copenhagen') < cit.e`,
  PROGRESSION_CHANGE: `
    SELECT cit.*, sc.record_key AS rk, 'base' AS part, sc.change AS value
    FROM cit JOIN (
      SELECT pid, record_key, assessed_at,
             score - LAG(score) OVER (PARTITION BY pid, dimension ORDER BY assessed_at) AS change
      FROM insights_score
    ) sc ON sc.pid = cit.pid AND sc.change IS NOT NULL
      AND sc.assessed_at >= cit.m AND sc.assessed_at < (cit.m + interval '1 month')::date
      AND (sc.assessed_at::timestamp AT TIME ZONE 'Europe/Copenhagen') < cit.e`,
};

function milestonesMarked(status: string): string {
  return `
    SELECT DISTINCT ON (cit.m, ms.milestone_id) cit.*, ms.record_key AS rk, 'base' AS part, NULL::numeric AS value
    FROM cit JOIN insights_milestone ms ON ms.pid = cit.pid
    JOIN insights_milestone_status st ON st.milestone_id = ms.milestone_id AND st.status = '${status}' AND ${IN_MONTH('st.at')}`;
}

function meetingsWith(status: string): string {
  return `
    SELECT cit.*, mt.record_key AS rk, 'base' AS part, NULL::numeric AS value
    FROM cit JOIN insights_meeting mt ON mt.pid = cit.pid AND mt.status = '${status}' AND ${IN_MONTH('mt.scheduled_at')}`;
}

function placementsCompleted(extra: string): string {
  return `
    SELECT cit.*, pl.record_key AS rk, 'base' AS part, NULL::numeric AS value
    FROM cit JOIN insights_placement pl ON pl.pid = cit.pid AND pl.status = 'COMPLETED' ${extra}
      AND pl.end_date >= cit.m AND pl.end_date < (cit.m + interval '1 month')::date
      AND (pl.end_date::timestamp AT TIME ZONE 'Europe/Copenhagen') < cit.e`;
}

/** One row per (month, key, part): count, key sum, distinct people (all numbers as text) and the sum of values. */
export interface CellRow {
  month: string;
  key: string | null;
  part: 'num' | 'base';
  count: string;
  key_sum: string;
  people: string;
  value_sum: string | null;
}

export function seriesSql(measure: Measure, breakdown: Breakdown): string {
  return `WITH ${MONTHS},
  records AS (${RECORDS[measure]})
  SELECT to_char(cit.m, 'YYYY-MM') AS month, ${KEY[breakdown]} AS key, cit.part,
         COUNT(*) AS count, SUM(cit.rk) AS key_sum, COUNT(DISTINCT cit.pid) AS people, SUM(cit.value) AS value_sum
  FROM records cit
  GROUP BY 1, 2, 3
  ORDER BY 1, 2`;
}
