import { addDays } from '@jobcenter/kit';

/** Days from `from` to `to` on the calendar (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The last day of a period of `months` months starting on `start` (both days included): the
 * day before the same day of the month `months` later, or the last day of that month when it has
 * no such day (31 January + 1 month ends 28 February).
 */
export function lastDayOfMonths(start: string, months: number): string {
  const [y, m, d] = start.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const daysInTarget = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  if (d > daysInTarget) {
    return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), daysInTarget)).toISOString().slice(0, 10);
  }
  return addDays(new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), d)).toISOString().slice(0, 10), -1);
}

/** The last day of a period of `weeks` weeks starting on `start`, both days included. */
export function lastDayOfWeeks(start: string, weeks: number): string {
  return addDays(start, weeks * 7 - 1);
}
