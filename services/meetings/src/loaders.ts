import DataLoader from 'dataloader';
import { DataSource, In, IsNull } from 'typeorm';
import { groupedBy, LoaderFactory, uniqueBy } from '@jobcenter/kit';
import { isUuid } from '@jobcenter/kit/ids';
import { Agreement, AgreementStatusChange } from './agreement/agreement.entity';
import { AgreementStatus } from './agreement/agreement.enums';
import { cadenceLoader } from './cadence/cadence.loader';
import { Attendance } from './course/attendance.entity';
import { CourseFacilitator } from './course/course-facilitator.entity';
import { attendanceRate } from './course/course.rules';
import { Enrollment } from './course/enrollment.entity';
import { GroupCourse } from './course/group-course.entity';
import { GroupSession } from './course/group-session.entity';
import { MeetingParticipant } from './meeting/meeting-participant.entity';
import { Meeting } from './meeting/meeting.entity';
import { MinutesAmendment } from './meeting/minutes-amendment.entity';
import { targetGroupLoader } from './follow-up/citizens.client';
import { FollowUpInterval } from './follow-up/follow-up-interval.entity';
import { kickoffsByPlacement } from './placement/kickoff.loader';

export type MeetingsLoaders = ReturnType<typeof createLoaders>;

/** A staff member's bookings in a time window, keyed "staffId|from|to". */
export const agendaKey = (staffId: string, from: Date, to: Date) => `${staffId}|${from.toISOString()}|${to.toISOString()}`;

/**
 * Per-window batches: every staff member asked for with the same window shares one statement
 * (the usual case: one agenda query for a team's week).
 */
function byStaffAndWindow<T>(staffOf: (row: T) => string, load: (staffIds: string[], from: Date, to: Date) => Promise<T[]>) {
  return new DataLoader<string, T[]>(async (keys) => {
    const windows = new Map<string, { from: Date; to: Date; staff: Set<string> }>();
    for (const key of keys) {
      const [staffId, from, to] = key.split('|');
      const window = windows.get(`${from}|${to}`) ?? { from: new Date(from), to: new Date(to), staff: new Set<string>() };
      if (isUuid(staffId)) window.staff.add(staffId);
      windows.set(`${from}|${to}`, window);
    }
    const results = new Map<string, T[]>();
    for (const [windowKey, window] of windows) {
      const rows = window.staff.size ? await load([...window.staff], window.from, window.to) : [];
      for (const row of rows) {
        const k = `${staffOf(row)}|${windowKey}`;
        results.set(k, [...(results.get(k) ?? []), row]);
      }
    }
    return keys.map((k) => results.get(k) ?? []);
  });
}

/** A `meeting` row from raw SQL as the entity (pg gives Date for timestamptz, objects for jsonb). */
function meetingFromRow(row: Record<string, any>): Meeting {
  return Object.assign(new Meeting(), {
    id: row.id,
    citizenId: row.citizen_id,
    kind: row.kind,
    scheduledAt: row.scheduled_at,
    durationMinutes: row.duration_minutes,
    endsAt: row.ends_at,
    location: row.location,
    status: row.status,
    summary: row.summary,
    reason: row.reason,
    outcomeRecordedAt: row.outcome_recorded_at,
    placementId: row.placement_id ?? null,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

export interface StaffMeetingRow {
  staffId: string;
  meeting: Meeting;
}

export interface StaffSessionRow {
  staffId: string;
  session: GroupSession;
  course: GroupCourse;
}

/** Attendance rate per enrollment, computed in SQL for a batch of enrollments. */
async function attendanceRates(dataSource: DataSource, enrollmentIds: string[]) {
  const rows: { id: string; present: string; absent: string }[] = await dataSource.query(
    `SELECT e.id,
            COUNT(*) FILTER (WHERE a.status = 'PRESENT') AS present,
            COUNT(*) FILTER (WHERE a.status = 'ABSENT') AS absent
       FROM enrollment e
       LEFT JOIN group_session s ON s.course_id = e.course_id
       LEFT JOIN attendance a ON a.session_id = s.id AND a.citizen_id = e.citizen_id
      WHERE e.id = ANY($1::uuid[])
      GROUP BY e.id`,
    [enrollmentIds],
  );
  return rows.map((r) => ({ id: r.id, rate: attendanceRate(Number(r.present), Number(r.absent)) }));
}

/** Per-request loaders: each batch of ids costs one SQL statement. */
export const createLoaders = (({ dataSource }) => {
  const meetings = dataSource.getRepository(Meeting);

  return {
    /** Kick-off meetings (PLACEMENT_KICKOFF) of each placement, newest first (placement/kickoff.fields.ts). */
    kickoffsByPlacement: kickoffsByPlacement(dataSource),
    meetingById: uniqueBy<Meeting>(
      (m) => m.id,
      (ids) => meetings.findBy({ id: In(ids) }),
    ),
    /** The one meeting each cadence field needs (next, last network meeting, …), by `cadenceKey`. */
    cadence: cadenceLoader(dataSource, meetingFromRow),
    /** All of a citizen's meetings, oldest first; fields filter them in memory. */
    meetingsByCitizen: groupedBy<Meeting>(
      (m) => m.citizenId,
      (ids) => meetings.find({ where: { citizenId: In(ids) }, order: { scheduledAt: 'ASC', id: 'ASC' } }),
    ),
    participantsByMeeting: groupedBy<MeetingParticipant>(
      (p) => p.meetingId,
      (ids) => dataSource.getRepository(MeetingParticipant).find({ where: { meetingId: In(ids) }, order: { position: 'ASC' } }),
    ),
    /** A meeting's agreements (those a correction did not take out), in the order recorded. */
    agreementsByMeeting: groupedBy<Agreement>(
      (a) => a.meetingId,
      (ids) =>
        dataSource.getRepository(Agreement).find({ where: { meetingId: In(ids), withdrawnAt: IsNull() }, order: { position: 'ASC' } }),
    ),
    /**
     * A citizen's OPEN agreements, earliest deadline first (none last), then oldest meeting first:
     * one statement for a whole caseload (`openAgreements`, `overdueAgreements`, the agenda).
     */
    openAgreementsByCitizen: groupedBy<Agreement>(
      (a) => a.citizenId,
      (ids) =>
        dataSource
          .getRepository(Agreement)
          .createQueryBuilder('a')
          .where('a.citizen_id = ANY(:ids) AND a.status = :open AND a.withdrawn_at IS NULL', { ids, open: AgreementStatus.OPEN })
          .orderBy('a.deadline', 'ASC', 'NULLS LAST')
          .addOrderBy('a.created_at', 'ASC')
          .addOrderBy('a.position', 'ASC')
          .getMany(),
    ),
    agreementById: uniqueBy<Agreement>(
      (a) => a.id,
      (ids) => dataSource.getRepository(Agreement).findBy({ id: In(ids) }),
    ),
    historyByAgreement: groupedBy<AgreementStatusChange>(
      (c) => c.agreementId,
      (ids) => dataSource.getRepository(AgreementStatusChange).find({ where: { agreementId: In(ids) }, order: { at: 'ASC', id: 'ASC' } }),
    ),
    /** A follow-up interval set for the citizen, if any. */
    followUpIntervalByCitizen: uniqueBy<FollowUpInterval>(
      (f) => f.citizenId,
      (ids) => dataSource.getRepository(FollowUpInterval).findBy({ citizenId: In(ids) }),
    ),
    /** Target groups from the citizens service (for the default interval), batched per request. */
    targetGroup: targetGroupLoader(),
    amendmentsByMeeting: groupedBy<MinutesAmendment>(
      (a) => a.meetingId,
      (ids) => dataSource.getRepository(MinutesAmendment).find({ where: { meetingId: In(ids) }, order: { amendedAt: 'ASC' } }),
    ),
    courseById: uniqueBy<GroupCourse>(
      (c) => c.id,
      (ids) => dataSource.getRepository(GroupCourse).findBy({ id: In(ids) }),
    ),
    sessionsByCourse: groupedBy<GroupSession>(
      (s) => s.courseId,
      (ids) => dataSource.getRepository(GroupSession).find({ where: { courseId: In(ids) }, order: { number: 'ASC' } }),
    ),
    sessionById: uniqueBy<GroupSession>(
      (s) => s.id,
      (ids) => dataSource.getRepository(GroupSession).findBy({ id: In(ids) }),
    ),
    facilitatorsByCourse: groupedBy<CourseFacilitator>(
      (f) => f.courseId,
      (ids) => dataSource.getRepository(CourseFacilitator).find({ where: { courseId: In(ids) }, order: { position: 'ASC' } }),
    ),
    enrollmentsByCourse: groupedBy<Enrollment>(
      (e) => e.courseId,
      (ids) => dataSource.getRepository(Enrollment).find({ where: { courseId: In(ids) }, order: { enrolledAt: 'ASC', id: 'ASC' } }),
    ),
    enrollmentsByCitizen: groupedBy<Enrollment>(
      (e) => e.citizenId,
      (ids) => dataSource.getRepository(Enrollment).find({ where: { citizenId: In(ids) }, order: { enrolledAt: 'ASC', id: 'ASC' } }),
    ),
    attendanceRateByEnrollment: new DataLoader<string, number | null>(async (keys) => {
      const ids = [...new Set(keys.filter(isUuid))];
      const rates = new Map((ids.length ? await attendanceRates(dataSource, ids) : []).map((r) => [r.id, r.rate]));
      return keys.map((k) => rates.get(k) ?? null);
    }),
    attendanceBySession: groupedBy<Attendance>(
      (a) => a.sessionId,
      (ids) => dataSource.getRepository(Attendance).find({ where: { sessionId: In(ids) }, order: { recordedAt: 'ASC' } }),
    ),
    /** Meetings (not cancelled) a staff member takes part in within a window, by start time. */
    meetingsByStaffWindow: byStaffAndWindow<StaffMeetingRow>(
      (r) => r.staffId,
      async (staffIds, from, to) => {
        const rows: Record<string, any>[] = await dataSource.query(
          `SELECT m.*, p.staff_id AS participant_staff_id
             FROM meeting m JOIN meeting_participant p ON p.meeting_id = m.id
            WHERE p.staff_id = ANY($1::uuid[]) AND m.status <> 'CANCELLED'
              AND m.scheduled_at < $3 AND m.ends_at > $2
            ORDER BY m.scheduled_at, m.id`,
          [staffIds, from, to],
        );
        return rows.map((row) => ({ staffId: row.participant_staff_id as string, meeting: meetingFromRow(row) }));
      },
    ),
    /** Group sessions a staff member facilitates within a window, by start time. */
    sessionsByStaffWindow: byStaffAndWindow<StaffSessionRow>(
      (r) => r.staffId,
      async (staffIds, from, to) => {
        const rows: Record<string, any>[] = await dataSource.query(
          `SELECT s.id, s.course_id, s.number, s.starts_at, s.duration_minutes, s.ends_at, f.staff_id,
                  c.title, c.topics, c.start_date::text AS start_date, c.end_date::text AS end_date, c.capacity, c.location, c.created_by, c.created_at
             FROM group_session s
             JOIN course_facilitator f ON f.course_id = s.course_id
             JOIN group_course c ON c.id = s.course_id
            WHERE f.staff_id = ANY($1::uuid[]) AND s.starts_at < $3 AND s.ends_at > $2
            ORDER BY s.starts_at, s.id`,
          [staffIds, from, to],
        );
        return rows.map((row) => ({
          staffId: row.staff_id as string,
          session: Object.assign(new GroupSession(), {
            id: row.id,
            courseId: row.course_id,
            number: row.number,
            startsAt: row.starts_at,
            durationMinutes: row.duration_minutes,
            endsAt: row.ends_at,
          }),
          course: Object.assign(new GroupCourse(), {
            id: row.course_id,
            title: row.title,
            topics: row.topics,
            startDate: row.start_date,
            endDate: row.end_date,
            capacity: row.capacity,
            location: row.location,
            createdBy: row.created_by,
            createdAt: row.created_at,
          }),
        }));
      },
    ),
  };
}) satisfies LoaderFactory<unknown>;
