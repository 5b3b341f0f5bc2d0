import { DataSource } from 'typeorm';
import {
  Cell,
  CitizenStatistics,
  GroupCourseStatistics,
  MeetingStatistics,
  MilestoneStatistics,
  PlacementStatistics,
  MIN_CELL_SIZE,
  publishCitizenFigures,
  publishGroupCourseFigures,
  publishMeetingFigures,
  publishMilestoneFigures,
  publishPlacementFigures,
} from '@jobcenter/kit';
import { addDays } from '@jobcenter/kit/calendar';

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
  const overdue = await networkMeetingsOverdue(dataSource, to < today ? to : today, today);
  return publishMeetingFigures({
    held: cells.held,
    noShow: cells.no_show,
    excused: cells.excused,
    cancelled: cells.cancelled,
    planned: cells.planned,
    attendedOrNot: cells.attended_or_not,
    networkMeetingsOverdue: overdue,
  });
}

/**
 * Citizens ACTIVE at the end of `asOf` whose last network meeting held before then is more than
 * 3 months before `asOf` (Copenhagen midnight), or who have none while enrolled more than 3 months
 * before it: the count and its record-key sum. As of today it reads each citizen's current row
 * (`network_since`, migration 1797000000603) by index; a network meeting recorded as held after
 * today (only a wrong date would do it) is looked at for its citizen alone. Before today it reads
 * the state periods: who was ACTIVE then, and their meetings up to then.
 */
export async function networkMeetingsOverdue(dataSource: DataSource, asOf: string, today: string): Promise<Cell> {
  const [cutoff, end] = [`${COPENHAGEN_MIDNIGHT('$1')} - interval '3 months'`, COPENHAGEN_MIDNIGHT('$2')];
  const lastHeldBefore = (pid: string, before: string) =>
    `(SELECT MAX(m.scheduled_at) FROM insights_meeting m
       WHERE m.pid = ${pid} AND m.kind = 'NETWORK_MEETING' AND m.status = 'HELD' AND m.scheduled_at < ${before})`;
  const [row]: { count: string; key_sum: string }[] = await dataSource.query(
    asOf === today
      ? `SELECT COUNT(*) AS count, COALESCE(SUM(record_key), 0) AS key_sum FROM (
           SELECT record_key FROM insights_stat_citizen WHERE status = 'ACTIVE' AND network_since < ${cutoff}
           UNION ALL
           SELECT c.record_key FROM insights_stat_citizen c
            WHERE c.status = 'ACTIVE' AND c.network_since >= ${end} AND c.last_network IS NOT NULL
              AND COALESCE(${lastHeldBefore('c.pid', end)}, ${COPENHAGEN_MIDNIGHT('c.enrolled_at')}) < ${cutoff}) x`
      : `WITH active AS MATERIALIZED (
           SELECT pid FROM insights_citizen_state
            WHERE status = 'ACTIVE' AND valid_from < ${end} AND (valid_to IS NULL OR valid_to >= ${end}))
         SELECT COUNT(*) AS count, COALESCE(SUM(c.record_key), 0) AS key_sum
           FROM active a JOIN insights_stat_citizen c ON c.pid = a.pid JOIN insights_citizen ic ON ic.pid = a.pid
          WHERE COALESCE(${lastHeldBefore('a.pid', end)}, ${COPENHAGEN_MIDNIGHT('ic.enrolled_at')}) < ${cutoff}`,
    [asOf, addDays(asOf, 1)],
  );
  return { count: num(row.count), keySum: num(row.key_sum) };
}

/**
 * Occupancy and attendance of the courses starting in [from, to] (meetings' definition): each
 * course's enrolments and PRESENT/ABSENT records summed from their rollup (migration
 * 1797000000605), the people behind each up to five.
 */
export async function groupCourseStatistics(dataSource: DataSource, from: string, to: string): Promise<GroupCourseStatistics> {
  const [row]: Record<string, string>[] = await dataSource.query(
    `WITH c AS (SELECT course_id, capacity FROM insights_stat_course WHERE start_date BETWEEN $1 AND $2)
     SELECT (SELECT COUNT(*) FROM c) AS courses, (SELECT COALESCE(SUM(capacity), 0) FROM c) AS seats,
            ${['ENROLLED', 'PRESENT', 'ABSENT']
              .map(
                (status) =>
                  `COALESCE(SUM(t.count) FILTER (WHERE t.status = '${status}'), 0) AS ${status.toLowerCase()},
                   COALESCE(SUM(t.key_sum) FILTER (WHERE t.status = '${status}'), 0) AS ${status.toLowerCase()}_key`,
              )
              .join(', ')}
       FROM c JOIN insights_stat_course_total t USING (course_id)`,
    [from, to],
  );
  const count = (name: string) => ({ count: num(row[name]), keySum: num(row[`${name}_key`]) });
  const inPeriod = `JOIN insights_stat_course c USING (course_id) WHERE c.start_date BETWEEN $1 AND $2`;
  const rowsOf: Record<string, string> = {
    enrolled: `SELECT e.pid FROM insights_stat_enrollment e ${inPeriod}`,
    present: `SELECT a.pid FROM insights_stat_attendance a ${inPeriod} AND a.status = 'PRESENT'`,
    absent: `SELECT a.pid FROM insights_stat_attendance a ${inPeriod} AND a.status = 'ABSENT'`,
    recorded: `SELECT a.pid FROM insights_stat_attendance a ${inPeriod} AND a.status IN ('PRESENT', 'ABSENT')`,
  };
  const counts: Record<string, { count: number; keySum: number }> = {
    enrolled: count('enrolled'),
    present: count('present'),
    absent: count('absent'),
    recorded: { count: num(row.present) + num(row.absent), keySum: num(row.present_key) + num(row.absent_key) },
  };
  const people = await peopleUpTo5(dataSource, Object.fromEntries(Object.entries(rowsOf).filter(([name]) => counts[name].count > 0)), [
    from,
    to,
  ]);
  const cell = (name: string): Cell => ({ ...counts[name], people: people[name] ?? 0 });
  return publishGroupCourseFigures({
    courses: num(row.courses),
    seats: num(row.seats),
    enrolled: cell('enrolled'),
    present: cell('present'),
    absent: cell('absent'),
    recorded: counts.recorded,
    recordedPeople: people.recorded ?? 0,
  });
}

type PlacementRow = { bucket: 'active' | 'completed'; kind: string; outcome: string; count: string; key_sum: string };

const ACTIVE_PLACEMENT = `status = 'ACTIVE' AND start_date <= $2 AND end_date >= $1`;
const COMPLETED_PLACEMENT = `status = 'COMPLETED' AND end_date BETWEEN $1 AND $2`;

/**
 * ACTIVE placements overlapping [from, to] and placements completed in it (placements'
 * definition): the active ones are few and read as they are, the completed ones summed from
 * their rollup per end date, kind and outcome (migration 1797000000604).
 */
export async function placementStatistics(dataSource: DataSource, from: string, to: string): Promise<PlacementStatistics> {
  const rows: PlacementRow[] = await dataSource.query(
    `SELECT 'active' AS bucket, kind, 'ACTIVE' AS outcome, COUNT(*) AS count, SUM(record_key) AS key_sum
       FROM insights_placement WHERE ${ACTIVE_PLACEMENT} GROUP BY kind
     UNION ALL
     SELECT 'completed', kind, outcome, SUM(count), SUM(key_sum) FROM insights_stat_placement_end
      WHERE end_date BETWEEN $1 AND $2 AND count <> 0 GROUP BY kind, outcome`,
    [from, to],
  );
  const completedAs = (outcome: string) => ({
    match: (r: PlacementRow) => r.bucket === 'completed' && r.outcome === outcome,
    where:
      outcome === 'OTHER'
        ? `${COMPLETED_PLACEMENT} AND (outcome IS NULL OR outcome NOT IN ('ORDINARY_EMPLOYMENT', 'EDUCATION'))`
        : `${COMPLETED_PLACEMENT} AND outcome = '${outcome}'`,
  });
  const cells: Record<string, { match: (r: PlacementRow) => boolean; where: string }> = {
    active: { match: (r) => r.bucket === 'active', where: ACTIVE_PLACEMENT },
    completed: { match: (r) => r.bucket === 'completed', where: COMPLETED_PLACEMENT },
    employment: completedAs('ORDINARY_EMPLOYMENT'),
    education: completedAs('EDUCATION'),
    other: completedAs('OTHER'),
    ...Object.fromEntries(
      PLACEMENT_KINDS.map((kind) => [
        kind,
        { match: (r: PlacementRow) => r.kind === kind, where: `((${ACTIVE_PLACEMENT}) OR (${COMPLETED_PLACEMENT})) AND kind = '${kind}'` },
      ]),
    ),
  };
  const counts = Object.fromEntries(
    Object.entries(cells).map(([name, c]) => {
      const mine = rows.filter(c.match);
      return [name, { count: mine.reduce((n, r) => n + num(r.count), 0), keySum: mine.reduce((n, r) => n + num(r.key_sum), 0) }];
    }),
  );
  const people = await peopleUpTo5(
    dataSource,
    Object.fromEntries(
      Object.entries(cells)
        .filter(([name]) => counts[name].count > 0)
        .map(([name, c]) => [name, `SELECT pid FROM insights_placement WHERE ${c.where}`]),
    ),
    [from, to],
  );
  const cell = (name: string): Cell => ({ ...counts[name], people: people[name] ?? 0 });
  return publishPlacementFigures({
    active: cell('active'),
    completed: cell('completed'),
    employment: cell('employment'),
    education: cell('education'),
    other: cell('other'),
    byKind: PLACEMENT_KINDS.map((kind) => ({ key: kind, ...cell(kind) })),
  });
}
