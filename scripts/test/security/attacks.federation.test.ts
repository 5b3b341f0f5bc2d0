import { createHmac, randomUUID } from 'node:crypto';
import type { Actor } from '@jobcenter/kit';
import { authJwtSecret, signGatewayAssertion, signUserToken } from '@jobcenter/kit';
import { errorCode, GraphQLResponse, postGraphQL } from '@jobcenter/kit/testing';
import { DEMO_TEAM, demoCitizens, demoStaff } from '@jobcenter/demo-cast';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { subgraphs } from '../../src/services';

/**
 * Attacks on who may see what, on the seed stories' data. Each case must end in the right
 * error code with nothing of another person in the response, and every service healthy after.
 * Ulla is Mette's, Sofie's and Jens' citizen; Inger works with Per and Svend, not with Ulla.
 */
let federation: TestFederation;
const staff = (key: keyof typeof demoStaff): Actor => ({ ...demoStaff[key], team: DEMO_TEAM });
const inger = staff('inger');
const per: Actor = { id: demoCitizens.per.id, role: 'CITIZEN', name: 'Per Hansen' };
const ulla = demoCitizens.ulla;
let ids: { plan: string; milestone: string; meeting: string; placement: string };
/** Words that only Ulla's records contain (her name, CPR serial, plan goal). */
let ullasSecrets: string[];

const previousTtl = process.env.ACCESS_GRANT_TTL_MS;

beforeAll(async () => {
  // A short grant cache, so the test of an ended assignment need not wait the real 30 s.
  process.env.ACCESS_GRANT_TTL_MS = '300';
  federation = await startTestFederation(subgraphs);
  for (const definition of subgraphs) await definition.seedDemo?.(federation.subgraphs[definition.name].dataSource);
  const res = await federation.as(
    staff('mette'),
    `query($id: ID!) { citizen(id: $id) { cpr
      plans { id longTermGoal milestones { id } } meetings { id } placements { id } } }`,
    { id: ulla.id },
  );
  expect(res.errors).toBeUndefined();
  const c = res.data.citizen;
  const plan = c.plans[0];
  ids = { plan: plan.id, milestone: plan.milestones[0].id, meeting: c.meetings[0].id, placement: c.placements[0].id };
  ullasSecrets = [ulla.lastName, ulla.cpr.slice(7), plan.longTermGoal.slice(0, 20)];
}, 60_000);
afterAll(async () => {
  await federation.stop();
  if (previousTtl === undefined) delete process.env.ACCESS_GRANT_TTL_MS;
  else process.env.ACCESS_GRANT_TTL_MS = previousTtl;
});

/** A JWT signed by hand, so any header and claims can be tried. */
function jwt(header: object, payload: object, secret: string): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${b64(header)}.${b64(payload)}`;
  const alg = (header as { alg: string }).alg === 'HS512' ? 'sha512' : 'sha256';
  return `${body}.${createHmac(alg, secret).update(body).digest('base64url')}`;
}

function expectNothingOfUlla(res: GraphQLResponse): void {
  const text = JSON.stringify(res);
  for (const secret of ullasSecrets) expect(text).not.toContain(secret);
  for (const id of Object.values(ids)) expect(JSON.stringify(res.data ?? null)).not.toContain(id);
}

const BY_ID = {
  plan: `query($id: ID!) { plan(id: $id) { id longTermGoal } }`,
  meeting: `query($id: ID!) { meeting(id: $id) { id summary } }`,
  placement: `query($id: ID!) { placement(id: $id) { id mentor } }`,
} as const;

describe("reading another citizen's plan, meetings and placements", () => {
  it('is FORBIDDEN through the gateway for a caseworker outside the caseload', async () => {
    for (const [kind, query] of Object.entries(BY_ID)) {
      const res = await federation.as(inger, query, { id: ids[kind as keyof typeof BY_ID] });
      expect(errorCode(res)).toBe('FORBIDDEN');
      expectNothingOfUlla(res);
    }
    const record = await federation.as(inger, `query($id: ID!) { citizen(id: $id) { firstName lastName cpr } }`, { id: ulla.id });
    expect(errorCode(record)).toBe('FORBIDDEN');
    expectNothingOfUlla(record);
  });

  it('is FORBIDDEN straight at each subgraph, by id and through _entities', async () => {
    const attempts: [string, string, Record<string, unknown>][] = [
      ['plans', BY_ID.plan, { id: ids.plan }],
      ['meetings', BY_ID.meeting, { id: ids.meeting }],
      ['placements', BY_ID.placement, { id: ids.placement }],
      [
        'plans',
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Plan { longTermGoal } } }`,
        { r: [{ __typename: 'Plan', id: ids.plan }] },
      ],
      [
        'plans',
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Milestone { title } } }`,
        { r: [{ __typename: 'Milestone', id: ids.milestone }] },
      ],
      [
        'meetings',
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Meeting { summary } } }`,
        { r: [{ __typename: 'Meeting', id: ids.meeting }] },
      ],
      [
        'placements',
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Placement { mentor } } }`,
        { r: [{ __typename: 'Placement', id: ids.placement }] },
      ],
      [
        'plans',
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { plans { longTermGoal } } } }`,
        { r: [{ __typename: 'Citizen', id: ulla.id }] },
      ],
      [
        'meetings',
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { meetings { summary } } } }`,
        { r: [{ __typename: 'Citizen', id: ulla.id }] },
      ],
      [
        'placements',
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { placements { mentor } } } }`,
        { r: [{ __typename: 'Citizen', id: ulla.id }] },
      ],
      [
        'citizens',
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { firstName lastName cpr } } }`,
        { r: [{ __typename: 'Citizen', id: ulla.id }] },
      ],
    ];
    for (const [name, query, variables] of attempts) {
      const res = await federation.subgraphs[name].as(inger, query, variables);
      expect(errorCode(res)).toBe('FORBIDDEN');
      expectNothingOfUlla(res);
    }
  });

  it('gives a citizen exactly what an unknown id gives, through the gateway and straight at each subgraph', async () => {
    for (const [kind, query] of Object.entries(BY_ID)) {
      const theirs = await federation.as(per, query, { id: ids[kind as keyof typeof BY_ID] });
      const unknown = await federation.as(per, query, { id: randomUUID() });
      expect(theirs).toEqual(unknown);
      expect(theirs.errors).toBeUndefined();
    }
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { plans { id } } } }`;
    const direct = await federation.subgraphs.plans.as(per, q, { r: [{ __typename: 'Citizen', id: ulla.id }] });
    expect(direct).toEqual(await federation.subgraphs.plans.as(per, q, { r: [{ __typename: 'Citizen', id: randomUUID() }] }));
    expectNothingOfUlla(direct);
  });

  it('gives an analyst FORBIDDEN on a CPR number, by id and by search', async () => {
    const karin = staff('karin');
    for (const res of [
      await federation.as(karin, `query($id: ID!) { citizen(id: $id) { cpr } }`, { id: ulla.id }),
      await federation.as(karin, `query($c: String!) { citizenByCpr(cpr: $c) { id cpr } }`, { c: ulla.cpr }),
      await federation.subgraphs.citizens.as(karin, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { cpr } } }`, {
        r: [{ __typename: 'Citizen', id: ulla.id }],
      }),
    ]) {
      expect(errorCode(res)).toBe('FORBIDDEN');
      expectNothingOfUlla(res);
    }
  });
});

describe('identity', () => {
  const subgraphUrl = () => federation.subgraphs.plans.url;
  const q = `query($id: ID!) { plan(id: $id) { longTermGoal } }`;

  it('refuses a subgraph request without, or with a forged, gateway proof (UNAUTHENTICATED)', async () => {
    const missing = await postGraphQL(subgraphUrl(), q, { id: ids.plan });
    const forged = await postGraphQL(
      subgraphUrl(),
      q,
      { id: ids.plan },
      {
        'x-gateway-assertion': await signGatewayAssertion(staff('mette'), randomUUID(), 'not-the-gateway-secret-but-long-enough-0123'),
      },
    );
    const userToken = await postGraphQL(
      subgraphUrl(),
      q,
      { id: ids.plan },
      { 'x-gateway-assertion': await signUserToken(staff('mette'), authJwtSecret()) },
    );
    for (const res of [missing, forged, userToken]) {
      expect(res.status).toBe(401);
      expect(errorCode(res)).toBe('UNAUTHENTICATED');
      expectNothingOfUlla(res);
    }
  });

  it('refuses alg none, a wrong secret, another algorithm, no exp and an expired token at the gateway (UNAUTHENTICATED)', async () => {
    const mette = staff('mette');
    const claims = { role: mette.role, name: mette.name, team: mette.team };
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const good = { ...claims, sub: mette.id, iat: now, exp: now + 600 };
    // The right secret and claims, so only the one flaw of each token is what is refused.
    expect(
      errorCode(
        await federation.request(
          q,
          { id: ids.plan },
          { authorization: `Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, good, authJwtSecret())}` },
        ),
      ),
    ).toBeUndefined();
    const tokens = [
      `${b64({ alg: 'none', typ: 'JWT' })}.${b64(good)}.`,
      jwt({ alg: 'HS256', typ: 'JWT' }, good, 'a-wrong-secret-that-is-long-enough-0123456789'),
      jwt({ alg: 'HS512', typ: 'JWT' }, good, authJwtSecret()),
      jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, sub: mette.id, iat: now }, authJwtSecret()),
      await signUserToken(mette, authJwtSecret(), now - 5),
    ];
    for (const token of tokens) {
      const res = await federation.request(q, { id: ids.plan }, { authorization: `Bearer ${token}` });
      expect(errorCode(res)).toBe('UNAUTHENTICATED');
      expectNothingOfUlla(res);
    }
  });
});

describe('hostile input', () => {
  it('treats SQL in a search as text, and refuses an oversized search or text with BAD_USER_INPUT', async () => {
    const lone = staff('lone');
    const search = `query($s: String!) { citizens(filter: { search: $s }) { totalCount } }`;
    for (const s of ["'; DROP TABLE citizen; --", "%' OR '1'='1", "\\'); DELETE FROM assignment; --"]) {
      const res = await federation.as(lone, search, { s });
      expect(res.errors).toBeUndefined();
      expect(res.data.citizens.totalCount).toBe(0);
    }
    expect(errorCode(await federation.as(lone, search, { s: 'x'.repeat(10_000) }))).toBe('BAD_USER_INPUT');
    const longGoal = await federation.as(
      inger,
      `mutation($c: ID!, $g: String!) { createPlan(citizenId: $c, input: { longTermGoal: $g, status: DRAFT }) { id } }`,
      {
        c: per.id,
        g: "'); DROP TABLE plan; --".repeat(1000),
      },
    );
    expect(errorCode(longGoal)).toBe('BAD_USER_INPUT');
    // The tables are all still there.
    const still = await federation.as(lone, `query($id: ID!) { citizen(id: $id) { firstName plans { id } } }`, { id: per.id });
    expect(still.errors).toBeUndefined();
    expect(still.data.citizen.plans.length).toBeGreaterThan(0);
  });
});

describe('an assignment that ended', () => {
  it('ends access at once in the citizens service and within the grant cache’s time to live elsewhere', async () => {
    const previous = process.env.ACCESS_GRANT_TTL_MS;
    process.env.ACCESS_GRANT_TTL_MS = '300';
    try {
      const planQuery = `query($id: ID!) { citizen(id: $id) { plans { id } } }`;
      const perPlans = await federation.subgraphs.plans.as(
        inger,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { plans { id } } } }`,
        {
          r: [{ __typename: 'Citizen', id: per.id }],
        },
      );
      expect(perPlans.errors).toBeUndefined();
      const lone = staff('lone');
      const team = await federation.as(lone, `query($id: ID!) { citizen(id: $id) { assignments { id staff { id } } } }`, { id: per.id });
      const mine = team.data.citizen.assignments.find((a: any) => a.staff.id === inger.id);
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      const ended = await federation.as(lone, `mutation($id: ID!, $to: Date) { endAssignment(assignmentId: $id, to: $to) { to } }`, {
        id: mine.id,
        to: yesterday,
      });
      expect(ended.errors).toBeUndefined();
      // The citizens service owns assignments and decides on fresh data: refused at once.
      expect(errorCode(await federation.as(inger, `query($id: ID!) { citizen(id: $id) { firstName } }`, { id: per.id }))).toBe('FORBIDDEN');
      // The other services may still hold the grant for up to the time to live, and no longer.
      await new Promise((resolve) => setTimeout(resolve, 400));
      const after = await federation.subgraphs.plans.as(
        inger,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { plans { id } } } }`,
        {
          r: [{ __typename: 'Citizen', id: per.id }],
        },
      );
      expect(errorCode(after)).toBe('FORBIDDEN');
      expect(errorCode(await federation.as(inger, planQuery, { id: per.id }))).toBe('FORBIDDEN');
    } finally {
      if (previous === undefined) delete process.env.ACCESS_GRANT_TTL_MS;
      else process.env.ACCESS_GRANT_TTL_MS = previous;
    }
  });
});

describe('after all that', () => {
  it('every service is still healthy and ready', async () => {
    for (const definition of subgraphs) {
      const base = federation.subgraphs[definition.name].url.replace('/graphql', '');
      expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    }
    const ok = await federation.as(staff('mette'), `query($id: ID!) { citizen(id: $id) { firstName } }`, { id: ulla.id });
    expect(ok.data.citizen.firstName).toBe('Ulla');
  });
});
