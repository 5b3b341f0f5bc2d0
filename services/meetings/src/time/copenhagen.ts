import { DateTime } from 'luxon';

/**
 * How meetings show time: wall-clock text in Copenhagen (luxon). Calendar arithmetic is the kit's
 * (`@jobcenter/kit/calendar`).
 */

/** The zone staff and citizens live in; every time we write as text is shown in it. */
export const ZONE = 'Europe/Copenhagen';

/** "Monday 2 November 2026, 10:00" in Copenhagen wall-clock time. */
function formatCopenhagen(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: ZONE }).setLocale('en-GB').toFormat('cccc d LLLL yyyy, HH:mm');
}

/** "Monday 2 November 2026, 10:00–11:30 (Copenhagen time)". */
export function formatSpan(start: Date, end: Date): string {
  const endText = DateTime.fromJSDate(end, { zone: ZONE }).toFormat('HH:mm');
  return `${formatCopenhagen(start)}–${endText} (Copenhagen time)`;
}

/** Midnight in Copenhagen at the start of a calendar date, as an instant. */
export function startOfCopenhagenDay(date: string): Date {
  return DateTime.fromISO(date, { zone: ZONE }).startOf('day').toJSDate();
}
