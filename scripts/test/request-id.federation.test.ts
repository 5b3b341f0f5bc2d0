import 'reflect-metadata';
import { Writable } from 'node:stream';
import { printSubgraphSchema } from '@apollo/subgraph';
import { Query, Resolver } from 'type-graphql';
import type { Actor, SubgraphDefinition } from '@jobcenter/kit';
import { createLogger } from '@jobcenter/kit/logger';
import { RunningHttpServer } from '@jobcenter/kit/http';
import { bearerFor, startTestSubgraph, TestSubgraph } from '@jobcenter/kit/testing';
import { composeFromSchemas } from '@jobcenter/gateway/compose';
import { startGateway } from '@jobcenter/gateway/server';

/**
 * "It said something went wrong": the caseworker's screen shows the request id the answer
 * carried (X-Request-Id), and the masked error's log line in the subgraph carries the same id.
 */
@Resolver()
class BrokenResolver {
  @Query(() => String, { description: 'Fails with an internal error that must not reach the client.' })
  broken(): string {
    throw new Error('connection to postgres://internal-host failed');
  }
}
const brokenSubgraph: SubgraphDefinition<Record<string, never>> = {
  name: 'broken',
  defaultPort: 0,
  resolvers: [BrokenResolver],
  entities: [],
  migrations: [],
  createLoaders: () => ({}),
};

const lines: Record<string, any>[] = [];
let subgraph: TestSubgraph;
let gateway: RunningHttpServer;
const caseworker: Actor = { id: '5a1d6f5e-6a0e-4a52-9d39-1d6b5c0b7c11', role: 'CASEWORKER', name: 'Inger Holm', team: 'Team Ryslinge' };

beforeAll(async () => {
  const logger = createLogger('broken', {
    destination: new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    }),
  });
  logger.level = 'info';
  subgraph = await startTestSubgraph(brokenSubgraph, { logger });
  gateway = await startGateway({
    port: 0,
    supergraphSdl: composeFromSchemas([{ name: 'broken', url: subgraph.url, sdl: printSubgraphSchema(subgraph.schema) }]),
    subgraphUrls: { broken: subgraph.url },
  });
});
afterAll(async () => {
  await gateway.close();
  await subgraph.stop();
});

const ask = async (headers: Record<string, string>) => {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await bearerFor(caseworker)), ...headers },
    body: JSON.stringify({ query: '{ broken }' }),
  });
  return {
    requestId: response.headers.get('x-request-id'),
    body: (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] },
  };
};

it('the answer names the request, and the masked error is logged under that id', async () => {
  const { requestId, body } = await ask({ 'x-request-id': 'support-ticket-4711' });
  expect(requestId).toBe('support-ticket-4711');
  expect(body.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  expect(JSON.stringify(body)).not.toMatch(/postgres|internal-host/);
  const logged = lines.find((l) => l.msg === 'internal error masked for the client' && l.requestId === requestId);
  expect(logged?.err?.message).toMatch(/internal-host/);
});

it('a request without an id gets one, on the answer and in the log', async () => {
  const { requestId } = await ask({});
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(lines.some((l) => l.msg === 'internal error masked for the client' && l.requestId === requestId)).toBe(true);
});
