import { randomUUID } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EncryptJWT, SignJWT } from 'jose';
import type { Actor } from '@jobcenter/kit';
import { authJwtSecret, signUserToken } from '@jobcenter/kit';
import { errorCode, GraphQLResponse } from '@jobcenter/kit/testing';
import { citizensSubgraph } from '@jobcenter/citizens';
import { devSignInLines, devSignInUrl, SESSION_COOKIE } from '@jobcenter/gateway/session';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';

/**
 * The workbench's server side through the real gateway and citizens subgraph: sign-in by a
 * development ticket, the session cookie standing for the bearer token, sign-out, the
 * same-origin rule, and the pages with their headers.
 */
const TEAM = 'Team Ryslinge';
const lone: Actor = { id: randomUUID(), role: 'TEAM_LEAD', name: 'Lone Friis', team: TEAM };
let federation: TestFederation;
let origin: string;
let workbench: string;
let mette: Actor;
let per: Actor;
let svend: Actor;

beforeAll(async () => {
  workbench = mkdtempSync(path.join(tmpdir(), 'workbench-'));
  mkdirSync(path.join(workbench, 'assets'));
  writeFileSync(
    path.join(workbench, 'index.html'),
    '<!doctype html><title>Arbejdsbord</title><script type="module" src="/assets/app-1a2b.js"></script>',
  );
  writeFileSync(path.join(workbench, 'graphiql.html'), '<!doctype html><title>GraphiQL</title>');
  writeFileSync(path.join(workbench, 'assets', 'app-1a2b.js'), 'export {};');
  process.env.WORKBENCH_DIR = workbench;
  federation = await startTestFederation([citizensSubgraph]);
  origin = new URL(federation.url).origin;
  const staff = await federation.as(lone, `mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { id } }`, {
    i: { name: 'Mette Skov', role: 'CASEWORKER', email: `${randomUUID()}@ryslinge.dk`, team: TEAM },
  });
  mette = { id: staff.data.createStaffMember.id, role: 'CASEWORKER', name: 'Mette Skov', team: TEAM };
  const register = async (cpr: string, firstName: string, lastName: string): Promise<Actor> => {
    const res = await federation.as(mette, `mutation($i: RegisterCitizenInput!) { registerCitizen(input: $i) { id } }`, {
      i: { cpr, firstName, lastName, targetGroup: 'ACTIVITY_READY' },
    });
    return { id: res.data.registerCitizen.id, role: 'CITIZEN', name: `${firstName} ${lastName}` };
  };
  per = await register('140391-1235', 'Per', 'Hansen');
  svend = await register('230994-1017', 'Svend', 'Madsen');
});
afterAll(async () => {
  await federation.stop();
  delete process.env.WORKBENCH_DIR;
  rmSync(workbench, { recursive: true, force: true });
});

/** Opens a sign-in link as a browser would, without following the redirect. */
async function openLink(url: string) {
  const res = await fetch(url, { redirect: 'manual' });
  return { res, setCookie: res.headers.get('set-cookie') ?? '', body: await res.text() };
}

/** Signs `actor` in through the development link and returns the Cookie header the browser would send. */
async function signIn(actor: Actor): Promise<string> {
  const { res, setCookie } = await openLink(await devSignInUrl(origin, actor));
  expect(res.status).toBe(303);
  return setCookie.split(';')[0];
}

/** A GraphQL POST as the workbench's own page sends it (same origin, cookie, JSON). */
async function fromPage<T = any>(
  cookie: string,
  query: string,
  variables = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const res = await fetch(federation.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin, 'sec-fetch-site': 'same-origin', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: GraphQLResponse['errors'] };
  return { status: res.status, ...body };
}

const ownRecord = `query($id: ID!) { citizen(id: $id) { firstName cpr } }`;

describe('signing in with a development link', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and goes on to the page asked for', async () => {
    const { res, setCookie } = await openLink(await devSignInUrl(origin, mette, '/citizens/42?tab=plan'));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/citizens/42?tab=plan');
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[^;]+`));
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(/; Path=\//);
    // Plain http on the developer's own machine: no Secure, or the browser would drop it.
    expect(setCookie).not.toMatch(/; Secure/);
  });

  it('marks the cookie Secure for any host but localhost', async () => {
    const url = new URL(await devSignInUrl(origin, mette));
    const setCookie = await new Promise<string>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: url.port, path: url.pathname + url.search, headers: { host: 'workbench.ryslinge.dk' } }, (res) => {
          res.resume();
          resolve(String(res.headers['set-cookie'] ?? ''));
        })
        .on('error', reject);
    });
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).toMatch(/; HttpOnly/);
  });

  it('answers GraphQL as the signed-in person with only the cookie: Per reads his own record, not Svend’s', async () => {
    const cookie = await signIn(per);
    const own = await fromPage(cookie, ownRecord, { id: per.id });
    expect(own.errors).toBeUndefined();
    expect(own.data.citizen).toEqual({ firstName: 'Per', cpr: '140391-1235' });
    const other = await fromPage(cookie, ownRecord, { id: svend.id });
    expect(other.data).toEqual({ citizen: null });
    // Svend's own session reads Svend: the cookie, not anything else, names the person.
    const svendsOwn = await fromPage(await signIn(svend), ownRecord, { id: svend.id });
    expect(svendsOwn.data.citizen.firstName).toBe('Svend');
  });

  it('tells the page who is signed in and until when, never the token itself', async () => {
    const cookie = await signIn(mette);
    const res = await fetch(`${origin}/auth/session`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(text).not.toContain(cookie.split('=')[1]);
    const body = JSON.parse(text);
    expect(body.actor).toEqual({ id: mette.id, role: 'CASEWORKER', name: 'Mette Skov', team: TEAM });
    const hours = (Date.parse(body.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
  });

  it('never sends the person to another site after sign-in', async () => {
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const { res } = await openLink(await devSignInUrl(origin, mette, returnTo));
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/');
    }
  });

  it('refuses an expired ticket, a forged one and a bearer token passed as a ticket, setting no cookie', async () => {
    const expired = await devSignInUrl(origin, mette, undefined, -60);
    const forgedTicket = await new SignJWT({ role: 'TEAM_LEAD', name: 'Mallory', team: TEAM })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(randomUUID())
      .setAudience('jobcenter-dev-sign-in')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('not-the-secret-not-the-secret-not-the-secret'));
    const bearer = await signUserToken(lone, authJwtSecret(), '5m');
    for (const url of [
      expired,
      `${origin}/auth/dev/sign-in?ticket=${forgedTicket}`,
      `${origin}/auth/dev/sign-in?ticket=${bearer}`,
      `${origin}/auth/dev/sign-in`,
    ]) {
      const { res, setCookie, body } = await openLink(url);
      expect(res.status).toBe(401);
      expect(setCookie).toBe('');
      expect(body).toMatch(/not valid or has expired/);
    }
  });

  it('lists fresh sign-in links for the demo users, one per role, that sign them in', async () => {
    const res = await fetch(`${origin}/auth/dev/users`);
    expect(res.status).toBe(200);
    const users = (await res.json()) as { role: string; name: string; url: string }[];
    expect(users.map((u) => u.role)).toEqual(['CASEWORKER', 'RESOURCE_CONSULTANT', 'JOB_CONSULTANT', 'TEAM_LEAD', 'ANALYST', 'CITIZEN']);
    const analyst = users.find((u) => u.role === 'ANALYST')!;
    expect(analyst.url.startsWith(`${origin}/auth/dev/sign-in?ticket=`)).toBe(true);
    const { setCookie } = await openLink(analyst.url);
    const session = (await (await fetch(`${origin}/auth/session`, { headers: { cookie: setCookie.split(';')[0] } })).json()) as any;
    expect(session.actor).toMatchObject({ role: 'ANALYST', name: analyst.name });
  });
});

describe("npm start's sign-in links", () => {
  it('prints a heading naming the workbench, then "  <ROLE> <Name>: <url>" per demo user, each link signing that person in', async () => {
    const [heading, ...users] = await devSignInLines(`${origin}/`);
    expect(heading).toMatch(/workbench/i);
    expect(users).toHaveLength(6);
    const parsed = users.map((line) => /^ {2}([A-Z_]+) ([^:]+): (\S+)$/.exec(line));
    expect(parsed.every(Boolean)).toBe(true);
    expect(parsed.map((m) => m![1])).toEqual(['CASEWORKER', 'RESOURCE_CONSULTANT', 'JOB_CONSULTANT', 'TEAM_LEAD', 'ANALYST', 'CITIZEN']);
    const [, role, name, url] = parsed[2]!;
    const { setCookie } = await openLink(url);
    const session = (await (await fetch(`${origin}/auth/session`, { headers: { cookie: setCookie.split(';')[0] } })).json()) as any;
    expect(session.actor).toMatchObject({ role, name });
  });
});

describe('without a valid session', () => {
  it('answers UNAUTHENTICATED to GraphQL and 401 to /auth/session when there is no cookie', async () => {
    const res = await fromPage('', '{ citizenStatistics { total } }');
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    const session = await fetch(`${origin}/auth/session`);
    expect(session.status).toBe(401);
    expect(await session.json()).toEqual({ error: 'UNAUTHENTICATED' });
  });

  it('refuses a cookie sealed with another key, or tampered with', async () => {
    const forged = await new EncryptJWT({ role: 'TEAM_LEAD', name: 'Mallory', team: TEAM })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setSubject(randomUUID())
      .setJti(randomUUID())
      .setIssuer('jobcenter-gateway')
      .setAudience('jobcenter-workbench')
      .setExpirationTime('1h')
      .encrypt(new Uint8Array(32).fill(7));
    const real = await signIn(mette);
    const tampered = real.slice(0, -4) + (real.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (const cookie of [`${SESSION_COOKIE}=${forged}`, tampered]) {
      const res = await fromPage(cookie, '{ citizenStatistics { total } }');
      expect(res.status).toBe(401);
      expect(errorCode(res)).toBe('UNAUTHENTICATED');
      expect(res.data).toBeUndefined();
      expect((await fetch(`${origin}/auth/session`, { headers: { cookie } })).status).toBe(401);
    }
  });
});

describe('signing out', () => {
  it('ends the session on the server: the old cookie value no longer works, other sessions do', async () => {
    const cookie = await signIn(per);
    const elsewhere = await signIn(per);
    expect((await fromPage(cookie, ownRecord, { id: per.id })).data.citizen.firstName).toBe('Per');
    const out = await fetch(`${origin}/auth/sign-out`, { method: 'POST', headers: { cookie, origin, 'sec-fetch-site': 'same-origin' } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict`));
    // A copy of the old value (as an attacker who took it would hold) is refused everywhere.
    const after = await fromPage(cookie, ownRecord, { id: per.id });
    expect(after.status).toBe(401);
    expect(errorCode(after)).toBe('UNAUTHENTICATED');
    expect(after.errors![0].message).toMatch(/session has ended/);
    expect((await fetch(`${origin}/auth/session`, { headers: { cookie } })).status).toBe(401);
    // Per's session on another device is its own.
    expect((await fromPage(elsewhere, ownRecord, { id: per.id })).data.citizen.firstName).toBe('Per');
  });

  it('answers 204 without a session, and refuses a sign-out another site asks for', async () => {
    expect((await fetch(`${origin}/auth/sign-out`, { method: 'POST' })).status).toBe(204);
    const cookie = await signIn(mette);
    const forced = await fetch(`${origin}/auth/sign-out`, {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(forced.status).toBe(403);
    expect((await fetch(`${origin}/auth/session`, { headers: { cookie } })).status).toBe(200);
  });
});

describe('cross-site requests with the cookie', () => {
  it('refuses a GraphQL POST from another origin or site, running nothing', async () => {
    const cookie = await signIn(mette);
    const attempts: Record<string, string>[] = [
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'https://other.ryslinge.dk', 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of attempts) {
      const statements = await federation.countStatements(async () => {
        const res = await fetch(federation.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie, ...headers },
          body: JSON.stringify({
            query: `mutation { registerCitizen(input: { cpr: "110605-4326", firstName: "Line", lastName: "Petersen", targetGroup: ACTIVITY_READY }) { id } }`,
          }),
        });
        expect(res.status).toBe(403);
        const body = (await res.json()) as any;
        expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
        expect(body.data).toBeUndefined();
      });
      expect(statements).toBe(0);
    }
  });

  it("keeps Apollo's CSRF prevention: a text/plain POST (a form can send one) with the cookie is refused", async () => {
    const cookie = await signIn(mette);
    const res = await fetch(federation.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie, origin, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ query: '{ citizenStatistics { total } }' }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/Cross-Site Request Forgery/);
  });
});

describe('the workbench pages', () => {
  const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

  it('serves index.html at / with a strict Content-Security-Policy and the other security headers', async () => {
    const res = await fetch(`${origin}/`, { headers: html });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Arbejdsbord</title>');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it("answers the app's own routes with index.html (the router shows the view), assets cached for good", async () => {
    for (const page of ['/caseload', '/citizens/5e7d1c2b-3a4f-4b6c-9d8e-000000000001', '/sign-in?returnTo=%2Fmy-day']) {
      const res = await fetch(`${origin}${page}`, { headers: html });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>Arbejdsbord</title>');
    }
    const asset = await fetch(`${origin}/assets/app-1a2b.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    // A missing asset is a 404, not index.html under a script's name.
    expect((await fetch(`${origin}/assets/app-gone.js`)).status).toBe(404);
    const unknownAuth = await fetch(`${origin}/auth/nothing-here`, { headers: html });
    expect(unknownAuth.status).toBe(404);
    expect(unknownAuth.headers.get('content-type')).toMatch(/json/);
  });

  it('answers /health', async () => {
    const res = await fetch(`${origin}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  it('serves the self-hosted GraphiQL to a browser at GET /graphql in development, and GraphQL to everyone else', async () => {
    const page = await fetch(federation.url, { headers: html });
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(readFileSync(path.join(workbench, 'graphiql.html'), 'utf8'));
    // Scripts from this origin only; its editor (Monaco) needs inline styles, this page alone.
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).toMatch(/style-src 'self' 'unsafe-inline';/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    // Reachable only through /graphql, where the explorer setting applies.
    expect((await fetch(`${origin}/graphiql.html`)).status).toBe(404);
    const { authorization } = { authorization: `Bearer ${await signUserToken(lone, authJwtSecret())}` };
    const get = await fetch(`${federation.url}?query=${encodeURIComponent('{ citizenStatistics { total } }')}`, {
      headers: { authorization, 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(200);
    expect(((await get.json()) as any).data.citizenStatistics.total).toEqual(expect.any(Number));
  });
});
