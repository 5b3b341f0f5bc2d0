import http from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo, Socket } from 'node:net';
import type { Actor } from '@jobcenter/kit';
import { bearerFor, postGraphQL, startTestSubgraph, TestSubgraph } from '@jobcenter/kit/testing';
import { citizensSubgraph } from '@jobcenter/citizens';
import { demoCitizens } from '@jobcenter/demo-cast';
import { RunningHttpServer } from '@jobcenter/kit/http';
import { startGateway } from '@jobcenter/gateway/server';
import { SUPERGRAPH_FILE } from '@jobcenter/gateway/subgraphs';

/**
 * A subgraph that accepts the connection and never answers (stuck event loop, a proxy holding
 * the line) must cost a client no more than the gateway's timeout: the same partial answer as a
 * subgraph that refuses the connection, the silent one named.
 */
let citizens: TestSubgraph;
let silent: http.Server;
let gateway: RunningHttpServer;
const sockets = new Set<Socket>();
let received = 0;
const svend: Actor = { id: demoCitizens.svend.id, role: 'CITIZEN', name: 'Svend Madsen' };
const QUERY = `query($id: ID!) { citizen(id: $id) { firstName activePlan { longTermGoal } } }`;

beforeAll(async () => {
  citizens = await startTestSubgraph(citizensSubgraph);
  await citizensSubgraph.seedDemo?.(citizens.dataSource);
  silent = http.createServer(() => {
    received += 1;
  });
  silent.on('connection', (socket) => (sockets.add(socket), socket.on('close', () => sockets.delete(socket))));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql`;
  gateway = await startGateway({
    port: 0,
    supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    subgraphUrls: { citizens: citizens.url, plans: silentUrl, meetings: silentUrl, placements: silentUrl },
    subgraphTimeoutMs: 700,
  });
});
afterAll(async () => {
  await gateway.close();
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
  await citizens.stop();
});

it('answers with what citizens knows and SUBGRAPH_UNAVAILABLE naming plans once the timeout passes', async () => {
  const headers = await bearerFor(svend);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const started = Date.now();
    const res = await postGraphQL(gateway.url, QUERY, { id: svend.id }, headers);
    const took = Date.now() - started;
    expect(res.data?.citizen).toEqual({ firstName: 'Svend', activePlan: null });
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', service: 'plans' });
    expect(res.errors?.[0].message).toMatch(/plans service is unavailable/);
    expect(took).toBeGreaterThanOrEqual(650);
    expect(took).toBeLessThan(5_000);
  }
  // The silent subgraph was really called, and the gateway closed the connections it gave up on.
  expect(received).toBe(2);
  await new Promise((r) => setTimeout(r, 100));
  expect(sockets.size).toBe(0);
});
