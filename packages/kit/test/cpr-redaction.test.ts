import { createLogger } from '../src/logger';
import { redactCprNumbers } from '../src/crypto/cpr-redaction';
import { withoutEchoedInput } from '../src/errors';

describe('CPR numbers in text that leaves the process', () => {
  it.each([
    ['010190-1234', '[CPR redacted]'],
    ['0101901234', '[CPR redacted]'],
    ['look up "010190-1234" now', 'look up "[CPR redacted]" now'],
    ['line\n0101901234', 'line\n[CPR redacted]'],
  ])('hides %j', (text, expected) => {
    expect(redactCprNumbers(text)).toBe(expected);
  });

  it.each([
    ['a UUID', '123e4567-e89b-12d3-a456-426614174000'],
    ['a UUID of digits', '12345678-1234-1234-1234-123456789012'],
    ['a timestamp in milliseconds', '1795471966525'],
    ['a trace id that starts with ten digits', '6302611582b8455896a806883a1f0f80'],
    ['a phone number', '+45 20 11 22 33'],
  ])('leaves %s alone', (_what, text) => {
    expect(redactCprNumbers(text)).toBe(text);
  });

  it("drops the value GraphQL's input errors quote, keeping the reason", () => {
    expect(
      withoutEchoedInput(
        'Variable "$input" got invalid value { cpr: "010190-1234", firstName: "A" }; Field "lastName" of required type "String!" was not provided.',
      ),
    ).toBe('Variable "$input" got an invalid value; Field "lastName" of required type "String!" was not provided.');
    // Sent as a JSON number, the leading zero is gone: not CPR-shaped, but no longer quoted either.
    expect(
      withoutEchoedInput(
        'Variable "$input" got invalid value 101901234 at "input.cpr"; String cannot represent a non string value: 101901234',
      ),
    ).toBe('Variable "$input" got an invalid value at "input.cpr"; String cannot represent a non string value.');
    expect(withoutEchoedInput('cpr: The CPR number has 10 digits')).toBe('cpr: The CPR number has 10 digits');
  });

  it('never reaches a log line: by path, in messages, in errors and in bindings', () => {
    const lines: string[] = [];
    const logger = createLogger('test', { level: 'trace', destination: { write: (line: string) => void lines.push(line) } });
    logger.info({ variables: { cpr: '010190-1234', input: { cpr: '0101901234', firstName: 'A' } } }, 'request');
    logger.info({ req: { headers: { authorization: 'Bearer secret', host: 'h' } } }, 'headers');
    const failed = Object.assign(new Error('insert failed for 010190-1234'), { query: 'INSERT INTO x', parameters: ['Anna', 'Hansen'] });
    logger.error({ err: failed }, 'searched 0101901234');
    logger.child({ searchedCpr: '010190-1234' }).warn('child');
    const log = lines.join('');
    expect(log).not.toMatch(/0101901234|010190-1234|1234"/);
    expect(log).not.toMatch(/Bearer|Anna/);
    expect(JSON.parse(lines[0]).variables).toEqual({ cpr: '[CPR redacted]', input: { cpr: '[CPR redacted]', firstName: 'A' } });
    expect(JSON.parse(lines[1]).req).toEqual({ headers: { host: 'h' } });
    expect(JSON.parse(lines[2]).err).toMatchObject({
      message: 'insert failed for [CPR redacted]',
      query: 'INSERT INTO x',
      parameters: '[redacted]',
    });
  });
});
