import { badUserInput } from './errors';
import { isUuid } from './ids';
import { hasForbiddenControl } from './input/text';

/**
 * Opaque keyset cursors: the sort key of the last row seen. A page continues after that key,
 * so rows added between pages neither repeat nor push rows out (as OFFSET would).
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * What each part of a cursor's key must be: `text` (no control characters, at most 1,000
 * characters), `uuid` (an id), `number` (finite) or `instant` (an ISO time). A cursor is the
 * client's to send back, so anything else in it (forged, garbled, from another list) is the
 * client's error, never an internal one: it would otherwise reach SQL as a uuid or timestamp.
 */
export type CursorPart = 'text' | 'uuid' | 'number' | 'instant';

const partIsValid: Record<CursorPart, (v: unknown) => boolean> = {
  text: (v) => typeof v === 'string' && v.length <= 1000 && !hasForbiddenControl(v),
  uuid: (v) => typeof v === 'string' && isUuid(v),
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  instant: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)),
};

/**
 * The key in a cursor, checked part by part against `shape` (or, given a length, only that it
 * holds that many texts and numbers); BAD_USER_INPUT naming `field` for anything else.
 */
export function decodeCursor(cursor: string, shape: number | readonly CursorPart[], field = 'after'): (string | number)[] {
  const parts: readonly CursorPart[] | null = typeof shape === 'number' ? null : shape;
  const length = parts ? parts.length : (shape as number);
  try {
    const key = cursor.length <= 4096 ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : null;
    if (
      Array.isArray(key) &&
      key.length === length &&
      key.every((v, i) => (parts ? partIsValid[parts[i]](v) : partIsValid.text(v) || partIsValid.number(v)))
    ) {
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
