import { recordKey } from '@jobcenter/kit';
import type { FactEvent, FactHandler } from './fact.types';
import { lastPerKey, text, upsertRows } from './fact-sql';

/** A meeting's status after each of its events. */
const STATUS_AFTER: Record<string, (e: FactEvent) => string> = {
  'meeting.scheduled': () => 'PLANNED',
  'meeting.rescheduled': () => 'PLANNED',
  'meeting.cancelled': () => 'CANCELLED',
  'meeting.outcomeRecorded': (e) => text(e, 'status'),
};

/**
 * Meetings: kind, time and status as of the meeting's last event in the page (each event carries
 * the whole fact), `meeting.scheduled/rescheduled/cancelled/outcomeRecorded`.
 */
export const meetingFacts: FactHandler = {
  types: Object.keys(STATUS_AFTER),
  async apply(m, events) {
    await upsertRows(
      m,
      'insights_meeting',
      [
        ['meeting_id', 'uuid'],
        ['pid', 'text'],
        ['record_key', 'smallint'],
        ['kind', 'text'],
        ['scheduled_at', 'timestamptz'],
        ['status', 'text'],
      ],
      lastPerKey(events, (e) => text(e, 'meetingId')).map((e) => [
        text(e, 'meetingId'),
        e.pid,
        recordKey(text(e, 'meetingId')),
        text(e, 'kind'),
        text(e, 'scheduledAt'),
        STATUS_AFTER[e.type](e),
      ]),
      'meeting_id',
      'kind = EXCLUDED.kind, scheduled_at = EXCLUDED.scheduled_at, status = EXCLUDED.status',
    );
  },
};

/** Course attendance, one row per (session, citizen), the last recorded status: `attendance.recorded`. */
export const attendanceFacts: FactHandler = {
  types: ['attendance.recorded'],
  async apply(m, events) {
    await upsertRows(
      m,
      'insights_attendance',
      [
        ['session_id', 'uuid'],
        ['pid', 'text'],
        ['record_key', 'smallint'],
        ['starts_at', 'timestamptz'],
        ['status', 'text'],
      ],
      lastPerKey(events, (e) => `${text(e, 'sessionId')}|${e.pid}`).map((e) => [
        text(e, 'sessionId'),
        e.pid,
        recordKey(`${text(e, 'sessionId')}|${e.pid}`),
        text(e, 'startsAt'),
        text(e, 'status'),
      ]),
      'session_id, pid',
      'status = EXCLUDED.status, starts_at = EXCLUDED.starts_at',
    );
  },
};
