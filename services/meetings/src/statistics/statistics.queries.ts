import { DataSource } from 'typeorm';
import {
  Cell,
  GroupCourseStatistics,
  MeetingStatistics,
  MIN_CELL_SIZE,
  publishGroupCourseFigures,
  publishMeetingFigures,
} from '@jobcenter/kit';
import { addDays } from '@jobcenter/kit/calendar';
import { recordKeySecret, recordKeySql } from '@jobcenter/kit';
import { startOfCopenhagenDay } from '../time/copenhagen';

/**
 * Counts by outcome over meetings starting in [from, to] (Copenhagen dates), each with the
 * citizens behind it, so small-cell suppression judges people. The counts are an index-only scan
 * of ix_meeting_time_status. Suppression only asks whether a count concerns 1–4 people, so the
 * people are counted up to MIN_CELL_SIZE (DISTINCT … LIMIT, which stops after 5 citizens) rather
 * than exactly: an exact COUNT(DISTINCT) sorted every meeting of the period (0.4 s at 50,000
 * citizens) for the same answer.
 */
export async function meetingStatistics(dataSource: DataSource, from: string, to: string, today: string): Promise<MeetingStatistics> {
  const start = startOfCopenhagenDay(from);
  const end = startOfCopenhagenDay(addDays(to, 1));
  const outcomes: Record<string, string> = {
    held: `status = 'HELD'`,
    no_show: `status = 'NO_SHOW'`,
    excused: `status = 'EXCUSED'`,
    cancelled: `status = 'CANCELLED'`,
    planned: `status = 'PLANNED'`,
    attended_or_not: `status IN ('HELD', 'NO_SHOW')`,
  };
  const columns = Object.entries(outcomes).flatMap(([name, where]) => [
    `COUNT(*) FILTER (WHERE ${where}) AS ${name}`,
    // The meetings' record keys, for the cell-key perturbation of the published count.
    `COALESCE(SUM(${recordKeySql('id', '$3')}) FILTER (WHERE ${where}), 0) AS ${name}_key`,
    `(SELECT COUNT(*) FROM (SELECT DISTINCT citizen_id FROM meeting WHERE scheduled_at >= $1 AND scheduled_at < $2 AND ${where} LIMIT ${MIN_CELL_SIZE}) p) AS ${name}_people`,
  ]);
  const [counts] = await dataSource.query(`SELECT ${columns.join(', ')} FROM meeting WHERE scheduled_at >= $1 AND scheduled_at < $2`, [
    start,
    end,
    recordKeySecret(),
  ]);
  const asOf = to < today ? to : today;
  // Open cases: the meetings service does not know a citizen's status (the citizens service
  // does), and most citizens in the data are closed or self-supporting. A citizen with a meeting
  // still PLANNED is one the jobcenter is following, so those are the ones counted; a closed
  // case has none. Per citizen, two index probes (ix_meeting_kind_status_citizen for the last
  // held network meeting, ix_meeting_citizen_time for first contact) instead of scanning every
  // meeting. Overdue when the last held network meeting (or, with none, first contact) is more
  // than 3 months before the as-of day: `since` is the first day whose + 3 months reaches it,
  // with PostgreSQL's month arithmetic, as before.
  const [overdue] = await dataSource.query(
    `WITH bounds AS (
        SELECT (MIN(d)::timestamp AT TIME ZONE 'Europe/Copenhagen') AS since
          FROM generate_series($2::date - 100, $2::date, interval '1 day') d
         WHERE (d::date + interval '3 months')::date >= $2::date
      ), open_cases AS (
        SELECT DISTINCT citizen_id FROM meeting WHERE status = 'PLANNED'
      )
      SELECT COUNT(*) AS overdue, COALESCE(SUM(${recordKeySql('c.citizen_id', '$3')}), 0) AS overdue_key
        FROM open_cases c, bounds b
       WHERE COALESCE((SELECT MAX(m.scheduled_at) FROM meeting m
                        WHERE m.kind = 'NETWORK_MEETING' AND m.status = 'HELD' AND m.citizen_id = c.citizen_id AND m.scheduled_at < $1),
                      '-infinity') < b.since
         AND (EXISTS (SELECT 1 FROM meeting m WHERE m.citizen_id = c.citizen_id AND m.scheduled_at < b.since)
              OR EXISTS (SELECT 1 FROM enrollment e WHERE e.citizen_id = c.citizen_id AND e.enrolled_at < b.since))`,
    [startOfCopenhagenDay(addDays(asOf, 1)), asOf, recordKeySecret()],
  );
  const cell = (key: string): Cell => ({
    count: Number(counts[key]),
    people: Number(counts[`${key}_people`]),
    keySum: Number(counts[`${key}_key`]),
  });
  return publishMeetingFigures({
    held: cell('held'),
    noShow: cell('no_show'),
    excused: cell('excused'),
    cancelled: cell('cancelled'),
    planned: cell('planned'),
    attendedOrNot: cell('attended_or_not'),
    networkMeetingsOverdue: { count: Number(overdue.overdue), keySum: Number(overdue.overdue_key) },
  });
}

/**
 * Occupancy and attendance of the courses starting in [from, to], in SQL. Courses and seats
 * describe no one and are always shown; enrolments and attendance are judged by the citizens
 * behind them.
 */
export async function groupCourseStatistics(dataSource: DataSource, from: string, to: string): Promise<GroupCourseStatistics> {
  const [row] = await dataSource.query(
    `WITH c AS (SELECT id, capacity FROM group_course WHERE start_date BETWEEN $1 AND $2)
     SELECT (SELECT COUNT(*) FROM c) AS courses,
            (SELECT COALESCE(SUM(capacity), 0) FROM c) AS seats,
            (SELECT COUNT(*) FROM enrollment e WHERE e.course_id IN (SELECT id FROM c)) AS enrolled,
            (SELECT COALESCE(SUM(${recordKeySql(`e.course_id::text || e.citizen_id::text`, '$3')}), 0)
               FROM enrollment e WHERE e.course_id IN (SELECT id FROM c)) AS enrolled_key,
            (SELECT COUNT(DISTINCT e.citizen_id) FROM enrollment e WHERE e.course_id IN (SELECT id FROM c)) AS enrolled_people,
            COUNT(*) FILTER (WHERE a.status = 'PRESENT') AS present,
            COUNT(DISTINCT a.citizen_id) FILTER (WHERE a.status = 'PRESENT') AS present_people,
            COUNT(*) FILTER (WHERE a.status = 'ABSENT') AS absent,
            COALESCE(SUM(${recordKeySql(`a.session_id::text || a.citizen_id::text`, '$3')}) FILTER (WHERE a.status = 'PRESENT'), 0) AS present_key,
            COALESCE(SUM(${recordKeySql(`a.session_id::text || a.citizen_id::text`, '$3')}) FILTER (WHERE a.status = 'ABSENT'), 0) AS absent_key,
            COUNT(*) FILTER (WHERE a.status IN ('PRESENT', 'ABSENT')) AS recorded,
            COALESCE(SUM(${recordKeySql(`a.session_id::text || a.citizen_id::text`, '$3')}) FILTER (WHERE a.status IN ('PRESENT', 'ABSENT')), 0) AS recorded_key,
            COUNT(DISTINCT a.citizen_id) FILTER (WHERE a.status = 'ABSENT') AS absent_people,
            COUNT(DISTINCT a.citizen_id) FILTER (WHERE a.status IN ('PRESENT', 'ABSENT')) AS recorded_people
       FROM attendance a JOIN group_session s ON s.id = a.session_id
      WHERE s.course_id IN (SELECT id FROM c)`,
    [from, to, recordKeySecret()],
  );
  const cell = (key: string): Cell => ({
    count: Number(row[key]),
    people: Number(row[`${key}_people`]),
    keySum: Number(row[`${key}_key`]),
  });
  return publishGroupCourseFigures({
    courses: Number(row.courses),
    seats: Number(row.seats),
    enrolled: cell('enrolled'),
    present: cell('present'),
    absent: cell('absent'),
    recorded: { count: Number(row.recorded), keySum: Number(row.recorded_key) },
    recordedPeople: Number(row.recorded_people),
  });
}
