import type { IntlShape } from 'react-intl';

/**
 * Dates as the jobcentre reads them: API dates (`YYYY-MM-DD`) are Copenhagen calendar days,
 * API times (`DateTime`) are UTC instants shown in Copenhagen time, whatever the browser's zone.
 */
const ZONE = 'Europe/Copenhagen';
const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Copenhagen as `YYYY-MM-DD`. */
export function todayInCopenhagen(now: Date = new Date()): string {
  return isoDay.format(now);
}

/** A calendar day, e.g. "7. dec. 2026" / "7 Dec 2026". */
export function formatDay(intl: IntlShape, day: string, style: 'short' | 'long' = 'short'): string {
  return intl.formatDate(new Date(`${day}T12:00:00Z`), {
    day: 'numeric',
    month: style === 'long' ? 'long' : 'short',
    year: 'numeric',
    timeZone: ZONE,
  });
}

/** An instant with weekday and time, e.g. "tirs. 8. dec. 10.00". */
export function formatDateTime(intl: IntlShape, instant: string): string {
  return intl.formatDate(new Date(instant), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: ZONE,
  });
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar day written `YYYY-MM-DD` (what a date input gives). */
export function isDay(value: string | null | undefined): value is string {
  if (!value || !DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
