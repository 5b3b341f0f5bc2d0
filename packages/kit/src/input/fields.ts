import { todayInCopenhagen } from '../calendar';
import { badUserInput } from '../errors';

/**
 * Rules for the text and date fields of the services' inputs, written once: each refusal is a
 * BAD_USER_INPUT naming the field.
 */

/** Required text: trimmed, not empty, not longer than `max`. */
export function requiredText(value: string, field: string, max = 4000): string {
  const text = value.trim();
  if (!text) throw badUserInput(`${field}: must not be empty.`, field);
  if (text.length > max) throw badUserInput(`${field}: at most ${max} characters (got ${text.length}).`, field);
  return text;
}

/** Optional text: empty or only spaces is stored as null. */
export function optionalText(value: string | null | undefined, field: string, max = 4000): string | null {
  const text = value?.trim();
  if (!text) return null;
  if (text.length > max) throw badUserInput(`${field}: at most ${max} characters (got ${text.length}).`, field);
  return text;
}

/** A date that has happened: today (in Copenhagen) or earlier; records written after the fact are fine. */
export function notInFuture(date: string, field: string, what: string, today = todayInCopenhagen()): string {
  if (date > today) throw badUserInput(`${field}: ${what} cannot be in the future (${date} is after today, ${today}).`, field);
  return date;
}
