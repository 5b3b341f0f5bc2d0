import { DateTime } from 'luxon';
import { todayInCopenhagen } from '@jobcenter/kit';

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

/**
 * The Copenhagen calendar date (YYYY-MM-DD) an instant falls on. The kit's Intl formatter, not
 * luxon: a caseload asks this for every citizen, and luxon's zone offset look-up cost more than
 * the rest of the field.
 */
export function copenhagenDate(instant: Date): string {
  return todayInCopenhagen(instant);
}

/** Midnight in Copenhagen at the start of a calendar date, as an instant. */
export function startOfCopenhagenDay(date: string): Date {
  return DateTime.fromISO(date, { zone: ZONE }).startOf('day').toJSDate();
}

/** A calendar date plus whole months (end-of-month clamped: 2026-05-31 − 3 months = 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(0);
  // Day 0 of the month after the target month: the target month's last day.
  target.setUTCFullYear(year, month - 1 + months + 1, 0);
  target.setUTCDate(Math.min(day, target.getUTCDate()));
  return target.toISOString().slice(0, 10);
}

export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000);
}
