import { MeetingStatus } from '../meeting/meeting.enums';

/**
 * Which of a placement's kick-off meetings is "the" kick-off: the newest that was not cancelled
 * (held, planned, or missed and to be booked again); when every one was cancelled, the newest.
 */
export function currentKickoff<T extends { status: MeetingStatus }>(newestFirst: readonly T[]): T | null {
  return newestFirst.find((m) => m.status !== MeetingStatus.CANCELLED) ?? newestFirst[0] ?? null;
}

/** Meeting kinds that may name a placement. */
export const PLACEMENT_MEETING_KINDS = ['PLACEMENT_KICKOFF', 'PLACEMENT_FOLLOW_UP'] as const;
