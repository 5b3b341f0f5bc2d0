import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { createLogger } from '../src/logger';
import { API_SECURITY_HEADERS, RunningHttpServer, serveGraphQL } from '../src/http';

/**
 * Every answer of the kit's HTTP server, the fast POST path and Express alike, errors and
 * refusals included, carries the API hardening headers (security-headers.ts). The services'
 * own answers are checked through the federation in scripts/test/security/headers.federation.test.ts.
 */
let running: RunningHttpServer;
let ready = true;
const base = () => running.url.replace(/\/graphql$/, '');

beforeAll(async () => {
  running = await serveGraphQL<{ who: string }>(
    {
      logger: createLogger('test').child({}, { level: 'silent' }),
      createServer: (plugins) =>
        new ApolloServer<{ who: string }>({
          typeDefs: 'type Query { cpr: String, broken: String }',
          resolvers: {
            Query: {
              cpr: () => '010203-1234',
              broken: () => {
                throw new Error('database on fire');
              },
            },
          },
          plugins,
          csrfPrevention: true,
        }),
      context: async ({ req }) => {
        if (req.headers['x-refuse']) throw new GraphQLError('Sign in.', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
        return { who: 'x' };
      },
      ready: async () => ready,
    },
    0,
  );
});
afterAll(() => running.close());

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(running.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

function expectHardened(res: Response, what: string) {
  const got = Object.fromEntries(Object.keys(API_SECURITY_HEADERS).map((name) => [name, res.headers.get(name)]));
  expect({ what, headers: got }).toEqual({ what, headers: API_SECURITY_HEADERS });
}

describe('API hardening headers', () => {
  it('name at least nosniff, no-store, no framing, no referrer and same-origin resources', () => {
    expect(API_SECURITY_HEADERS).toMatchObject({
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-resource-policy': 'same-origin',
    });
  });

  it('are on every POST /graphql answer: data, a GraphQL error, a refused context, a parse error', async () => {
    const answers: [string, Response][] = [
      ['data', await post(JSON.stringify({ query: '{ cpr }' }))],
      ['resolver error', await post(JSON.stringify({ query: '{ broken }' }))],
      ['unauthenticated', await post(JSON.stringify({ query: '{ cpr }' }), { 'x-refuse': '1' })],
      ['parse error', await post(JSON.stringify({ query: '{ cpr' }))],
      ['validation error', await post(JSON.stringify({ query: '{ nope }' }))],
    ];
    for (const [what, res] of answers) expectHardened(res, what);
    expect(answers[2][1].status).toBe(401);
  });

  it('are on the refusals of the fast path before Apollo: bad JSON, too large, foreign charset, CSRF', async () => {
    const answers: [string, Response][] = [
      ['bad json', await post('{ "query": ')],
      ['too large', await post(JSON.stringify({ query: '{ cpr }', variables: { pad: 'x'.repeat(3 * 1024 * 1024) } }))],
      ['charset', await post(JSON.stringify({ query: '{ cpr }' }), { 'content-type': 'application/json; charset=latin1' })],
      ['csrf', await post(JSON.stringify({ query: '{ cpr }' }), { 'content-type': 'text/plain' })],
    ];
    expect(answers.map(([, res]) => res.status)).toEqual([400, 413, 415, 400]);
    for (const [what, res] of answers) expectHardened(res, what);
  });

  it('are on Express answers: GET /graphql (data and error), health, readiness, metrics', async () => {
    const preflight = { 'apollo-require-preflight': 'true' };
    ready = false;
    const answers: [string, Response][] = [
      ['GET data', await fetch(`${running.url}?query=${encodeURIComponent('{ cpr }')}`, { headers: preflight })],
      ['GET error', await fetch(`${running.url}?query=${encodeURIComponent('{ broken }')}`, { headers: preflight })],
      ['GET refused (CSRF)', await fetch(`${running.url}?query=${encodeURIComponent('{ cpr }')}`)],
      ['live', await fetch(`${base()}/health/live`)],
      ['not ready', await fetch(`${base()}/health/ready`)],
      ['metrics', await fetch(`${base()}/metrics`)],
    ];
    ready = true;
    expect(await answers[0][1].json()).toEqual({ data: { cpr: '010203-1234' } });
    expect(answers[4][1].status).toBe(503);
    for (const [what, res] of answers) expectHardened(res, what);
  });
});
