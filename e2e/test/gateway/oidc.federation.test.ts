import { randomUUID } from 'node:crypto';
import { importJWK, JWK, SignJWT } from 'jose';
import type { Actor } from '@jobcenter/kit';
import { signUserToken, todayInCopenhagen } from '@jobcenter/kit';
import { errorCode, GraphQLResponse } from '@jobcenter/kit/testing';
import { citizensSubgraph } from '@jobcenter/citizens';
import { newSigningKey } from '@jobcenter/gateway/oidc/dev-provider';
import { JWKS_COOLDOWN_MS } from '@jobcenter/gateway/oidc/issuers';
import { oidcConfig, userTokens } from '@jobcenter/gateway/oidc';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import {
  chooseAccount,
  ProviderTokens,
  signInAtProvider,
  signInThroughWorkbench as viaWorkbench,
  startTestProvider,
  TestProvider,
} from '@jobcenter/gateway/oidc/test-provider';

/**
 * OpenID Connect sign-in at the gateway (issue 16) against real oidc-provider instances: a
 * staff provider, a citizen broker and a stranger, tokens from the code flow with PKCE, the
 * federation's real gateway and citizens subgraph in between.
 */
const TEAM = 'Team Ryslinge';
const SECRET = 'explicit-test-auth-secret-0123456789abcdef';
const lone: Actor = { id: randomUUID(), role: 'TEAM_LEAD', name: 'Lone Friis', team: TEAM };
const metteEmail = `mette.${randomUUID()}@ryslinge.dk`;
const SVEND_CPR = '2309941017';
const redirect_uri = 'http://127.0.0.1:1/auth/callback';
const workbench = { client_id: 'workbench', client_secret: 'workbench-secret-0123456789abcdef', redirect_uri };
const otherApp = { client_id: 'other-app', client_secret: 'other-app-secret-0123456789abcdef', redirect_uri };
const citizenApp = { client_id: 'workbench-citizen', client_secret: 'citizen-secret-0123456789abcdef', redirect_uri };

const staffAccounts = [
  { id: 'mette', name: 'Mette S.', email: metteEmail.toUpperCase(), roles: ['jc-ekstern', 'jc-sagsbehandler'] },
  { id: 'lone', name: 'Lone F.', email: `lone.${randomUUID()}@ryslinge.dk`, roles: 'jc-leder' as unknown as string[] },
  { id: 'norole', name: 'Mette S.', email: metteEmail, roles: ['jc-kantine'] },
  { id: 'stranger', name: 'Ukendt', email: 'ukendt@ryslinge.dk', roles: ['jc-sagsbehandler'] },
];
const citizenAccounts = [
  { id: 'svend-pid', name: 'Svend M.', cpr: SVEND_CPR },
  { id: 'unknown-pid', name: 'Ukendt borger', cpr: '0101901234' },
];

let staffKey: JWK;
let staffIdp: TestProvider;
let broker: TestProvider;
let stranger: TestProvider;
let federation: TestFederation;
let mette: Actor;
let svend: Actor;
let oleId: string;
let origin: string;
const saved: Record<string, string | undefined> = {};

function setEnv(values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
}

beforeAll(async () => {
  staffKey = await newSigningKey('RS256');
  [staffIdp, broker, stranger] = await Promise.all([
    startTestProvider({
      accounts: staffAccounts,
      clients: [workbench, otherApp].map((c) => ({ ...c, redirect_uris: [redirect_uri] })),
      keys: [staffKey],
    }),
    startTestProvider({
      accounts: citizenAccounts,
      clients: [{ ...citizenApp, redirect_uris: [redirect_uri] }],
      keys: [await newSigningKey('ES256')],
    }),
    startTestProvider({ accounts: staffAccounts, clients: [{ ...workbench, redirect_uris: [redirect_uri] }] }),
  ]);
  setEnv({
    OIDC_ISSUER: staffIdp.issuer,
    OIDC_AUDIENCE: 'workbench',
    CITIZEN_OIDC_ISSUER: broker.issuer,
    CITIZEN_OIDC_AUDIENCE: 'workbench-citizen',
    OIDC_ROLE_MAP: 'jc-sagsbehandler=CASEWORKER,jc-leder=TEAM_LEAD',
    // Set explicitly, so the federation's own HS256 test tokens (setup) are still accepted.
    AUTH_JWT_SECRET: SECRET,
    OIDC_CLIENT_SECRET: workbench.client_secret,
    OIDC_SCOPES: 'openid profile email roles',
    CITIZEN_OIDC_SCOPES: 'openid cpr',
    CITIZEN_OIDC_CLIENT_SECRET: citizenApp.client_secret,
  });
  federation = await startTestFederation([citizensSubgraph]);
  // The workbench's redirect URIs are known once the gateway listens: registered at the providers now.
  origin = new URL(federation.url).origin;
  const registered = (c: typeof workbench) => ({
    ...c,
    redirect_uris: [redirect_uri, `${origin}/auth/callback`],
    post_logout_redirect_uris: [`${origin}/sign-in`],
  });
  await staffIdp.reconfigure({ clients: [registered(workbench), registered(otherApp)] });
  await broker.reconfigure({ clients: [registered(citizenApp)] });
  const created = await federation.as(lone, `mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { id } }`, {
    i: { name: 'Mette Skov', role: 'CASEWORKER', email: metteEmail, team: TEAM },
  });
  mette = { id: created.data.createStaffMember.id, role: 'CASEWORKER', name: 'Mette Skov', team: TEAM };
  const register = async (cpr: string, firstName: string, lastName: string) =>
    (
      await federation.as(mette, `mutation($i: RegisterCitizenInput!) { registerCitizen(input: $i) { id } }`, {
        i: { cpr, firstName, lastName, targetGroup: 'ACTIVITY_READY' },
      })
    ).data.registerCitizen.id as string;
  svend = { id: await register('230994-1017', 'Svend', 'Madsen'), role: 'CITIZEN', name: 'Svend Madsen' };
  oleId = await register('140391-1235', 'Ole', 'Berg');
});

afterAll(async () => {
  await federation?.stop();
  for (const p of [staffIdp, broker, stranger]) await p?.stop();
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const whoAmI = `query($id: ID!) { staffMember(id: $id) { id name team } }`;
const ownRecord = `query($id: ID!) {
  citizen(id: $id) { id firstName lastName cpr status targetGroup assignments { role staff { name } } }
}`;

/** A refusal as the issue wants it: 401 UNAUTHENTICATED, no data, and nothing of the token in the message. */
function expectRefused(res: GraphQLResponse, ...secrets: string[]) {
  expect(res.status).toBe(401);
  expect(errorCode(res)).toBe('UNAUTHENTICATED');
  expect(res.data ?? null).toBeNull();
  const text = JSON.stringify(res.errors);
  for (const secret of [metteEmail, SVEND_CPR, 'jc-kantine', staffKey.kid!, 'kid', ...secrets]) {
    expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
  }
}

describe('staff tokens from the municipality provider', () => {
  let tokens: ProviderTokens;
  beforeAll(async () => {
    tokens = await signInAtProvider(staffIdp.issuer, workbench, 'mette');
  });

  it('are the staff member found by e-mail, with the mapped role and their team', async () => {
    const res = await federation.request(whoAmI, { id: mette.id }, bearer(tokens.id_token));
    expect(res.errors).toBeUndefined();
    expect(res.data.staffMember).toEqual({ id: mette.id, name: 'Mette Skov', team: TEAM });
    // The same as Mette's development token sees of a citizen in her caseload.
    const viaOidc = await federation.request(ownRecord, { id: svend.id }, bearer(tokens.id_token));
    const viaDev = await federation.as(mette, ownRecord, { id: svend.id });
    expect(viaOidc).toEqual(viaDev);
  });

  it('map a role given as a single string', async () => {
    const loneTokens = await signInAtProvider(staffIdp.issuer, workbench, 'lone');
    // Lone's e-mail is not registered: refused though the role maps.
    expectRefused(await federation.request(whoAmI, { id: mette.id }, bearer(loneTokens.id_token)));
  });

  it('refuse an unknown role and an unregistered e-mail', async () => {
    const noRole = await signInAtProvider(staffIdp.issuer, workbench, 'norole');
    expectRefused(await federation.request(whoAmI, { id: mette.id }, bearer(noRole.id_token)));
    const unknown = await signInAtProvider(staffIdp.issuer, workbench, 'stranger');
    const res = await federation.request(whoAmI, { id: mette.id }, bearer(unknown.id_token));
    expectRefused(res, 'ukendt@ryslinge.dk');
    expect(res.errors![0].message).toMatch(/not registered as a staff member/);
  });

  it('refuse another audience and another issuer', async () => {
    const other = await signInAtProvider(staffIdp.issuer, otherApp, 'mette');
    expectRefused(await federation.request(whoAmI, { id: mette.id }, bearer(other.id_token)));
    const elsewhere = await signInAtProvider(stranger.issuer, workbench, 'mette');
    expectRefused(await federation.request(whoAmI, { id: mette.id }, bearer(elsewhere.id_token)));
  });

  it("refuse alg none, HS256 under the provider's public key, and expired tokens", async () => {
    const claims = { iss: staffIdp.issuer, aud: 'workbench', sub: 'mette', email: metteEmail, roles: ['jc-sagsbehandler'] };
    const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, iat: now, exp: now + 600 })}.`;
    expectRefused(await federation.request(whoAmI, { id: mette.id }, bearer(none)));
    // Algorithm confusion: the provider's published public key used as an HMAC secret.
    const jwks = (await (await fetch(`${staffIdp.issuer}/jwks`)).json()) as { keys: JWK[] };
    const publicJwk = jwks.keys.find((k) => k.kid === staffKey.kid)!;
    for (const secret of [JSON.stringify(publicJwk), publicJwk.n!]) {
      const confused = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', kid: staffKey.kid })
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(new TextEncoder().encode(secret));
      expectRefused(await federation.request(whoAmI, { id: mette.id }, bearer(confused)));
    }
    // Expired beyond the 60 s skew, signed with the provider's own key (its clock cannot be turned back).
    const key = await importJWK(staffKey, 'RS256');
    const sign = (exp: number) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: staffKey.kid })
        .setIssuedAt(exp - 300)
        .setExpirationTime(exp)
        .sign(key);
    const expired = await federation.request(whoAmI, { id: mette.id }, bearer(await sign(now - 61)));
    expectRefused(expired);
    expect(expired.errors![0].message).toMatch(/expired/);
    // Within the skew it still counts.
    const lateButFine = await federation.request(whoAmI, { id: mette.id }, bearer(await sign(now - 30)));
    expect(lateButFine.errors).toBeUndefined();
  });

  it('lose access when the assignment ends, exactly as a development token does', async () => {
    const assign = `mutation($c: ID!, $s: ID!) { assignStaff(citizenId: $c, staffId: $s, role: CASEWORKER, from: "2025-01-01") { id } }`;
    const assigned = await federation.as(lone, assign, {
      c: oleId,
      s: mette.id,
    });
    expect(assigned.errors).toBeUndefined();
    const read = `query($id: ID!) { citizen(id: $id) { id firstName } }`;
    const before = await federation.request(read, { id: oleId }, bearer(tokens.id_token));
    expect(before.data.citizen).toEqual({ id: oleId, firstName: 'Ole' });
    const yesterday = new Date(Date.parse(`${todayInCopenhagen()}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const ended = await federation.as(lone, `mutation($id: ID!, $to: Date) { endAssignment(assignmentId: $id, to: $to) { to } }`, {
      id: assigned.data.assignStaff.id,
      to: yesterday,
    });
    expect(ended.errors).toBeUndefined();
    const after = await federation.request(read, { id: oleId }, bearer(tokens.id_token));
    expect(after.data?.citizen ?? null).toBeNull();
    expect(after).toEqual(await federation.as(mette, read, { id: oleId }));
  });
});

describe('citizen tokens from the MitID broker', () => {
  it('are the citizen found by CPR, seeing exactly what the development token showed', async () => {
    const tokens = await signInAtProvider(broker.issuer, citizenApp, 'svend-pid');
    const viaOidc = await federation.request(ownRecord, { id: svend.id }, bearer(tokens.id_token));
    expect(viaOidc.errors).toBeUndefined();
    expect(viaOidc.data.citizen.firstName).toBe('Svend');
    expect(viaOidc).toEqual(await federation.as(svend, ownRecord, { id: svend.id }));
  });

  it("put the sign-in look-up on the citizen's access log: the gateway's SERVICE actor, purpose SIGN_IN, the CPR number encrypted", async () => {
    const citizens = federation.subgraphs.citizens.dataSource;
    const before = new Date();
    const tokens = await signInAtProvider(broker.issuer, citizenApp, 'svend-pid');
    expect((await federation.request(ownRecord, { id: svend.id }, bearer(tokens.id_token))).errors).toBeUndefined();
    const rows: any[] = await citizens.query(
      `SELECT actor_id, actor_role, operation, purpose, kind, searched_cpr FROM kit_access_log WHERE citizen_id = $1 AND at >= $2 AND purpose = 'SIGN_IN'`,
      [svend.id, before],
    );
    expect(rows).toEqual([
      {
        actor_id: 'service:gateway',
        actor_role: 'SERVICE',
        operation: 'SEARCH',
        purpose: 'SIGN_IN',
        kind: 'sign-in identity',
        searched_cpr: expect.any(String),
      },
    ]);
    const everything = JSON.stringify(await citizens.query(`SELECT * FROM kit_access_log WHERE at >= $1`, [before]));
    expect(everything).not.toMatch(/2309941017|230994-1017/);
  });

  it('with a CPR number the register does not know are FORBIDDEN, the number never repeated', async () => {
    const tokens = await signInAtProvider(broker.issuer, citizenApp, 'unknown-pid');
    const res = await federation.request(ownRecord, { id: svend.id }, bearer(tokens.id_token));
    expect(res.status).toBe(403);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(res.errors![0].message).toMatch(/not registered with the jobcentre/);
    expect(JSON.stringify(res)).not.toMatch(/0101901234|010190/);
  });

  it('are refused when they come from the staff provider, and opaque tokens are refused', async () => {
    const staffTokens = await signInAtProvider(staffIdp.issuer, workbench, 'mette');
    // An opaque access token (not a JWT) is no sign-in here.
    expectRefused(await federation.request(ownRecord, { id: svend.id }, bearer(staffTokens.access_token)));
    // A token the broker signed for the staff audience is neither a staff nor a citizen sign-in.
    const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const [, payload] = staffTokens.id_token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const signature = staffTokens.id_token.split('.')[2];
    const header = b64({ alg: 'RS256', kid: staffKey.kid });
    const mixed = [header, b64({ ...claims, iss: broker.issuer, aud: 'workbench-citizen' }), signature].join('.');
    expectRefused(await federation.request(ownRecord, { id: svend.id }, bearer(mixed)));
  });
});

describe('workbench sign-in at the providers (code flow with PKCE, server-side)', () => {
  /** Clicks a sign-in button: the gateway, the provider's page, back to the callback; returns the session cookie. */
  async function signInThroughWorkbench(kind: 'staff' | 'citizen', account: string) {
    const signedIn = await viaWorkbench(origin, kind, account, '/cases');
    expect(signedIn.flowCookie).toMatch(/HttpOnly/i);
    expect(signedIn.authorize.origin).toBe(kind === 'staff' ? staffIdp.issuer : broker.issuer);
    expect(signedIn.authorize.searchParams.get('code_challenge_method')).toBe('S256');
    return signedIn;
  }

  it('signs a staff member and a citizen in; the browser gets the session cookie only', async () => {
    const staff = await signInThroughWorkbench('staff', 'mette');
    expect(staff.body).toBe('');
    expect(staff.back.status).toBe(303);
    expect(staff.back.headers.get('location')).toBe('/cases');
    const who = (await (await fetch(`${origin}/auth/session`, { headers: { cookie: staff.cookie! } })).json()) as any;
    expect(who.actor).toEqual({ id: mette.id, role: 'CASEWORKER', name: 'Mette Skov', team: TEAM });
    const citizen = await signInThroughWorkbench('citizen', 'svend-pid');
    expect(citizen.back.status).toBe(303);
    const res = await fetch(federation.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: citizen.cookie!, origin, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ query: ownRecord, variables: { id: svend.id } }),
    });
    expect({ status: res.status, ...((await res.json()) as object) }).toEqual(await federation.as(svend, ownRecord, { id: svend.id }));
  });

  it('refuses a callback without its flow cookie, an unknown CPR number and an unregistered e-mail', async () => {
    const start = await fetch(`${origin}/auth/sign-in?kind=staff`, { redirect: 'manual' });
    const callback = await chooseAccount(start.headers.get('location')!, 'mette', `${origin}/auth/callback`);
    const noCookie = await fetch(callback, { redirect: 'manual' });
    expect(noCookie.status).toBe(401);
    expect(noCookie.headers.getSetCookie().some((c) => c.startsWith('jc_session=') && !c.startsWith('jc_session=;'))).toBe(false);
    const unknown = await signInThroughWorkbench('citizen', 'unknown-pid');
    expect(unknown.back.status).toBe(403);
    expect(unknown.cookie).toBeUndefined();
    expect(unknown.body).toMatch(/not registered with the jobcentre/);
    expect(unknown.body).not.toMatch(/0101901234/);
    const stranger = await signInThroughWorkbench('staff', 'stranger');
    expect(stranger.back.status).toBe(401);
    expect(stranger.cookie).toBeUndefined();
  });

  it('ends the provider session too (RP-initiated logout)', async () => {
    const out = await fetch(`${origin}/auth/sign-out/provider?kind=staff`, { redirect: 'manual' });
    expect(out.status).toBe(303);
    const target = new URL(out.headers.get('location')!);
    expect(target.origin).toBe(staffIdp.issuer);
    expect(target.searchParams.get('post_logout_redirect_uri')).toBe(`${origin}/sign-in`);
    // The provider accepts it (its confirmation page), i.e. the redirect URI is the registered one.
    const page = await fetch(target, { redirect: 'manual' });
    expect(page.status).toBe(200);
  });
});

describe('keys', () => {
  it('follow a key rotation at the provider without a restart, and fail closed when the provider is gone', async () => {
    const first = await signInAtProvider(staffIdp.issuer, workbench, 'mette');
    expect((await federation.request(whoAmI, { id: mette.id }, bearer(first.id_token))).errors).toBeUndefined();
    const rotated = await newSigningKey('PS256');
    await staffIdp.reconfigure({ keys: [rotated, staffKey] });
    const second = await signInAtProvider(staffIdp.issuer, workbench, 'mette');
    expect(JSON.parse(Buffer.from(second.id_token.split('.')[0], 'base64url').toString()).kid).toBe(rotated.kid);
    // The new kid makes the gateway refetch the key set, at most once per 30 s (JWKS_COOLDOWN_MS): the
    // last fetch may have been moments ago, so the new key is in use within that time, with no restart.
    const deadline = Date.now() + JWKS_COOLDOWN_MS + 5000;
    let answer = await federation.request(whoAmI, { id: mette.id }, bearer(second.id_token));
    while (answer.errors && Date.now() < deadline) {
      expectRefused(answer, rotated.kid!);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      answer = await federation.request(whoAmI, { id: mette.id }, bearer(second.id_token));
    }
    expect(answer.errors).toBeUndefined();
    expect(answer.data.staffMember.id).toBe(mette.id);
    // Tokens under the old key, still published, keep working.
    expect((await federation.request(whoAmI, { id: mette.id }, bearer(first.id_token))).errors).toBeUndefined();
    const spare = await signInAtProvider(staffIdp.issuer, workbench, 'mette');

    await staffIdp.stop();
    // Keys already fetched keep working: a token never seen before, signed with a known key.
    expect((await federation.request(whoAmI, { id: mette.id }, bearer(spare.id_token))).errors).toBeUndefined();
    // A key the gateway has not seen cannot be fetched: refused, not let through.
    const unknownKey = await newSigningKey('RS256');
    const forged = await new SignJWT({ email: metteEmail, roles: ['jc-sagsbehandler'] })
      .setProtectedHeader({ alg: 'RS256', kid: unknownKey.kid })
      .setIssuer(staffIdp.issuer)
      .setAudience('workbench')
      .setSubject('mette')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(await importJWK(unknownKey, 'RS256'));
    const res = await federation.request(whoAmI, { id: mette.id }, bearer(forged));
    expectRefused(res, unknownKey.kid!);
    // A gateway that never reached the provider (its discovery document, its keys) refuses every token from it.
    const cold = userTokens({
      config: oidcConfig({ OIDC_ISSUER: staffIdp.issuer, OIDC_AUDIENCE: 'workbench' }),
      citizensUrl: federation.subgraphs.citizens.url,
    });
    await expect(cold.verify(spare.id_token)).rejects.toThrow(/staff sign-in service cannot be reached right now/);
  }, 120_000);
});

describe('development HS256 tokens', () => {
  const citizensUrl = () => federation.subgraphs.citizens.url;
  const issuerEnv = { OIDC_ISSUER: 'https://login.example.dk/tenant/v2.0', OIDC_AUDIENCE: 'workbench' };

  it('are refused once an issuer is configured, unless AUTH_JWT_SECRET is set explicitly, and always in production', async () => {
    const token = await signUserToken(mette, SECRET);
    const withSecret = userTokens({ config: oidcConfig({ ...issuerEnv, AUTH_JWT_SECRET: SECRET }), citizensUrl: citizensUrl() });
    await expect(withSecret.verify(token)).resolves.toMatchObject({ id: mette.id });
    const withoutSecret = userTokens({ config: oidcConfig({ ...issuerEnv }), citizensUrl: citizensUrl() });
    await expect(withoutSecret.verify(token)).rejects.toThrow(/not a valid sign-in/);
    const productionEnv = { ...issuerEnv, AUTH_JWT_SECRET: SECRET, NODE_ENV: 'production' };
    const production = userTokens({ config: oidcConfig(productionEnv), citizensUrl: citizensUrl() });
    await expect(production.verify(token)).rejects.toThrow(/not a valid sign-in/);
    // Without any issuer, development works as before.
    const none = userTokens({ config: oidcConfig({}), citizensUrl: citizensUrl() });
    await expect(none.verify(token)).resolves.toMatchObject({ id: mette.id });
  });

  it('configuration mistakes stop the gateway at start', () => {
    expect(() => oidcConfig({ OIDC_ISSUER: 'https://idp.example.dk' })).toThrow(/OIDC_AUDIENCE must be set/);
    expect(() => oidcConfig({ OIDC_ROLE_MAP: 'jc-x=BOSS' })).toThrow(/OIDC_ROLE_MAP/);
  });
});
