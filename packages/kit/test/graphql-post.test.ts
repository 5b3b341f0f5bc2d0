import { gzipSync } from 'node:zlib';
import { ApolloServer } from '@apollo/server';
import { createLogger } from '../src/logger';
import { RunningHttpServer, serveGraphQL } from '../src/http';

/**
 * POST /graphql bypasses Express (graphql-post.ts): it must read bodies and refuse bad ones as
 * Express's JSON parser did, and leave Apollo Server's own checks (CSRF prevention) in place.
 */
let running: RunningHttpServer;
const seen: { who?: string } = {};

beforeAll(async () => {
  running = await serveGraphQL<{ who: string }>(
    {
      logger: createLogger('test'),
      createServer: (plugins) =>
        new ApolloServer<{ who: string }>({
          typeDefs: 'type Query { hello(name: String): String, who: String }',
          resolvers: {
            Query: {
              hello: (_: unknown, { name }: { name?: string }) => `hello ${name ?? 'you'}`,
              who: (_: unknown, __: unknown, ctx: { who: string }) => ctx.who,
            },
          },
          plugins,
          csrfPrevention: true,
        }),
      context: async ({ req }) => {
        seen.who = String(req.headers['x-who']);
        return { who: String(req.headers['x-who']) };
      },
      ready: async () => true,
    },
    0,
  );
});
afterAll(() => running.close());

const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
  fetch(running.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('POST /graphql', () => {
  it('answers a query with variables, and the context sees the request headers', async () => {
    const res = await post(JSON.stringify({ query: 'query($n: String) { hello(name: $n) who }', variables: { n: 'Svend' } }), {
      'x-who': 'Inger',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/(graphql-response\+)?json/);
    expect(res.headers.get('etag')).toBeNull();
    expect(await res.json()).toEqual({ data: { hello: 'hello Svend', who: 'Inger' } });
    expect(seen.who).toBe('Inger');
  });

  it('reads a gzip-compressed body and a JSON content type with a UTF-8 charset', async () => {
    const gz = await post(gzipSync(JSON.stringify({ query: '{ hello }' })), { 'content-encoding': 'gzip' });
    expect(await gz.json()).toEqual({ data: { hello: 'hello you' } });
    const utf8 = await post(JSON.stringify({ query: '{ hello }' }), { 'content-type': 'application/json; charset=utf-8' });
    expect(await utf8.json()).toEqual({ data: { hello: 'hello you' } });
  });

  it('refuses malformed JSON (400), a body over 2 MB (413), a foreign charset (415) and an unknown encoding (415)', async () => {
    expect((await post('{ "query": ')).status).toBe(400);
    expect((await post('"just a string"')).status).toBe(400);
    expect((await post(JSON.stringify({ query: '{ hello }', variables: { pad: 'x'.repeat(3 * 1024 * 1024) } }))).status).toBe(413);
    const latin = await post(JSON.stringify({ query: '{ hello }' }), { 'content-type': 'application/json; charset=latin1' });
    expect(latin.status).toBe(415);
    expect((await post(JSON.stringify({ query: '{ hello }' }), { 'content-encoding': 'zstd-something' })).status).toBe(415);
    // The server is still fine afterwards.
    expect((await post(JSON.stringify({ query: '{ hello }' }))).status).toBe(200);
  });

  it('leaves CSRF prevention to Apollo Server: a "simple" text/plain POST is refused', async () => {
    const res = await post(JSON.stringify({ query: '{ hello }' }), { 'content-type': 'text/plain' });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF|preflight/i);
  });

  it('still serves GET /graphql (with the preflight header) and health through Express', async () => {
    const get = await fetch(`${running.url}?query=${encodeURIComponent('{ hello }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(await get.json()).toEqual({ data: { hello: 'hello you' } });
    const live = await fetch(running.url.replace('/graphql', '/health/live'));
    expect(await live.json()).toEqual({ status: 'live' });
  });
});
