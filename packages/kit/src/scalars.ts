import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True when `value` is a real calendar date written YYYY-MM-DD (no 2026-02-30), year 0001 to 9999
 * (PostgreSQL has no year 0). Whether the domain allows the date is input/date-bounds.ts's question.
 */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1) return false;
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(Date.UTC(2000, mo - 1, d));
  date.setUTCFullYear(y, mo - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The input is at fault: BAD_USER_INPUT (a scalar's own errors carry no code otherwise). */
function notA(message: string): GraphQLError {
  const error = new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
  refusals.add(error);
  return error;
}
const refusals = new WeakSet<object>();

/**
 * True for an error a Date or DateTime scalar threw about the value it was given, also when
 * graphql-js reports it as a validation error (a literal in the query text) and Apollo wraps it.
 */
export function isScalarRefusal(error: unknown): boolean {
  let e = error as { originalError?: unknown } | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 4; depth += 1) {
    if (refusals.has(e)) return true;
    e = e.originalError as typeof e;
  }
  return false;
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw notA(`"${String(value).slice(0, 40)}" is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01.`);
  }
  return value;
}

/**
 * A calendar date without time or zone, as `2026-03-01`. Dates travel as these strings through
 * resolvers and PostgreSQL `date` columns, so no time zone can shift them by a day.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date without time of day, written YYYY-MM-DD (e.g. 2026-03-01).',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parseDate(value);
  },
  parseValue: parseDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw notA('A date must be a string written YYYY-MM-DD.');
    return parseDate(ast.value);
  },
});

const DATE_TIME = DateTimeISOResolver.toConfig();
/** graphql-scalars' parsing, with its refusals (e.g. 2026-02-30T10:00:00Z) as BAD_USER_INPUT. */
function asUserInput<A extends unknown[], T>(parse: (...args: A) => T): (...args: A) => T {
  return (...args) => {
    try {
      return parse(...args);
    } catch {
      throw notA('Not a valid time; write it as ISO 8601 with a real date and a zone, e.g. 2026-03-01T09:30:00Z.');
    }
  };
}

/** An instant in UTC, as `2026-03-01T09:30:00.000Z`. */
export const DateTimeScalar = new GraphQLScalarType({
  ...DATE_TIME,
  name: 'DateTime',
  description: 'An instant in time, in UTC, written as ISO 8601 (e.g. 2026-03-01T09:30:00.000Z).',
  parseValue: asUserInput(DATE_TIME.parseValue!),
  parseLiteral: asUserInput(DATE_TIME.parseLiteral!),
});
