/**
 * The calendar the jobcentre works in: dates as YYYY-MM-DD strings on the Danish calendar
 * (Europe/Copenhagen), and arithmetic on them without time zones. The one place for it: the
 * scalars, the services' rules and their demo data all count days here.
 */

/**
 * Today's date in Denmark, which is the date staff mean when they say "today" (or the date any
 * instant falls on there). Asked for every field that compares with today, so the last answer is
 * kept for its UTC hour: Copenhagen's offset is a whole number of hours (+1, +2, switching on a
 * whole hour), so its date changes only on a whole UTC hour.
 */
export function todayInCopenhagen(now: Date = new Date()): string {
  return copenhagenDate(now);
}

/** The Copenhagen calendar date (YYYY-MM-DD) an instant falls on (cached per UTC hour, see above). */
export function copenhagenDate(now: Date): string {
  const time = now.getTime();
  const hour = Math.floor(time / HOUR_MS);
  if (hour === lastHour) return lastDate;
  const date = copenhagenFormat.format(now);
  // Before 1900 the zone's offset was not whole hours (local mean time): not kept.
  if (time >= WHOLE_HOUR_OFFSETS_SINCE) [lastHour, lastDate] = [hour, date];
  return date;
}
// Building an Intl.DateTimeFormat costs far more than using one: make it once.
const copenhagenFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' });
const HOUR_MS = 3_600_000;
const WHOLE_HOUR_OFFSETS_SINCE = Date.UTC(1900, 0, 1);
let lastHour = NaN;
let lastDate = '';

/** YYYY-MM-DD plus `days` (negative to go back), on the calendar, without time zones. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Days from `from` to `to` on the calendar (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
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

/**
 * The last day of a period of `months` months starting on `start` (both days included): the
 * day before the same day of the month `months` later, or the last day of that month when it has
 * no such day (31 January + 1 month ends 28 February).
 */
export function lastDayOfMonths(start: string, months: number): string {
  const end = addMonths(start, months);
  // Clamped to a shorter month: that month's last day is the period's last day already.
  return end.slice(8) < start.slice(8) ? end : addDays(end, -1);
}

/** The last day of a period of `weeks` weeks starting on `start`, both days included. */
export function lastDayOfWeeks(start: string, weeks: number): string {
  return addDays(start, weeks * 7 - 1);
}

/** An instant plus whole minutes. */
export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000);
}
