import { randomUUID } from 'node:crypto';
import type { Actor } from '@jobcenter/kit';
import { citizensSubgraph } from '@jobcenter/citizens';
import { DevAccount } from '@jobcenter/gateway/oidc/dev-provider';
import { signInThroughWorkbench, startTestProvider, TestProvider } from '@jobcenter/gateway/oidc/test-provider';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';

/**
 * The workbench session of a provider sign-in follows the provider's tokens (issue 16): the
 * gateway keeps the refresh token server-side and refreshes before the ID/access token runs out;
 * a refused refresh ends the session as "expired"; without a refresh token the session ends with
 * the token. A real oidc-provider with tokens that live a few seconds.
 */
const TEAM = 'Team Ryslinge';
const TOKEN_SECONDS = 6;
const lone: Actor = { id: randomUUID(), role: 'TEAM_LEAD', name: 'Lone Friis', team: TEAM };
const metteEmail = `mette.${randomUUID()}@ryslinge.dk`;
const accounts: DevAccount[] = [{ id: 'mette', name: 'Mette S.', email: metteEmail, roles: ['CASEWORKER'] }];
const citizens: DevAccount[] = [{ id: 'svend-pid', name: 'Svend M.', cpr: '2309941017' }];
const refreshing = { client_id: 'workbench', client_secret: 'workbench-secret-0123456789abcdef' };
const oneShot = { client_id: 'workbench-once', client_secret: 'once-secret-0123456789abcdef', grant_types: ['authorization_code'] };

let idp: TestProvider;
let idpOnce: TestProvider;
let federation: TestFederation;
let origin: string;
let metteId: string;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  const ttl = { idTokenTtlSeconds: TOKEN_SECONDS, accessTokenTtlSeconds: TOKEN_SECONDS, refreshTokenTtlSeconds: 3600 };
  [idp, idpOnce] = await Promise.all([
    startTestProvider({ accounts, clients: [{ ...refreshing, redirect_uris: ['http://127.0.0.1:1/auth/callback'] }], ...ttl }),
    startTestProvider({ accounts: citizens, clients: [{ ...oneShot, redirect_uris: ['http://127.0.0.1:1/auth/callback'] }], ...ttl }),
  ]);
  // Staff through a provider that refreshes; citizens through a broker that gives no refresh token.
  const env = {
    OIDC_ISSUER: idp.issuer,
    OIDC_AUDIENCE: refreshing.client_id,
    OIDC_CLIENT_SECRET: refreshing.client_secret,
    OIDC_SCOPES: 'openid profile email roles offline_access',
    CITIZEN_OIDC_ISSUER: idpOnce.issuer,
    CITIZEN_OIDC_AUDIENCE: oneShot.client_id,
    CITIZEN_OIDC_CLIENT_SECRET: oneShot.client_secret,
    CITIZEN_OIDC_SCOPES: 'openid cpr',
    AUTH_JWT_SECRET: 'explicit-test-auth-secret-0123456789abcdef',
  };
  for (const [name, value] of Object.entries(env)) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
  federation = await startTestFederation([citizensSubgraph]);
  origin = new URL(federation.url).origin;
  const registered = { redirect_uris: [`${origin}/auth/callback`], post_logout_redirect_uris: [`${origin}/sign-in`] };
  await idp.reconfigure({ clients: [{ ...refreshing, ...registered }] });
  await idpOnce.reconfigure({ clients: [{ ...oneShot, ...registered }] });
  const created = await federation.as(lone, `mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { id } }`, {
    i: { name: 'Mette Skov', role: 'CASEWORKER', email: metteEmail, team: TEAM },
  });
  metteId = created.data.createStaffMember.id;
  const mette: Actor = { id: metteId, role: 'CASEWORKER', name: 'Mette Skov', team: TEAM };
  const svend = await federation.as(mette, `mutation($i: RegisterCitizenInput!) { registerCitizen(input: $i) { id } }`, {
    i: { cpr: '230994-1017', firstName: 'Svend', lastName: 'Madsen', targetGroup: 'ACTIVITY_READY' },
  });
  expect(svend.errors).toBeUndefined();
}, 180_000);

afterAll(async () => {
  await federation?.stop();
  await idp?.stop();
  await idpOnce?.stop();
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const whoAmI = `query($id: ID!) { staffMember(id: $id) { id name } }`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A GraphQL request from the workbench page with its session cookie. */
async function fromPage(cookie: string) {
  const res = await fetch(federation.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin, 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ query: whoAmI, variables: { id: metteId } }),
  });
  return { status: res.status, ...((await res.json()) as { data?: any; errors?: any[] }) };
}

const session = async (cookie: string) => {
  const res = await fetch(`${origin}/auth/session`, { headers: { cookie } });
  return { status: res.status, body: (await res.json()) as any };
};

describe('a provider sign-in with refresh tokens', () => {
  it('is refreshed before the token runs out, and ends as expired when the provider refuses the refresh', async () => {
    const signedIn = await signInThroughWorkbench(origin, 'staff', 'mette');
    expect(signedIn.back.status).toBe(303);
    const cookie = signedIn.cookie!;
    // The browser holds the session cookie only: no provider token in any header it got.
    expect(JSON.stringify([...signedIn.back.headers])).not.toMatch(/eyJ[\w-]+\.eyJ/);
    const started = await session(cookie);
    expect(started.body.provider).toBe('staff');
    // A refresh token lets the session run its own length (8 h), far beyond the 6 s tokens.
    expect(Date.parse(started.body.expiresAt) - Date.now()).toBeGreaterThan(3600_000);

    // Through three token lifetimes, a request every 2 s: each token is renewed in its last quarter.
    for (const deadline = Date.now() + 3 * TOKEN_SECONDS * 1000; Date.now() < deadline;) {
      await sleep(2000);
      const res = await fromPage(cookie);
      expect(res.errors).toBeUndefined();
      expect(res.data.staffMember.id).toBe(metteId);
    }

    // Mette is disabled at the provider: her refresh token is refused at the next refresh, and the session ends.
    await idp.reconfigure({ accounts: [] });
    await sleep(TOKEN_SECONDS * 1000);
    const ended = await fromPage(cookie);
    expect(ended.status).toBe(401);
    expect(ended.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect(ended.errors![0].message).toMatch(/session has expired/);
    // Ended for good (not just this request), and /auth/session says why.
    expect(await session(cookie)).toEqual({ status: 401, body: { error: 'UNAUTHENTICATED' } });
    await idp.reconfigure({ accounts });
  }, 60_000);

  it('refreshes once for requests that arrive together', async () => {
    const { cookie } = await signInThroughWorkbench(origin, 'staff', 'mette');
    await sleep(TOKEN_SECONDS * 1000 - 1000);
    // A refresh token used twice would be refused by a provider that rotates them; one refresh serves all.
    const answers = await Promise.all(Array.from({ length: 5 }, () => fromPage(cookie!)));
    for (const res of answers) expect(res.errors).toBeUndefined();
  }, 30_000);
});

describe('a provider sign-in without a refresh token', () => {
  it('lasts as long as the provider token, no longer', async () => {
    const signedIn = await signInThroughWorkbench(origin, 'citizen', 'svend-pid');
    expect(signedIn.back.status).toBe(303);
    const cookie = signedIn.cookie!;
    const started = await session(cookie);
    expect(started.status).toBe(200);
    expect(started.body.provider).toBe('citizen');
    // Capped by the broker's token (6 s), not the workbench's 8 hours; the cookie goes with it.
    expect(Date.parse(started.body.expiresAt) - Date.now()).toBeLessThanOrEqual(TOKEN_SECONDS * 1000);
    expect(signedIn.back.headers.getSetCookie().find((c) => c.startsWith('jc_session='))).toMatch(/Max-Age=[0-6];/);
    await sleep(TOKEN_SECONDS * 1000 + 1000);
    expect((await session(cookie)).status).toBe(401);
  }, 30_000);
});
