import { addDays } from '@jobcenter/kit';
import { MeetingKind, MeetingStatus } from '../meeting/meeting.enums';
import { addMonths, copenhagenDate } from '../time/copenhagen';

/**
 * The rhythm of the seeds (local practice, seeds/003): close individual follow-up about every
 * 14 days, network meetings every 2–3 months. Kept here as data, not scattered in resolvers.
 */
export const CADENCE = {
  followUpIntervalDays: 14,
  networkMeetingMaxMonths: 3,
  /** Contacts that count as individual follow-up. */
  followUpKinds: [MeetingKind.FOLLOW_UP, MeetingKind.WALK_AND_TALK, MeetingKind.HOME_VISIT, MeetingKind.NETWORK_MEETING],
  source: 'seeds/003 (Ryslinge, "På vej til arbejde"): follow-up every 14 days, network meetings every 2nd or 3rd month',
} as const;

/**
 * The follow-up interval a citizen gets from their target group until staff set one of their own
 * (`setFollowUpInterval`): 14 days (the seeds' close follow-up), 28 for job-ready cash benefit
 * recipients, who need less close contact (issue 18). Bounds for an interval set per citizen.
 */
export const FOLLOW_UP_INTERVAL = {
  defaultDays: CADENCE.followUpIntervalDays,
  byTargetGroup: { JOB_READY: 28 } as Readonly<Record<string, number>>,
  minDays: 7,
  maxDays: 90,
  source: 'seeds/003 (every 14 days, configurable per citizen, DOMAIN.md); job-ready every 28 days (issue 18)',
} as const;

/** The default interval for a target group (14 days unless the group has its own). */
export function defaultFollowUpIntervalDays(targetGroup: string | null | undefined): number {
  return (targetGroup && FOLLOW_UP_INTERVAL.byTargetGroup[targetGroup]) || FOLLOW_UP_INTERVAL.defaultDays;
}

/** Is this a follow-up interval staff may set (whole days, 7 to 90)? */
export function validFollowUpInterval(days: number): boolean {
  return Number.isInteger(days) && days >= FOLLOW_UP_INTERVAL.minDays && days <= FOLLOW_UP_INTERVAL.maxDays;
}

export interface MeetingFact {
  kind: MeetingKind;
  status: MeetingStatus;
  scheduledAt: Date;
}

const byTime = <T extends MeetingFact>(a: T, b: T) => a.scheduledAt.getTime() - b.scheduledAt.getTime();

/** The next planned meeting that has not started yet. */
export function nextMeeting<T extends MeetingFact>(meetings: readonly T[], now: Date): T | null {
  return [...meetings].filter((m) => m.status === MeetingStatus.PLANNED && m.scheduledAt >= now).sort(byTime)[0] ?? null;
}

/** The latest network meeting that was held. */
export function lastNetworkMeeting<T extends MeetingFact>(meetings: readonly T[]): T | null {
  const held = meetings.filter((m) => m.kind === MeetingKind.NETWORK_MEETING && m.status === MeetingStatus.HELD).sort(byTime);
  return held[held.length - 1] ?? null;
}

/**
 * Overdue when the last held network meeting is more than 3 months ago, or, with none held,
 * when the citizen has been enrolled for more than 3 months. Dates are Copenhagen dates.
 */
export function networkMeetingOverdue(last: MeetingFact | null, enrolledAt: string, today: string): boolean {
  const since = last ? copenhagenDate(last.scheduledAt) : enrolledAt;
  return addMonths(since, CADENCE.networkMeetingMaxMonths) < today;
}

/** The latest held individual follow-up contact. */
export function lastFollowUp<T extends MeetingFact>(meetings: readonly T[]): T | null {
  const held = meetings
    .filter((m) => (CADENCE.followUpKinds as readonly MeetingKind[]).includes(m.kind) && m.status === MeetingStatus.HELD)
    .sort(byTime);
  return held[held.length - 1] ?? null;
}

/**
 * When the next follow-up is due: the interval (14 days unless set otherwise) after the last held
 * one; today when none has been held. `due` is true once that date has come and no follow-up
 * contact is booked ahead; `overdue` once it has passed.
 */
export function followUpStatus(
  meetings: readonly MeetingFact[],
  now: Date,
  intervalDays: number = CADENCE.followUpIntervalDays,
): FollowUpStatus {
  const booked = meetings.some(
    (m) => (CADENCE.followUpKinds as readonly MeetingKind[]).includes(m.kind) && m.status === MeetingStatus.PLANNED && m.scheduledAt >= now,
  );
  return followUpStatusOf(lastFollowUp(meetings), booked, now, intervalDays);
}

export interface FollowUpStatus {
  dueOn: string;
  due: boolean;
  overdue: boolean;
}

/** `followUpStatus` from the last held follow-up contact and whether one is booked ahead. */
export function followUpStatusOf(
  last: MeetingFact | null,
  booked: boolean,
  now: Date,
  intervalDays: number = CADENCE.followUpIntervalDays,
): FollowUpStatus {
  const today = copenhagenDate(now);
  const dueOn = last ? addDays(copenhagenDate(last.scheduledAt), intervalDays) : today;
  return { dueOn, due: dueOn <= today && !booked, overdue: dueOn < today && !booked };
}
