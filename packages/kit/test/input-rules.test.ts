import { GraphQLError, Kind } from 'graphql';
import pino from 'pino';
import { createErrorFormatter, variableField } from '../src/errors';
import { boundedDate, EARLIEST_RECORD_DATE, latestDate } from '../src/input/date-bounds';
import { controlCharacterPath, hasForbiddenControl } from '../src/input/text';
import { decodeCursor, encodeCursor } from '../src/pagination';
import { DateScalar, DateTimeScalar, isCalendarDate } from '../src/scalars';

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return {
      code: (error as GraphQLError).extensions?.code,
      field: (error as GraphQLError).extensions?.field,
      message: (error as Error).message,
    };
  }
  return null;
};

describe('date bounds (one place for the domain)', () => {
  const today = '2026-12-07';
  it('refuses the year 9999 and 0001 with the bound in the message, and allows the past back to 1990', () => {
    expect(codeOf(() => boundedDate('9999-01-01', 'scheduledAt', 'meeting', today))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'scheduledAt',
      message:
        'scheduledAt: 9999-01-01 is too far ahead; a meeting can be at most 2 years ahead (2028-12-07 at the latest). Check the year.',
    });
    expect(codeOf(() => boundedDate('0001-01-01', 'deadline', 'milestone', today))?.message).toContain(
      `records begin on ${EARLIEST_RECORD_DATE}`,
    );
    expect(boundedDate('1990-01-01', 'startDate', 'plan', today)).toBe('1990-01-01');
    expect(boundedDate('2028-12-07', 'scheduledAt', 'meeting', today)).toBe('2028-12-07');
    expect(codeOf(() => boundedDate('2028-12-08', 'scheduledAt', 'meeting', today))?.code).toBe('BAD_USER_INPUT');
    expect(codeOf(() => boundedDate('2026-12-08', 'assessedAt', 'record', today))?.message).toMatch(/cannot be after today \(2026-12-07\)/);
  });

  it('counts years on the calendar: 29 February plus a year is 28 February', () => {
    expect(latestDate('enrolment', '2028-02-29')).toBe('2029-02-28');
    expect(latestDate('plan', '2026-03-31')).toBe('2031-03-31');
  });
});

describe('the Date and DateTime scalars', () => {
  it('refuse dates that do not exist and year 0, and read years below 100 as themselves', () => {
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('0000-01-01')).toBe(false);
    expect(isCalendarDate('0001-01-01')).toBe(true);
    expect(isCalendarDate('0099-12-31')).toBe(true);
    expect(codeOf(() => DateScalar.parseValue('2026-02-30'))?.code).toBe('BAD_USER_INPUT');
    expect(codeOf(() => DateTimeScalar.parseValue('2026-02-30T09:00:00Z'))?.code).toBe('BAD_USER_INPUT');
    expect(DateTimeScalar.parseValue('2026-02-28T09:00:00Z')).toEqual(new Date('2026-02-28T09:00:00Z'));
  });
});

describe('control characters in text', () => {
  it('finds NUL and other C0 controls but allows tab and newlines, naming the path', () => {
    expect(hasForbiddenControl('a\u0000b')).toBe(true);
    expect(hasForbiddenControl('a\u001bb')).toBe(true);
    expect(hasForbiddenControl('line\nnext\r\n\tindented')).toBe(false);
    expect(controlCharacterPath({ title: 'ok', participants: [{ name: 'x' }, { name: 'y\u0000' }] })).toBe('participants.1.name');
    expect(controlCharacterPath('\u0000')).toBe('');
    expect(controlCharacterPath({ ok: ['fine'] })).toBeNull();
  });
});

describe('page cursors', () => {
  it('give back the key they hold, and refuse any part of the wrong kind as BAD_USER_INPUT on `after`', () => {
    const id = '7f1d2c3b-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
    expect(decodeCursor(encodeCursor(['Hansen', 'Per', id]), ['text', 'text', 'uuid'])).toEqual(['Hansen', 'Per', id]);
    for (const bad of [
      encodeCursor(['Hansen', 'Per', 'not-an-id']),
      encodeCursor(['Han\u0000sen', 'Per', id]),
      encodeCursor(['Hansen', 'Per']),
      encodeCursor([1, 'Per', id]),
      'not base64 json',
      'x'.repeat(5000),
    ]) {
      expect(codeOf(() => decodeCursor(bad, ['text', 'text', 'uuid']))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });
});

describe('input errors from graphql-js', () => {
  const format = createErrorFormatter(pino({ level: 'silent' }));
  it('name the input field of a variable that failed coercion', () => {
    expect(variableField('Variable "$i" got invalid value "x" at "i.participants[0].staffId"; Expected …')).toBe('participants.0.staffId');
    expect(variableField('Variable "$from" got invalid value "2026-02-30"; "2026-02-30" is not a date')).toBe('from');
    expect(variableField('Cannot query field "x"')).toBeUndefined();
  });

  it('report a literal a scalar refused as BAD_USER_INPUT, and leave other validation errors alone', () => {
    let refusal: unknown;
    try {
      DateScalar.parseLiteral({ kind: Kind.STRING, value: '2026-02-30' });
    } catch (error) {
      refusal = error;
    }
    // As Apollo reports it: a validation error whose cause is the scalar's refusal.
    const literal = new GraphQLError('"2026-02-30" is not a date', {
      originalError: refusal as Error,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(format({ message: literal.message, extensions: literal.extensions }, literal).extensions?.code).toBe('BAD_USER_INPUT');
    const limit = new GraphQLError('This query is too complex: depth 50.', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const wrapped = new GraphQLError(limit.message, {
      originalError: new GraphQLError(limit.message, { extensions: { code: 'BAD_USER_INPUT' } }),
    });
    expect(format({ message: limit.message, extensions: limit.extensions }, wrapped).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
