import { DataSource } from 'typeorm';
import { addDays } from '@jobcenter/kit';
import { startOfCopenhagenDay } from '../time/copenhagen';
import { GroupCourseStatistics, MeetingStatistics } from './statistics.types';

const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

/** Counts by outcome over meetings starting in [from, to] (Copenhagen dates), in SQL on the time index. */
export async function meetingStatistics(dataSource: DataSource, from: string, to: string, today: string): Promise<MeetingStatistics> {
  const start = startOfCopenhagenDay(from);
  const end = startOfCopenhagenDay(addDays(to, 1));
  const [counts] = await dataSource.query(
    `SELECT COUNT(*) FILTER (WHERE status = 'HELD') AS held,
            COUNT(*) FILTER (WHERE status = 'NO_SHOW') AS no_show,
            COUNT(*) FILTER (WHERE status = 'EXCUSED') AS excused,
            COUNT(*) FILTER (WHERE status = 'CANCELLED') AS cancelled,
            COUNT(*) FILTER (WHERE status = 'PLANNED') AS planned
       FROM meeting WHERE scheduled_at >= $1 AND scheduled_at < $2`,
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
  const held = Number(counts.held);
  const noShow = Number(counts.no_show);
  return {
    held,
    noShow,
    excused: Number(counts.excused),
    cancelled: Number(counts.cancelled),
    planned: Number(counts.planned),
    attendanceRate: ratio(held, held + noShow),
    networkMeetingsOverdue: Number(overdue.overdue),
  };
}

/** Occupancy and attendance of the courses starting in [from, to], in SQL. */
export async function groupCourseStatistics(dataSource: DataSource, from: string, to: string): Promise<GroupCourseStatistics> {
  const [row] = await dataSource.query(
    `WITH c AS (SELECT id, capacity FROM group_course WHERE start_date BETWEEN $1 AND $2)
     SELECT (SELECT COUNT(*) FROM c) AS courses,
            (SELECT COALESCE(SUM(capacity), 0) FROM c) AS seats,
            (SELECT COUNT(*) FROM enrollment e WHERE e.course_id IN (SELECT id FROM c)) AS enrolled,
            COUNT(*) FILTER (WHERE a.status = 'PRESENT') AS present,
            COUNT(*) FILTER (WHERE a.status = 'ABSENT') AS absent
       FROM attendance a JOIN group_session s ON s.id = a.session_id
      WHERE s.course_id IN (SELECT id FROM c)`,
    [from, to],
  );
  const seats = Number(row.seats);
  const enrolled = Number(row.enrolled);
  const present = Number(row.present);
  return {
    courses: Number(row.courses),
    seats,
    enrolled,
    occupancyRate: ratio(enrolled, seats),
    attendanceRate: ratio(present, present + Number(row.absent)),
  };
}
