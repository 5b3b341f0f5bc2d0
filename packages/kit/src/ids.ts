/**
 * Ids. Every row is named by a UUID (PostgreSQL's gen_random_uuid()); anything else cannot name
 * a row and must never reach SQL as a uuid parameter. The one pattern in the repository.
 */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a row (and must never reach SQL as a uuid). */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
