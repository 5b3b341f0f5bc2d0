import { badUserInput } from '@jobcenter/kit';

/** Required text: trimmed, not empty, not longer than `max`. */
export function requiredText(value: string, field: string, max: number): string {
  const text = value.trim();
  if (!text) throw badUserInput(`${field}: must not be empty.`, field);
  if (text.length > max) throw badUserInput(`${field}: at most ${max} characters (got ${text.length}).`, field);
  return text;
}

/** Optional text: empty or only spaces is stored as null. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  const text = value?.trim();
  if (!text) return null;
  if (text.length > max) throw badUserInput(`${field}: at most ${max} characters (got ${text.length}).`, field);
  return text;
}

/** A date that has happened: today or earlier (records written after the fact are fine). */
export function notInFuture(date: string, today: string, field: string, what: string): string {
  if (date > today) throw badUserInput(`${field}: ${what} cannot be in the future (${date} is after today, ${today}).`, field);
  return date;
}
