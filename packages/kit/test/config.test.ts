import { checkConfig, ConfigError, setting } from '../src/config';

/** Settings are checked, not guessed: the review's three examples, and one message for all. */
describe('configuration', () => {
  const subgraph = { service: 'plans', kind: 'subgraph' as const, subgraphUrls: ['citizens'] };
  const fine = { CITIZENS_URL: 'http://citizens:4001/graphql' };
  const problemsOf = (env: Record<string, string>, process = subgraph) => {
    try {
      checkConfig(process, env);
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).problems;
    }
  };

  it('an empty ACCESS_LOG_RETENTION_DAYS is unset: 730 days, not the 183-day floor', () => {
    expect(setting('ACCESS_LOG_RETENTION_DAYS', { ACCESS_LOG_RETENTION_DAYS: '' })).toBe(730);
    expect(setting('ACCESS_LOG_RETENTION_DAYS', { ACCESS_LOG_RETENTION_DAYS: '  ' })).toBe(730);
    expect(setting('ACCESS_LOG_RETENTION_DAYS', { ACCESS_LOG_RETENTION_DAYS: '365' })).toBe(365);
  });

  it('"15s" and "25s" are errors naming the variable, not a timeout turned off or an instant exit', () => {
    expect(() => setting('DB_STATEMENT_TIMEOUT_MS', { DB_STATEMENT_TIMEOUT_MS: '15s' })).toThrow(
      /DB_STATEMENT_TIMEOUT_MS must be a whole number.*"15s"/,
    );
    expect(() => setting('SHUTDOWN_TIMEOUT_MS', { SHUTDOWN_TIMEOUT_MS: '25s' })).toThrow(/SHUTDOWN_TIMEOUT_MS must be a whole number/);
    expect(setting('SHUTDOWN_TIMEOUT_MS', {})).toBe(25_000);
    expect(() => setting('SUBGRAPH_TIMEOUT_MS', { SUBGRAPH_TIMEOUT_MS: '0' })).toThrow(/SUBGRAPH_TIMEOUT_MS must be at least 100/);
    expect(() => setting('SEED_DEMO', { SEED_DEMO: 'yes' })).toThrow(/SEED_DEMO must be "true" or "false"/);
  });

  it('names every bad variable of a process in one message', () => {
    const problems = problemsOf({ ...fine, DB_STATEMENT_TIMEOUT_MS: '15s', SHUTDOWN_TIMEOUT_MS: '25s', LOG_LEVEL: 'loud', PORT: '80000' });
    expect(problems).toHaveLength(4);
    for (const name of ['DB_STATEMENT_TIMEOUT_MS', 'SHUTDOWN_TIMEOUT_MS', 'LOG_LEVEL', 'PORT']) {
      expect(problems.some((p) => p.startsWith(name))).toBe(true);
    }
    expect(problemsOf(fine)).toEqual([]);
  });

  it('a subgraph must be told where every subgraph it calls is: there is no default', () => {
    expect(problemsOf({})).toEqual([expect.stringMatching(/^CITIZENS_URL must be set/)]);
    expect(problemsOf({ CITIZENS_URL: 'citizens:4001' })).toEqual([expect.stringMatching(/^CITIZENS_URL must be a URL/)]);
  });

  it('in production: secrets and a database are required, and secrets are never echoed', () => {
    const problems = problemsOf({ ...fine, NODE_ENV: 'production', GATEWAY_ASSERTION_SECRET: 'short-secret' });
    expect(problems).toEqual([
      expect.stringMatching(/^GATEWAY_ASSERTION_SECRET must be at least 32 characters$/),
      expect.stringMatching(/^PLANS_DATABASE_URL \(or DATABASE_URL\) must be set in production/),
    ]);
    const gateway = problemsOf({ NODE_ENV: 'production' }, {
      service: 'gateway',
      kind: 'gateway' as const,
      subgraphUrls: ['citizens'],
      subgraphUrlsRequired: 'production',
    } as any);
    expect(gateway).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^GATEWAY_ASSERTION_SECRET must be set in production/),
        expect.stringMatching(/^AUTH_JWT_SECRET must be set in production/),
        expect.stringMatching(/^CITIZENS_URL must be set in production/),
      ]),
    );
  });

  it('runs the checks across variables a service adds (e.g. the CPR keys)', () => {
    const problems = problemsOf(fine, {
      ...subgraph,
      checks: [(env: Record<string, string | undefined>) => (env.CPR_BLIND_INDEX_KEY ? undefined : 'CPR_BLIND_INDEX_KEY missing')],
    } as any);
    expect(problems).toEqual(['CPR_BLIND_INDEX_KEY missing']);
  });
});
