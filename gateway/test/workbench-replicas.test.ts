import type { RunningHttpServer } from '@jobcenter/kit/http';
import { createTestDatabase } from '@jobcenter/kit/testing';
import { devSignInUrl, PostgresRevocationStore } from '../src/session';
import { startGateway } from '../src/server';

/**
 * Two gateway replicas behind one load balancer: a cookie sealed by one opens at the other (same
 * secret, no shared session store), and a sign-out at one is refused at both, through the
 * PostgreSQL revocation table they share.
 */
let database: { url: string; drop(): Promise<void> };
let replicas: RunningHttpServer[];
const origin = (replica: RunningHttpServer) => `http://127.0.0.1:${replica.port}`;

beforeAll(async () => {
  database = await createTestDatabase('sessions');
  replicas = [];
  for (let i = 0; i < 2; i += 1) replicas.push(await startGateway({ port: 0, revocations: new PostgresRevocationStore(database.url) }));
});
afterAll(async () => {
  for (const replica of replicas) await replica.close();
  await database.drop();
});

const karin = { id: '0b6f3a9e-1c2d-4e5f-8a1b-000000000007', role: 'ANALYST' as const, name: 'Karin Dahl', team: 'Team Ryslinge' };

async function sessionAt(replica: RunningHttpServer, cookie: string): Promise<number> {
  // The Host a browser sends is the load balancer's, the same for both replicas.
  return (await fetch(`${origin(replica)}/auth/session`, { headers: { cookie } })).status;
}

it('opens a session at either replica and ends it at both when the person signs out at one', async () => {
  const [a, b] = replicas;
  const res = await fetch(await devSignInUrl(origin(a), karin), { redirect: 'manual' });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  expect(await sessionAt(a, cookie)).toBe(200);
  expect(await sessionAt(b, cookie)).toBe(200);

  const out = await fetch(`${origin(b)}/auth/sign-out`, { method: 'POST', headers: { cookie } });
  expect(out.status).toBe(204);
  expect(await sessionAt(b, cookie)).toBe(401);
  expect(await sessionAt(a, cookie)).toBe(401);
  const graphql = await fetch(`${origin(a)}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query: '{ citizenStatistics { total } }' }),
  });
  expect(graphql.status).toBe(401);
});
