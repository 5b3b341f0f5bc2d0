import { DataSource } from 'typeorm';
import {
  Cell,
  MIN_CELL_SIZE,
  publishCitizenFigures,
  publishGroupCourseFigures,
  publishMeetingFigures,
  publishMilestoneFigures,
  publishPlacementFigures,
} from '@jobcenter/kit';
import { addDays } from '@jobcenter/kit/calendar';
import { CitizenStatistics, GroupCourseStatistics, MeetingStatistics, MilestoneStatistics, PlacementStatistics } from './statistics.types';

/*
 * The existing statistics fields, answered from insights' facts (migration 1797000000600): each
 * count is a sum over a rollup kept by triggers (per day and bucket: count and record-key sum),
 * so the dashboard reads a few hundred small rows instead of the period's transactional rows.
 * The figures mean what they meant in their home subgraphs, and the record keys are the same,
 * so each published count gets the same cell-key noise (kit statistics/cell-key.ts) and goes
 * through the same CellSuppression rules. Only `networkMeetingsOverdue` changes: it is exact
 * here (citizens' status and enrolment from their events).
 */

/** The codes each breakdown lists even when empty, as the citizens and placements subgraphs publish them. */
export const CITIZEN_STATUSES = ['ACTIVE', 'PAUSED', 'SELF_SUPPORTING', 'CLOSED'] as const;
export const TARGET_GROUPS = [
  'JOB_READY',
  'ACTIVITY_READY',
  'EDUCATION_READY',
  'EDUCATION_ACTIVITY_READY',
  'UNEMPLOYMENT_INSURANCE',
  'NEW_GRADUATE',
  'SICKNESS_BENEFIT',
  'RESOURCE_PROGRAMME',
  'JOB_CLARIFICATION',
  'INTEGRATION',
  'FAMILY_SUPPORT',
] as const;
export const PLACEMENT_KINDS = ['INTERNSHIP', 'WAGE_SUBSIDY_PRIVATE', 'WAGE_SUBSIDY_PUBLIC', 'ORDINARY_JOB', 'FLEXJOB'] as const;

const num = (v: unknown) => Number(v ?? 0);

/** Citizens by status and target group today (each citizen's newest state from citizens' events). */
export async function citizenStatistics(dataSource: DataSource): Promise<CitizenStatistics> {
  const rows: { status: string; target_group: string; count: string; key_sum: string }[] = await dataSource.query(
    `SELECT status, target_group, count, key_sum FROM insights_stat_citizen_total WHERE count <> 0`,
  );
  const cells = (keys: readonly string[], of: (r: (typeof rows)[number]) => string) =>
    keys.map((key) => {
      const mine = rows.filter((r) => of(r) === key);
      return { key, count: mine.reduce((n, r) => n + num(r.count), 0), keySum: mine.reduce((n, r) => n + num(r.key_sum), 0) };
    });
  // Each record is one citizen, so every count here is of people (kit statistics/published.ts).
  return publishCitizenFigures(
    cells(CITIZEN_STATUSES, (r) => r.status),
    cells(TARGET_GROUPS, (r) => r.target_group),
  );
}

/**
 * Up to MIN_CELL_SIZE distinct people behind each bucket (all suppression asks), `rowsSql` giving
 * each bucket's rows (a `pid` column; the same parameters for all). One statement reads each
 * bucket's first 200 rows by index (almost always five people already); a bucket with fewer is
 * then read whole (it is small, or one of few people's). Empty buckets are not asked.
 */
async function peopleUpTo5(
  dataSource: DataSource,
  rowsSql: Record<string, string>,
  parameters: unknown[],
): Promise<Record<string, number>> {
  const names = Object.keys(rowsSql);
  const people: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  if (names.length === 0) return people;
  const firstRows: { bucket: string; n: string }[] = await dataSource.query(
    `SELECT bucket, COUNT(DISTINCT pid) AS n FROM (${names
      .map((n, i) => `(SELECT ${i} AS bucket, pid FROM (${rowsSql[n]}) r${i} LIMIT 200)`)
      .join(' UNION ALL ')}) x GROUP BY bucket`,
    parameters,
  );
  for (const r of firstRows) people[names[Number(r.bucket)]] = Math.min(MIN_CELL_SIZE, num(r.n));
  for (const n of names.filter((name) => people[name] < MIN_CELL_SIZE)) {
    const [all]: { n: string }[] = await dataSource.query(
      `SELECT COUNT(*) AS n FROM (SELECT DISTINCT pid FROM (${rowsSql[n]}) r LIMIT ${MIN_CELL_SIZE}) x`,
      parameters,
    );
    people[n] = num(all.n);
  }
  return people;
}

/** Milestones due in [from, to] by where they stand today (plans' definition; DRAFT plans and declined proposals left out). */
export async function milestoneStatistics(dataSource: DataSource, from: string, to: string, today: string): Promise<MilestoneStatistics> {
  const rows: { bucket: string; before_today: boolean; count: string; key_sum: string }[] = await dataSource.query(
    `SELECT bucket, deadline < $3 AS before_today, SUM(count) AS count, SUM(key_sum) AS key_sum
       FROM insights_stat_milestone_day WHERE deadline BETWEEN $1 AND $2 AND count <> 0 GROUP BY 1, 2`,
    [from, to, today],
  );
  const sum = (match: (r: (typeof rows)[number]) => boolean) => {
    const mine = rows.filter(match);
    return { count: mine.reduce((n, r) => n + num(r.count), 0), keySum: mine.reduce((n, r) => n + num(r.key_sum), 0) };
  };
  const open = (r: (typeof rows)[number]) => r.bucket === 'PLANNED' || r.bucket === 'IN_PROGRESS';
  const buckets: Record<string, { match: (r: (typeof rows)[number]) => boolean; statuses: string[]; deadline?: 'before' | 'from' }> = {
    achieved: { match: (r) => r.bucket === 'ACHIEVED', statuses: ['ACHIEVED'] },
    missed: { match: (r) => r.bucket === 'MISSED', statuses: ['MISSED'] },
    overdue: { match: (r) => open(r) && r.before_today, statuses: ['PLANNED', 'IN_PROGRESS'], deadline: 'before' },
    open: { match: (r) => open(r) && !r.before_today, statuses: ['PLANNED', 'IN_PROGRESS'], deadline: 'from' },
    revised: { match: (r) => r.bucket === 'REVISED', statuses: ['REVISED'] },
    dropped: { match: (r) => r.bucket === 'DROPPED', statuses: ['DROPPED'] },
  };
  const counts = Object.fromEntries(Object.entries(buckets).map(([name, b]) => [name, sum(b.match)]));
  // $3 (today) is typed in every bucket's rows, even where none compares with it.
  const deadline = { before: 'AND deadline < $3', from: 'AND deadline >= $3' };
  const people = await peopleUpTo5(
    dataSource,
    Object.fromEntries(
      Object.entries(buckets)
        .filter(([name]) => counts[name].count > 0)
        .map(([name, b]) => [
          name,
          `SELECT pid FROM insights_stat_milestone WHERE status IN (${b.statuses.map((x) => `'${x}'`).join(', ')})
             AND deadline BETWEEN $1 AND $2 ${b.deadline ? deadline[b.deadline] : 'AND $3::date IS NOT NULL'} AND NOT draft AND NOT declined`,
        ]),
    ),
    [from, to, today],
  );
  const cells: Record<string, Cell> = Object.fromEntries(Object.entries(counts).map(([name, c]) => [name, { ...c, people: people[name] }]));
  const { achieved, missed, overdue } = cells;
  const decided: Cell = {
    count: num(achieved.count) + num(missed.count) + num(overdue.count),
    keySum: num(achieved.keySum) + num(missed.keySum) + num(overdue.keySum),
    // At least as many people as the largest of its parts (≥ 5 is all that is asked).
    people: Math.max(num(achieved.people), num(missed.people), num(overdue.people)),
  };
  if ((decided.people ?? 0) < MIN_CELL_SIZE && decided.count > 0) {
    decided.people = (
      await peopleUpTo5(
        dataSource,
        {
          decided: `SELECT pid FROM insights_stat_milestone
                     WHERE deadline BETWEEN $1 AND $2 AND NOT draft AND NOT declined
                       AND (status IN ('ACHIEVED', 'MISSED') OR (status IN ('PLANNED', 'IN_PROGRESS') AND deadline < $3))`,
        },
        [from, to, today],
      )
    ).decided;
  }
  return publishMilestoneFigures({
    ...(cells as Record<'achieved' | 'missed' | 'overdue' | 'open' | 'revised' | 'dropped', Cell>),
    decided,
  });
}

/** Midnight in Copenhagen at the start of `day`, as an ISO instant (for timestamptz comparisons). */
const COPENHAGEN_MIDNIGHT = (parameter: string) => `(${parameter}::date::timestamp AT TIME ZONE 'Europe/Copenhagen')`;

/**
 * Meetings starting in [from, to] (Copenhagen dates) by outcome, and citizens overdue for a
 * network meeting at the end of the period (or today, if earlier), exactly: ACTIVE in citizens'
 * events that day, whose last held network meeting is more than 3 months before it, or who have
 * none while enrolled more than 3 months before it.
 */
export async function meetingStatistics(dataSource: DataSource, from: string, to: string, today: string): Promise<MeetingStatistics> {
  const rows: { status: string; count: string; key_sum: string }[] = await dataSource.query(
    `SELECT status, SUM(count) AS count, SUM(key_sum) AS key_sum FROM insights_stat_meeting_day
      WHERE day BETWEEN $1 AND $2 AND count <> 0 GROUP BY status`,
    [from, to],
  );
  const statuses: Record<string, string[]> = {
    held: ['HELD'],
    no_show: ['NO_SHOW'],
    excused: ['EXCUSED'],
    cancelled: ['CANCELLED'],
    planned: ['PLANNED'],
    attended_or_not: ['HELD', 'NO_SHOW'],
  };
  const count = (list: string[]) => {
    const mine = rows.filter((r) => list.includes(r.status));
    return { count: mine.reduce((n, r) => n + num(r.count), 0), keySum: mine.reduce((n, r) => n + num(r.key_sum), 0) };
  };
  const single = Object.entries(statuses).filter(([, list]) => list.length === 1 && count(list).count > 0);
  const people = await peopleUpTo5(
    dataSource,
    Object.fromEntries(
      single.map(([name, [status]]) => [
        name,
        `SELECT pid FROM insights_meeting
          WHERE status = '${status}' AND scheduled_at >= ${COPENHAGEN_MIDNIGHT('$1')} AND scheduled_at < ${COPENHAGEN_MIDNIGHT('$2')}`,
      ]),
    ),
    [from, addDays(to, 1)],
  );
  const cells: Record<string, Cell> = {};
  for (const [name, list] of Object.entries(statuses)) cells[name] = { ...count(list), people: people[name] ?? 0 };
  // Held or no-show: at least as many people as either part; asked only when both are small.
  const either = cells.attended_or_not;
  either.people = Math.max(people.held ?? 0, people.no_show ?? 0);
  if (either.people < MIN_CELL_SIZE && either.count > 0) {
    either.people = (
      await peopleUpTo5(
        dataSource,
        {
          either: `SELECT pid FROM insights_meeting WHERE status IN ('HELD', 'NO_SHOW')
                     AND scheduled_at >= ${COPENHAGEN_MIDNIGHT('$1')} AND scheduled_at < ${COPENHAGEN_MIDNIGHT('$2')}`,
        },
        [from, addDays(to, 1)],
      )
    ).either;
  }
  const asOf = to < today ? to : today;
  const [overdue]: { count: string; key_sum: string }[] = await dataSource.query(
    `SELECT COUNT(*) AS count, COALESCE(SUM(c.record_key), 0) AS key_sum
       FROM insights_stat_citizen c
       JOIN insights_citizen_state s ON s.pid = c.pid AND s.status = 'ACTIVE'
            AND s.valid_from < ${COPENHAGEN_MIDNIGHT('$2')} AND (s.valid_to IS NULL OR s.valid_to >= ${COPENHAGEN_MIDNIGHT('$2')})
       JOIN insights_citizen ic ON ic.pid = c.pid
      WHERE COALESCE(
              (SELECT MAX(m.scheduled_at) FROM insights_meeting m
                WHERE m.pid = c.pid AND m.kind = 'NETWORK_MEETING' AND m.status = 'HELD' AND m.scheduled_at < ${COPENHAGEN_MIDNIGHT('$2')}),
              ${COPENHAGEN_MIDNIGHT('ic.enrolled_at')})
            < ${COPENHAGEN_MIDNIGHT('$1')} - interval '3 months'`,
    [asOf, addDays(asOf, 1)],
  );
  return publishMeetingFigures({
    held: cells.held,
    noShow: cells.no_show,
    excused: cells.excused,
    cancelled: cells.cancelled,
    planned: cells.planned,
    attendedOrNot: cells.attended_or_not,
    networkMeetingsOverdue: { count: num(overdue.count), keySum: num(overdue.key_sum) },
  });
}

/** Occupancy and attendance of the courses starting in [from, to] (meetings' definition). */
export async function groupCourseStatistics(dataSource: DataSource, from: string, to: string): Promise<GroupCourseStatistics> {
  const [row]: Record<string, string>[] = await dataSource.query(
    `WITH c AS (SELECT course_id, capacity FROM insights_stat_course WHERE start_date BETWEEN $1 AND $2),
          e AS (SELECT e.* FROM insights_stat_enrollment e JOIN c USING (course_id)),
          a AS (SELECT a.* FROM insights_stat_attendance a JOIN c USING (course_id) WHERE a.status IN ('PRESENT', 'ABSENT'))
     SELECT (SELECT COUNT(*) FROM c) AS courses,
            (SELECT COALESCE(SUM(capacity), 0) FROM c) AS seats,
            (SELECT COUNT(*) FROM e) AS enrolled,
            (SELECT COALESCE(SUM(record_key), 0) FROM e) AS enrolled_key,
            (SELECT COUNT(DISTINCT pid) FROM e) AS enrolled_people,
            COUNT(*) FILTER (WHERE a.status = 'PRESENT') AS present,
            COALESCE(SUM(a.record_key) FILTER (WHERE a.status = 'PRESENT'), 0) AS present_key,
            COUNT(DISTINCT a.pid) FILTER (WHERE a.status = 'PRESENT') AS present_people,
            COUNT(*) FILTER (WHERE a.status = 'ABSENT') AS absent,
            COALESCE(SUM(a.record_key) FILTER (WHERE a.status = 'ABSENT'), 0) AS absent_key,
            COUNT(DISTINCT a.pid) FILTER (WHERE a.status = 'ABSENT') AS absent_people,
            COUNT(*) AS recorded,
            COALESCE(SUM(a.record_key), 0) AS recorded_key,
            COUNT(DISTINCT a.pid) AS recorded_people
       FROM a`,
    [from, to],
  );
  const cell = (key: string): Cell => ({ count: num(row[key]), people: num(row[`${key}_people`]), keySum: num(row[`${key}_key`]) });
  return publishGroupCourseFigures({
    courses: num(row.courses),
    seats: num(row.seats),
    enrolled: cell('enrolled'),
    present: cell('present'),
    absent: cell('absent'),
    recorded: { count: num(row.recorded), keySum: num(row.recorded_key) },
    recordedPeople: num(row.recorded_people),
  });
}

type PlacementRow = { bucket: string | null; kind: string | null; outcome: string | null; count: string; people: string; key_sum: string };

/** ACTIVE placements overlapping [from, to] and placements completed in it (placements' definition), from insights' placement facts. */
export async function placementStatistics(dataSource: DataSource, from: string, to: string): Promise<PlacementStatistics> {
  const rows: PlacementRow[] = await dataSource.query(
    `WITH p AS (
       SELECT 'active' AS bucket, kind, 'ACTIVE' AS outcome, pid, record_key FROM insights_placement
        WHERE status = 'ACTIVE' AND start_date <= $2 AND end_date >= $1
       UNION ALL
       SELECT 'completed', kind, CASE WHEN outcome IN ('ORDINARY_EMPLOYMENT', 'EDUCATION') THEN outcome ELSE 'OTHER' END, pid, record_key
         FROM insights_placement WHERE status = 'COMPLETED' AND end_date BETWEEN $1 AND $2
     )
     SELECT bucket, kind, outcome, COUNT(*) AS count, COUNT(DISTINCT pid) AS people, SUM(record_key) AS key_sum
       FROM p GROUP BY GROUPING SETS ((bucket), (kind), (outcome))`,
    [from, to],
  );
  const cell = (match: (r: PlacementRow) => boolean): Cell => {
    const row = rows.find(match);
    return { count: num(row?.count), people: num(row?.people), keySum: num(row?.key_sum) };
  };
  const bucket = (name: string) => cell((r) => r.bucket === name);
  const outcome = (name: string) => cell((r) => r.bucket === null && r.kind === null && r.outcome === name);
  return publishPlacementFigures({
    active: bucket('active'),
    completed: bucket('completed'),
    employment: outcome('ORDINARY_EMPLOYMENT'),
    education: outcome('EDUCATION'),
    other: outcome('OTHER'),
    byKind: PLACEMENT_KINDS.map((kind) => ({ key: kind, ...cell((r) => r.kind === kind) })),
  });
}
