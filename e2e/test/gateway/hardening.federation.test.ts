import { randomUUID } from 'node:crypto';
import type { Actor } from '@jobcenter/kit';
import { authJwtSecret, createLogger, signUserToken } from '@jobcenter/kit';
import { errorCode } from '@jobcenter/kit/testing';
import { citizensSubgraph } from '@jobcenter/citizens';
import { GATEWAY_LIMITS } from '@jobcenter/gateway/limits';
import { startGateway } from '@jobcenter/gateway/server';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { aliasesThroughFragments, deepThroughFragments, doublingFragments } from '@jobcenter/gateway/test/builders';

/** What the gateway refuses before any subgraph is asked: oversized, deep, wide or batched requests. */
let federation: TestFederation;
const lone: Actor = { id: randomUUID(), role: 'TEAM_LEAD', name: 'Lone Friis', team: 'Team Ryslinge' };

beforeAll(async () => {
  federation = await startTestFederation([citizensSubgraph]);
});
afterAll(() => federation.stop());

async function raw(body: string, headers: Record<string, string> = {}) {
  const token = await signUserToken(lone, authJwtSecret());
  return fetch(federation.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body,
  });
}

async function healthy() {
  const res = await federation.as(lone, '{ citizenStatistics { total } }');
  expect(res.errors).toBeUndefined();
}

/** A valid query exactly `depth` fields deep: staffMember, then caseload → assignments → staff … */
function deepQuery(depth: number, id = '$id'): string {
  const path = ['staffMember(id: ID)'];
  const cycle = ['caseload', 'assignments', 'staff'];
  for (let i = 0; path.length < depth - 1; i += 1) path.push(cycle[i % 3]);
  let body = 'id';
  for (const field of [...path].reverse()) body = `${field.replace('ID', id)} { ${body} }`;
  return id === '$id' ? `query($id: ID!) { ${body} }` : `{ ${body} }`;
}

describe('operation limits', () => {
  it('refuses a query nested 50 deep before any subgraph runs it', async () => {
    const statements = await federation.countStatements(async () => {
      const res = await federation.as(lone, deepQuery(50), { id: randomUUID() });
      expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.errors![0].message).toMatch(/too complex/);
      expect(res.data).toBeUndefined();
    });
    expect(statements).toBe(0);
    await healthy();
  });

  it('refuses depth 23, 40 aliases and 2^12 fields hidden in fragments spread inside fragments, before any subgraph runs them', async () => {
    const statements = await federation.countStatements(async () => {
      for (const query of [deepThroughFragments(23), aliasesThroughFragments(40), doublingFragments(12)]) {
        const res = await federation.as(lone, query, { id: randomUUID() });
        expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(res.errors![0].message).toMatch(/too complex/);
        expect(res.data).toBeUndefined();
      }
    });
    expect(statements).toBe(0);
    await healthy();
  });

  it('refuses 1,000 aliases (over the token limit) and 20 aliases (over the alias limit)', async () => {
    const many = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: citizenStatistics { total }`).join(' ')} }`;
    const res = await federation.as(lone, many);
    expect(errorCode(res)).toBe('GRAPHQL_PARSE_FAILED');
    const twenty = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: citizenStatistics { total }`).join(' ')} }`;
    const aliased = await federation.as(lone, twenty);
    expect(errorCode(aliased)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(aliased.errors![0].message).toMatch(/Aliases limit/);
    await healthy();
  });

  it('names the limit that was broken in development, to help whoever writes the query', async () => {
    const many = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: citizenStatistics { total }`).join(' ')} }`;
    expect((await federation.as(lone, many)).errors![0].message).toContain(String(GATEWAY_LIMITS.maxTokens));
    const twenty = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: citizenStatistics { total }`).join(' ')} }`;
    expect((await federation.as(lone, twenty)).errors![0].message).toContain(`Aliases limit of ${GATEWAY_LIMITS.maxAliases} exceeded`);
    const deep = await federation.as(lone, deepQuery(20), { id: randomUUID() });
    expect(deep.errors![0].message).toContain(`depth limit of ${GATEWAY_LIMITS.maxDepth} exceeded`);
  });

  it(`lets through what the client operations need (depth ${GATEWAY_LIMITS.maxDepth}, ${GATEWAY_LIMITS.maxAliases} aliases)`, async () => {
    const res = await federation.as(lone, deepQuery(GATEWAY_LIMITS.maxDepth), { id: randomUUID() });
    expect(res.errors).toBeUndefined();
    const aliased = await federation.as(
      lone,
      `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: citizenStatistics { total }`).join(' ')} }`,
    );
    expect(aliased.errors).toBeUndefined();
  });

  it('refuses a 5 MB body (413) and a batch of 100 operations', async () => {
    const big = await raw(JSON.stringify({ query: `{ citizenStatistics { total } }`, variables: { pad: 'x'.repeat(5 * 1024 * 1024) } }));
    expect(big.status).toBe(413);
    const batch = await raw(JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ citizenStatistics { total } }' }))));
    expect(batch.status).toBe(400);
    expect(await batch.text()).not.toMatch(/"total"/);
    await healthy();
  });

  it('refuses a cross-site "simple" request (CSRF prevention)', async () => {
    const res = await raw(JSON.stringify({ query: '{ citizenStatistics { total } }' }), { 'content-type': 'text/plain' });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF|preflight/i);
  });

  it('suggests field names and allows introspection in development', async () => {
    const typo = await federation.as(lone, '{ citizenStatistic { total } }');
    expect(typo.errors![0].message).toMatch(/Did you mean/);
    const intro = await federation.as(lone, '{ __schema { queryType { name } } }');
    expect(intro.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('token lifetime', () => {
  it('refuses a 100-year token with UNAUTHENTICATED and a message that names no value', async () => {
    const century = await signUserToken(lone, authJwtSecret(), '100y');
    const res = await federation.request('{ citizenStatistics { total } }', {}, { authorization: `Bearer ${century}` });
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0].message).toBe('The token is valid for longer than allowed; sign in again.');
    expect(res.data ?? undefined).toBeUndefined();
    const day = await federation.request(
      '{ citizenStatistics { total } }',
      {},
      { authorization: `Bearer ${await signUserToken(lone, authJwtSecret(), '12h')}` },
    );
    expect(day.errors).toBeUndefined();
  });

  it('takes the maximum from AUTH_MAX_TOKEN_LIFETIME_SECONDS when the gateway starts', async () => {
    const saved = process.env.AUTH_MAX_TOKEN_LIFETIME_SECONDS;
    process.env.AUTH_MAX_TOKEN_LIFETIME_SECONDS = '3600';
    const gateway = await startGateway({
      port: 0,
      subgraphUrls: { citizens: federation.subgraphs.citizens.url },
      logger: createLogger('gateway').child({}, { level: 'silent' }),
    }).finally(() => {
      if (saved === undefined) delete process.env.AUTH_MAX_TOKEN_LIFETIME_SECONDS;
      else process.env.AUTH_MAX_TOKEN_LIFETIME_SECONDS = saved;
    });
    try {
      const ask = async (expiresIn: string) => {
        const token = await signUserToken(lone, authJwtSecret(), expiresIn);
        const res = await fetch(gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          // Answered by citizens alone in the real supergraph too (the statistics are insights' now).
          body: JSON.stringify({ query: '{ staffMembers { id } }' }),
        });
        return { status: res.status, body: (await res.json()) as { errors?: { extensions?: { code?: string } }[] } };
      };
      const twoHours = await ask('2h');
      expect(twoHours.status).toBe(401);
      expect(twoHours.body.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await ask('30m')).body.errors).toBeUndefined();
    } finally {
      await gateway.close();
    }
  });
});

describe('in production mode', () => {
  const saved = { ...process.env };
  afterAll(() => {
    for (const key of ['NODE_ENV', 'AUTH_JWT_SECRET', 'GATEWAY_ASSERTION_SECRET']) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });

  it('turns off introspection, field suggestions and the limits in messages', async () => {
    process.env.NODE_ENV = 'production';
    process.env.AUTH_JWT_SECRET = 'a-production-like-auth-secret-0123456789abcdef';
    process.env.GATEWAY_ASSERTION_SECRET = 'a-production-like-gateway-secret-0123456789ab';
    const gateway = await startGateway({
      port: 0,
      subgraphUrls: { citizens: federation.subgraphs.citizens.url },
      logger: createLogger('gateway').child({}, { level: 'silent' }),
    });
    try {
      const token = await signUserToken(lone, process.env.AUTH_JWT_SECRET);
      const ask = async (query: string) => {
        const res = await fetch(gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query }),
        });
        return (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
      };
      const intro = await ask('{ __schema { types { name } } }');
      expect(intro.errors![0].message).toMatch(/introspection/i);
      expect(JSON.stringify(intro)).not.toContain('Citizen');
      const typo = await ask('{ citizenStatistic { total } }');
      expect(typo.errors![0].message).not.toMatch(/Did you mean|citizenStatistics/);
      const deep = await ask(deepQuery(20, `"${randomUUID()}"`));
      expect(deep.errors![0].message).toBe('The operation is too complex.');
    } finally {
      await gateway.close();
    }
  });

  it('names no number and no configured value in any limit message', async () => {
    const gateway = await startGateway({
      port: 0,
      subgraphUrls: { citizens: federation.subgraphs.citizens.url },
      logger: createLogger('gateway').child({}, { level: 'silent' }),
    });
    try {
      const token = await signUserToken(lone, process.env.AUTH_JWT_SECRET!);
      const post = (body: string) =>
        fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
      const ask = async (query: string) =>
        (await (await post(JSON.stringify({ query }))).json()) as {
          errors?: { message: string; locations?: unknown; extensions?: { code?: string } }[];
        };
      const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: citizenStatistics { total }`).join(' ')} }`;
      // 340 leaves under one field cost 2 + 1.5 × 340 = 512 (within the token limit).
      const cost = `{ citizenStatistics { ${Array.from({ length: 340 }, () => 'total').join(' ')} } }`;
      const refused = {
        tokens: await ask(aliases(1000)),
        aliases: await ask(aliases(GATEWAY_LIMITS.maxAliases + 5)),
        depth: await ask(deepQuery(GATEWAY_LIMITS.maxDepth + 1, `"${randomUUID()}"`)),
        cost: await ask(cost),
        fragments: await ask(deepThroughFragments(23)),
        fragmentAliases: await ask(aliasesThroughFragments(40)),
      };
      const configured = Object.values(GATEWAY_LIMITS).map(String);
      for (const [limit, res] of Object.entries(refused)) {
        const error = res.errors![0];
        expect({ limit, message: error.message }).toEqual({ limit, message: 'The operation is too complex.' });
        expect(res.errors).toHaveLength(1);
        expect(error.locations).toBeUndefined();
        for (const value of configured) expect(JSON.stringify(res)).not.toContain(value);
      }
      expect(refused.tokens.errors![0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
      // The body limit's refusal names neither the size nor the limit either. (Express logs the
      // refused body to the console outside NODE_ENV=test; that is the server's log, not the client's.)
      const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      const big = await post(JSON.stringify({ query: '{ citizenStatistics { total } }', variables: { pad: 'x'.repeat(5 * 1024 * 1024) } }));
      expect(big.status).toBe(413);
      expect(await big.text()).not.toMatch(/2mb|2097152|5242|limit/i);
      await new Promise((resolve) => setTimeout(resolve, 50)); // Express logs it on a later tick
      quiet.mockRestore();
    } finally {
      await gateway.close();
    }
  });
});
