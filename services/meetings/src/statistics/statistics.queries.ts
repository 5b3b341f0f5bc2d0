import { DataSource } from 'typeorm';
import { addDays, Cell, CellSuppression } from '@jobcenter/kit';
import { startOfCopenhagenDay } from '../time/copenhagen';
import { GroupCourseStatistics, MeetingStatistics } from './statistics.types';

const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

/**
 * Counts by outcome over meetings starting in [from, to] (Copenhagen dates), in SQL on the time
 * index, each with the distinct citizens behind it: small-cell suppression judges people.
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
    `COUNT(DISTINCT citizen_id) FILTER (WHERE ${where}) AS ${name}_people`,
  ]);
  const [counts] = await dataSource.query(
    `SELECT ${columns.join(', ')} FROM meeting WHERE scheduled_at >= $1 AND scheduled_at < $2`,
    [start, end],
  );
  const asOf = to < today ? to : today;
  const [overdue] = await dataSource.query(
    `WITH seen AS (
        SELECT citizen_id, MIN(scheduled_at) AS first_seen FROM meeting WHERE scheduled_at < $1 GROUP BY citizen_id
        UNION ALL
        SELECT citizen_id, MIN(enrolled_at) FROM enrollment WHERE enrolled_at < $1 GROUP BY citizen_id
      ), citizens AS (
        SELECT citizen_id, MIN(first_seen) AS first_seen FROM seen GROUP BY citizen_id
      ), last_network AS (
        SELECT citizen_id, MAX(scheduled_at) AS last_held
          FROM meeting WHERE kind = 'NETWORK_MEETING' AND status = 'HELD' AND scheduled_at < $1 GROUP BY citizen_id
      )
      SELECT COUNT(*) AS overdue
        FROM citizens c LEFT JOIN last_network l USING (citizen_id)
       WHERE ((COALESCE(l.last_held, c.first_seen) AT TIME ZONE 'Europe/Copenhagen')::date + interval '3 months')::date < $2::date`,
    [startOfCopenhagenDay(addDays(asOf, 1)), asOf],
  );
  const cell = (key: string): Cell => ({ count: Number(counts[key]), people: Number(counts[`${key}_people`]) });
  const [held, noShow] = [cell('held'), cell('no_show')];
  const s = new CellSuppression();
  return {
    held: s.count('held', held),
    noShow: s.count('noShow', noShow),
    excused: s.count('excused', cell('excused')),
    cancelled: s.count('cancelled', cell('cancelled')),
    planned: s.count('planned', cell('planned')),
    attendanceRate: s.rate('attendanceRate', ratio(held.count, held.count + noShow.count), { over: cell('attended_or_not'), from: [held, noShow] }),
    networkMeetingsOverdue: s.count('networkMeetingsOverdue', Number(overdue.overdue)),
    suppressed: s.suppressed,
  };
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
            (SELECT COUNT(DISTINCT e.citizen_id) FROM enrollment e WHERE e.course_id IN (SELECT id FROM c)) AS enrolled_people,
            COUNT(*) FILTER (WHERE a.status = 'PRESENT') AS present,
            COUNT(DISTINCT a.citizen_id) FILTER (WHERE a.status = 'PRESENT') AS present_people,
            COUNT(*) FILTER (WHERE a.status = 'ABSENT') AS absent,
            COUNT(DISTINCT a.citizen_id) FILTER (WHERE a.status = 'ABSENT') AS absent_people,
            COUNT(DISTINCT a.citizen_id) FILTER (WHERE a.status IN ('PRESENT', 'ABSENT')) AS recorded_people
       FROM attendance a JOIN group_session s ON s.id = a.session_id
      WHERE s.course_id IN (SELECT id FROM c)`,
    [from, to],
  );
  const cell = (key: string): Cell => ({ count: Number(row[key]), people: Number(row[`${key}_people`]) });
  const seats = Number(row.seats);
  const enrolled = cell('enrolled');
  const [present, absent] = [cell('present'), cell('absent')];
  const s = new CellSuppression();
  return {
    courses: Number(row.courses),
    seats,
    enrolled: s.count('enrolled', enrolled),
    occupancyRate: s.rate('occupancyRate', ratio(enrolled.count, seats), { over: enrolled, from: [enrolled] }),
    attendanceRate: s.rate('attendanceRate', ratio(present.count, present.count + absent.count), {
      over: Number(row.recorded_people),
      from: [present, absent],
    }),
    suppressed: s.suppressed,
  };
}
