import type { AnyNewEvent } from '@jobcenter/kit';
import type { GroupCourse } from './course/group-course.entity';
import type { GroupSession } from './course/group-session.entity';
import type { Meeting } from './meeting/meeting.entity';

/**
 * This subgraph's domain events (docs/events.md), built from its entities: the same builders
 * serve the mutations and the demo and scale seeds. Ids, codes, instants and numbers only: a
 * meeting's place, minutes, agreements' text and cancel reason stay here.
 */
type MeetingFacts = Pick<Meeting, 'id' | 'citizenId' | 'kind' | 'scheduledAt'> & Partial<Pick<Meeting, 'placementId'>>;
const iso = (at: Date | string) => new Date(at).toISOString();

export const meetingScheduled = (m: MeetingFacts & Pick<Meeting, 'durationMinutes'>, staffIds: string[]): AnyNewEvent => ({
  type: 'meeting.scheduled',
  aggregateId: m.id,
  citizenId: m.citizenId,
  payload: {
    meetingId: m.id,
    kind: m.kind,
    scheduledAt: iso(m.scheduledAt),
    durationMinutes: m.durationMinutes,
    staffIds,
    placementId: m.placementId ?? null,
  },
});

export const meetingRescheduled = (m: MeetingFacts, previousScheduledAt: Date, staffIds: string[]): AnyNewEvent => ({
  type: 'meeting.rescheduled',
  aggregateId: m.id,
  citizenId: m.citizenId,
  payload: { meetingId: m.id, kind: m.kind, scheduledAt: iso(m.scheduledAt), previousScheduledAt: iso(previousScheduledAt), staffIds },
});

export const meetingCancelled = (m: MeetingFacts): AnyNewEvent => ({
  type: 'meeting.cancelled',
  aggregateId: m.id,
  citizenId: m.citizenId,
  payload: { meetingId: m.id, kind: m.kind, scheduledAt: iso(m.scheduledAt) },
});

export const meetingOutcomeRecorded = (m: MeetingFacts & Pick<Meeting, 'status'>): AnyNewEvent => ({
  type: 'meeting.outcomeRecorded',
  aggregateId: m.id,
  citizenId: m.citizenId,
  payload: { meetingId: m.id, kind: m.kind, scheduledAt: iso(m.scheduledAt), status: m.status, placementId: m.placementId ?? null },
});

export const courseCreated = (c: Pick<GroupCourse, 'id' | 'topics' | 'capacity' | 'startDate'>, sessions: number): AnyNewEvent => ({
  type: 'course.created',
  aggregateId: c.id,
  citizenId: null,
  payload: { courseId: c.id, topics: [...c.topics], capacity: c.capacity, startDate: c.startDate, sessions },
});

export const courseEnrolled = (courseId: string, citizenId: string): AnyNewEvent => ({
  type: 'course.enrolled',
  aggregateId: courseId,
  citizenId,
  payload: { courseId },
});

export const attendanceRecorded = (
  session: Pick<GroupSession, 'id' | 'courseId' | 'number' | 'startsAt'>,
  citizenId: string,
  status: string,
): AnyNewEvent => ({
  type: 'attendance.recorded',
  aggregateId: session.courseId,
  citizenId,
  payload: { sessionId: session.id, courseId: session.courseId, sessionNumber: session.number, startsAt: iso(session.startsAt), status },
});
