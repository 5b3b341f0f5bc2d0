import { DateTime } from 'luxon';

/**
 * When and how a notification goes out: plain functions of time and preferences, unit-tested
 * without a database (test/notification.rules.test.ts).
 */

export const ZONE = 'Europe/Copenhagen';

/** The channels a notification can take (ContactChannel values that reach someone remotely). */
export type DeliveryChannel = 'EMAIL' | 'SMS' | 'LETTER';

/**
 * The citizen's preferred contact (`preferredContact`) as a delivery channel: EMAIL → e-mail,
 * SMS and PHONE → SMS (nobody is rung up by a machine), LETTER → Digital Post. IN_PERSON has no
 * remote channel: null, and the notification is recorded as CANCELLED with the reason, so staff
 * see on the citizen page that the person must be told in person.
 */
export function channelFor(preferredContact: string): DeliveryChannel | null {
  switch (preferredContact) {
    case 'EMAIL':
      return 'EMAIL';
    case 'SMS':
    case 'PHONE':
      return 'SMS';
    case 'LETTER':
      return 'LETTER';
    default:
      return null;
  }
}

/** Quiet hours for SMS, Copenhagen wall-clock: from 21:00 until 08:00. */
export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 8;

/**
 * The earliest moment at or after `at` a message on `channel` may go: SMS waits until 08:00
 * Copenhagen time when `at` falls in 21:00–08:00 (daylight saving included); e-mail and Digital
 * Post land in an inbox and go at once.
 */
export function respectQuietHours(at: Date, channel: string): Date {
  if (channel !== 'SMS') return at;
  const local = DateTime.fromJSDate(at, { zone: ZONE });
  if (local.hour >= QUIET_UNTIL_HOUR && local.hour < QUIET_FROM_HOUR) return at;
  const morning = local.hour >= QUIET_FROM_HOUR ? local.plus({ days: 1 }) : local;
  return morning.set({ hour: QUIET_UNTIL_HOUR, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}

/**
 * Exponential back-off after a failed attempt: base × 2^(attempts − 1), at most one hour.
 * `attempts` counts the attempts made so far (1 after the first failure).
 */
export function retryDelayMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/** A meeting's reminder goes 24 hours before it starts; none when that moment has passed. */
export function reminderTime(meetingAt: Date, now: Date): Date | null {
  const at = new Date(meetingAt.getTime() - 24 * 3_600_000);
  return at.getTime() > now.getTime() ? at : null;
}

/**
 * "Due in 3 days": 09:00 Copenhagen time three days before the deadline's date; at once when that
 * has passed but the deadline has not; null once the deadline's day is over.
 */
export function dueSoonTime(deadline: string, now: Date): Date | null {
  const day = DateTime.fromISO(deadline, { zone: ZONE });
  if (!day.isValid) return null;
  if (day.endOf('day').toJSDate().getTime() < now.getTime()) return null;
  const at = day.minus({ days: 3 }).set({ hour: 9 }).toJSDate();
  return at.getTime() > now.getTime() ? at : now;
}

/** The Copenhagen calendar date of an instant (YYYY-MM-DD). */
export function copenhagenDate(at: Date): string {
  return DateTime.fromJSDate(at, { zone: ZONE }).toISODate()!;
}

/** Whether the daily digest is due: on or after 07:00 Copenhagen time. */
export function digestDue(now: Date, hour = 7): boolean {
  return DateTime.fromJSDate(now, { zone: ZONE }).hour >= hour;
}

/** SMTP answers in the 500s are permanent: retrying sends the same refusal back. */
export function isPermanent(error: { responseCode?: number; permanent?: boolean }): boolean {
  return error.permanent === true || (typeof error.responseCode === 'number' && error.responseCode >= 500 && error.responseCode < 600);
}
