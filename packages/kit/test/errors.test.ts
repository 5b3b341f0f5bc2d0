import { GraphQLError } from 'graphql';
import pino from 'pino';
import { badUserInput, createErrorFormatter } from '../src/errors';

const format = createErrorFormatter(pino({ level: 'silent' }));

describe('error formatting for clients', () => {
  it('masks an internal error: no SQL, message or stack trace reaches the client', () => {
    const sqlError = new Error('duplicate key value violates unique constraint "uq_citizen_cpr" at SELECT * FROM citizen');
    const formatted = format(
      { message: sqlError.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] }, path: ['registerCitizen'] },
      sqlError,
    );
    expect(formatted.message).not.toMatch(/citizen|constraint|SELECT/);
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(formatted.path).toEqual(['registerCitizen']);
  });

  it('keeps a public error as it is, without a stack trace', () => {
    const error = badUserInput('cpr: not a date', 'cpr');
    const formatted = format({ message: error.message, extensions: { ...error.extensions, stacktrace: ['at x'] } }, error);
    expect(formatted.message).toBe('cpr: not a date');
    expect(formatted.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cpr' });
    expect(formatted.extensions).not.toHaveProperty('stacktrace');
  });

  it('turns validation errors into "field: reason" with BAD_USER_INPUT', () => {
    const error = new GraphQLError('Argument Validation Error', {
      extensions: {
        code: 'BAD_USER_INPUT',
        validationErrors: [{ property: 'input', children: [{ property: 'email', constraints: { isEmail: 'must be an e-mail address' } }] }],
      },
    });
    const formatted = format({ message: error.message, extensions: error.extensions }, error);
    expect(formatted.message).toBe('Please correct the input: email: must be an e-mail address');
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: ['email'] });
  });
});
