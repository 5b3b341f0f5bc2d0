import { randomUUID } from 'node:crypto';
import type { Actor } from '@jobcenter/kit';
import { bearerFor, gatewayHeadersFor, pdfText, startTestGrants, TestGrants } from '@jobcenter/kit/testing';
import { devSignInUrl } from '../src/session';
import { startTestFederation, TestFederation } from '../src/testing';
import { BROKEN_LETTER, lettersSubgraph, MISSING_LETTER } from './fixtures/letters-subgraph';

/**
 * GET /files/<subgraph>/<path> through the gateway (docs/files-and-pdf.md): authenticated like
 * /graphql (session cookie or bearer token), access decided and logged by the subgraph with the
 * same request context as its resolvers, errors as statuses without internals.
 */
let grants: TestGrants;
let federation: TestFederation;
let origin: string;

const ulla: Actor = { id: randomUUID(), role: 'CITIZEN', name: 'Ulla Jensen' };
const svend: Actor = { id: randomUUID(), role: 'CITIZEN', name: 'Svend Nielsen' };
const inger: Actor = { id: randomUUID(), role: 'CASEWORKER', name: 'Inger Holm', team: 'Team Ryslinge' };

beforeAll(async () => {
  grants = await startTestGrants();
  federation = await startTestFederation([lettersSubgraph]);
  origin = new URL(federation.url).origin;
});
afterAll(async () => {
  await federation?.stop();
  await grants?.stop();
});

async function cookieFor(actor: Actor): Promise<string> {
  const res = await fetch(await devSignInUrl(origin, actor), { redirect: 'manual' });
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

const letterUrl = (citizenId: string) => `${origin}/files/letters/letters/${citizenId}.pdf`;

async function logOf(citizenId: string): Promise<Record<string, any>[]> {
  return federation.subgraphs.letters.dataSource.query(
    `SELECT actor_id, actor_role, operation, purpose, operation_name, kind FROM kit_access_log WHERE citizen_id = $1 ORDER BY seq`,
    [citizenId],
  );
}

/** Entries are written before the answer for reads; refusals a moment after. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; ; i += 1) {
    const value = await read();
    if (done(value) || i >= 50) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('refuses a request without a session cookie or token: 401, nothing forwarded', async () => {
  const res = await fetch(letterUrl(ulla.id));
  expect(res.status).toBe(401);
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(await res.json()).toEqual({ error: 'UNAUTHENTICATED', message: expect.any(String) });
  expect(await logOf(ulla.id)).toEqual([]);
});

it('gives a citizen their own letter as a PDF with the session cookie, and logs the read before it is sent', async () => {
  const res = await fetch(letterUrl(ulla.id), { headers: { cookie: await cookieFor(ulla) } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  expect(res.headers.get('content-disposition')).toBe(`inline; filename="brev-${ulla.id}.pdf"; filename*=UTF-8''brev-${ulla.id}.pdf`);
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('x-request-id')).toBeTruthy();
  const text = await pdfText(Buffer.from(await res.arrayBuffer()));
  expect(text).toContain('Brev til borgeren');
  expect(text).toContain('møde på jobcentret i næste uge');
  expect(await logOf(ulla.id)).toEqual([
    {
      actor_id: ulla.id,
      actor_role: 'CITIZEN',
      operation: 'READ',
      purpose: 'OWN_ACCESS',
      operation_name: 'GET /files/letters/:citizenId.pdf',
      kind: 'letters',
    },
  ]);
});

it("refuses a citizen another citizen's letter: 403, and the refusal is on that citizen's log", async () => {
  const res = await fetch(letterUrl(svend.id), { headers: { cookie: await cookieFor(ulla) } });
  expect(res.status).toBe(403);
  expect(((await res.json()) as { error: string }).error).toBe('FORBIDDEN');
  const log = await eventually(
    () => logOf(svend.id),
    (rows) => rows.length > 0,
  );
  expect(log).toEqual([expect.objectContaining({ actor_id: ulla.id, operation: 'READ_REFUSED' })]);
});

it('gives a caseworker with a bearer token the letters of their caseload only', async () => {
  const headers = await bearerFor(inger);
  expect((await fetch(letterUrl(svend.id), { headers })).status).toBe(403);
  grants.assign(inger, svend.id);
  const res = await fetch(letterUrl(svend.id), { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const log = await logOf(svend.id);
  expect(log).toContainEqual(expect.objectContaining({ actor_id: inger.id, operation: 'READ', purpose: 'CASE_WORK' }));
});

it('answers 404 for an unknown subgraph, an unknown path and an unknown letter', async () => {
  const headers = await bearerFor(ulla);
  const unknownSubgraph = await fetch(`${origin}/files/secrets/letters/${ulla.id}.pdf`, { headers });
  expect(unknownSubgraph.status).toBe(404);
  expect(((await unknownSubgraph.json()) as { error: string }).error).toBe('NOT_FOUND');
  expect((await fetch(`${origin}/files/letters/nothing/here.pdf`, { headers })).status).toBe(404);
  const missing = await fetch(letterUrl(MISSING_LETTER), { headers });
  expect(missing.status).toBe(404);
  expect(((await missing.json()) as { error: string }).error).toBe('NOT_FOUND');
});

it('answers 500 without the internal message or a stack trace when the handler fails', async () => {
  const res = await fetch(letterUrl(BROKEN_LETTER), { headers: await bearerFor({ ...ulla, id: BROKEN_LETTER }) });
  expect(res.status).toBe(500);
  const body = await res.text();
  expect(JSON.parse(body).error).toBe('INTERNAL_SERVER_ERROR');
  expect(body).not.toMatch(/letter_secret|letters\.ts|at \//);
});

it('is answered by the subgraph only with the gateway assertion', async () => {
  const direct = `${new URL(federation.subgraphs.letters.url).origin}/files/letters/${ulla.id}.pdf`;
  expect((await fetch(direct)).status).toBe(401);
  expect((await fetch(direct, { headers: { 'x-gateway-assertion': 'forged' } })).status).toBe(401);
  expect((await fetch(direct, { headers: await gatewayHeadersFor(ulla) })).status).toBe(200);
});
