import { badUserInput } from './errors';

/**
 * Opaque keyset cursors: the sort key of the last row seen. A page continues after that key,
 * so rows added between pages neither repeat nor push rows out (as OFFSET would).
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, length: number, field = 'after'): (string | number)[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === length && key.every((v) => ['string', 'number'].includes(typeof v))) {
      return key;
    }
  } catch {
    // fall through to the error a client can act on
  }
  throw badUserInput('The page cursor is not valid; start again from the first page.', field);
}

/** A page size within 1..max, with a clear error otherwise. */
export function pageSize(first: number, max = 200, field = 'first'): number {
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw badUserInput(`Ask for between 1 and ${max} rows per page (got ${first}).`, field);
  }
  return first;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a row (and must never reach SQL as a uuid). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
