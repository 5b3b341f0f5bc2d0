import { randomUUID } from 'node:crypto';

import { citizensSubgraph } from '@jobcenter/citizens';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { Actor, addDays, IDEMPOTENCY_KEY_HEADER, RunningSubgraph, startSubgraph, todayInCopenhagen } from '@jobcenter/kit';
import { initTracing, shutdownTracing } from '@jobcenter/kit/observability';
import { bearerFor, GraphQLResponse, InMemorySpanExporter } from '@jobcenter/kit/testing';
import { meetingsSubgraph } from '@jobcenter/meetings';
import { placementsSubgraph } from '@jobcenter/placements';
import { plansSubgraph } from '@jobcenter/plans';
import { nextCvr } from '@jobcenter/placements/test/builders';

/**
 * The federation under faults and retries, over real HTTP on loopback: idempotent mutations,
 * a subgraph that goes away and comes back, concurrent edits, W3C trace propagation, metrics.
 */
const TEAM = 'Team Resilience';
const teamLead: Actor = { id: randomUUID(), role: 'TEAM_LEAD', name: 'Lone Friis', team: TEAM };
let caseworker: Actor;
let otherCaseworker: Actor;
let cprCounter = 0;
const nextCpr = () => {
  const n = (Date.now() + cprCounter++) % 10000;
  return `0101${String(80 + (cprCounter % 19)).padStart(2, '0')}${String(n).padStart(4, '0')}`;
};
const ok = <T = any>(res: GraphQLResponse<T>): T => {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
};

const spans = new InMemorySpanExporter();
let federation: TestFederation;
let jens: Actor;
let restartedPlans: RunningSubgraph | undefined;

async function withKey<T = any>(actor: Actor, key: string, query: string, variables: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  return federation.request<T>(query, variables, { ...(await bearerFor(actor)), [IDEMPOTENCY_KEY_HEADER]: key });
}
const count = async (service: string, table: string) =>
  Number((await federation.subgraphs[service].dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

beforeAll(async () => {
  initTracing({ exporter: spans });
  federation = await startTestFederation([citizensSubgraph, plansSubgraph, meetingsSubgraph, placementsSubgraph]);
  const staff = async (name: string, role: Actor['role']): Promise<Actor> => {
    const created = ok(
      await federation.as(
        teamLead,
        `mutation { createStaffMember(input: {
      name: "${name}", role: ${role}, email: "${randomUUID()}@ryslinge.dk", team: "${TEAM}" }) { id name role team } }`,
      ),
    ).createStaffMember;
    return { id: created.id, role, name, team: TEAM };
  };
  jens = await staff('Jens Kjær', 'JOB_CONSULTANT');
  caseworker = await staff('Inger Holm', 'CASEWORKER');
  otherCaseworker = await staff('Mette Bo', 'CASEWORKER');
}, 60_000);
afterAll(async () => {
  if (restartedPlans) {
    await restartedPlans.close();
    await federation.subgraphs.plans.dataSource.initialize(); // so federation.stop() closes it as usual
  }
  await federation.stop();
  await shutdownTracing();
});

const REGISTER = `mutation($i: RegisterCitizenInput!) { registerCitizen(input: $i) { id firstName } }`;
/** Registers a citizen and puts them in the caseworker's and the job consultant's caseload. */
async function citizenInCaseload(firstName: string): Promise<{ id: string; firstName: string }> {
  const citizen = ok(await federation.as(caseworker, REGISTER, register(firstName))).registerCitizen;
  for (const s of [caseworker, jens]) {
    const res = await federation.as(
      teamLead,
      `mutation($c: ID!, $s: ID!, $r: StaffRole!) { assignStaff(citizenId: $c, staffId: $s, role: $r) { id } }`,
      {
        c: citizen.id,
        s: s.id,
        r: s.role,
      },
    );
    if (res.errors && res.errors[0].extensions?.code !== 'CONFLICT') throw new Error(JSON.stringify(res.errors));
  }
  return citizen;
}
const register = (firstName: string) => ({ i: { cpr: nextCpr(), firstName, lastName: 'Retry', targetGroup: 'JOB_READY' } });

describe('retried mutations with an Idempotency-Key', () => {
  it('registerCitizen: the retry gets the first answer and nothing is written twice', async () => {
    const key = randomUUID();
    const variables = register('Once');
    const before = await count('citizens', 'citizen');
    const first = ok(await withKey(caseworker, key, REGISTER, variables)).registerCitizen;
    const retry = ok(await withKey(caseworker, key, REGISTER, variables)).registerCitizen;
    expect(retry).toEqual(first);
    expect(await count('citizens', 'citizen')).toBe(before + 1);
  });

  it('refuses the same key for a different request, and scopes keys by actor', async () => {
    const key = randomUUID();
    ok(await withKey(caseworker, key, REGISTER, register('First')));
    const reused = await withKey(caseworker, key, REGISTER, register('Different'));
    expect(reused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(reused.errors?.[0].message).toContain('Idempotency-Key');
    const other = ok(await withKey(otherCaseworker, key, REGISTER, register('Other'))).registerCitizen;
    expect(other.firstName).toBe('Other');
  });

  it('concurrent retries of one request write once', async () => {
    const key = randomUUID();
    const variables = register('Concurrent');
    const before = await count('citizens', 'citizen');
    const answers = await Promise.all([1, 2, 3, 4].map(() => withKey(caseworker, key, REGISTER, variables)));
    const ids = new Set(answers.filter((a) => !a.errors).map((a) => a.data!.registerCitizen.id));
    expect(ids.size).toBe(1);
    for (const a of answers.filter((a) => a.errors)) expect(a.errors![0].extensions?.code).toBe('CONFLICT');
    expect(await count('citizens', 'citizen')).toBe(before + 1);
  });

  it('a failed first attempt releases the key, so the retry runs for real', async () => {
    const key = randomUUID();
    const bad = await withKey(caseworker, key, REGISTER, { i: { cpr: 'nope', firstName: 'X', lastName: 'Y', targetGroup: 'JOB_READY' } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const again = await withKey(caseworker, key, REGISTER, { i: { cpr: 'nope', firstName: 'X', lastName: 'Y', targetGroup: 'JOB_READY' } });
    expect(again.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('scheduleMeeting and proposePlacement: retries return the first result, one row each', async () => {
    const citizen = await citizenInCaseload('Bent');
    const SCHEDULE = `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id scheduledAt } }`;
    const meeting = {
      i: {
        citizenId: citizen.id,
        kind: 'FOLLOW_UP',
        durationMinutes: 30,
        scheduledAt: new Date(Date.now() + 86_400_000 * 3).toISOString(),
      },
    };
    const meetingKey = randomUUID();
    const meetingsBefore = await count('meetings', 'meeting');
    const m1 = ok(await withKey(caseworker, meetingKey, SCHEDULE, meeting)).scheduleMeeting;
    const m2 = ok(await withKey(caseworker, meetingKey, SCHEDULE, meeting)).scheduleMeeting;
    expect(m2).toEqual(m1);
    expect(await count('meetings', 'meeting')).toBe(meetingsBefore + 1);

    ok(
      await federation.as(caseworker, `mutation($c: ID!, $i: CreatePlanInput!) { createPlan(citizenId: $c, input: $i) { id } }`, {
        c: citizen.id,
        i: { longTermGoal: 'Arbejde som kok', startDate: addDays(todayInCopenhagen(), -30) },
      }),
    );
    const company = ok(
      await federation.as(jens, `mutation($i: RegisterCompanyInput!) { registerCompany(input: $i) { id } }`, {
        i: { cvr: nextCvr(), name: 'Kværndrup Kro', industry: 'Kro', size: 'SMALL', partnership: true, contacts: [] },
      }),
    ).registerCompany;
    const PROPOSE = `mutation($i: ProposePlacementInput!) { proposePlacement(input: $i) { id status } }`;
    const start = addDays(todayInCopenhagen(), 7);
    const proposal = {
      i: {
        citizenId: citizen.id,
        companyId: company.id,
        kind: 'INTERNSHIP',
        purpose: 'CLARIFICATION',
        startDate: start,
        endDate: addDays(start, 13),
        hoursPerWeek: 20,
      },
    };
    const placementKey = randomUUID();
    const placementsBefore = await count('placements', 'placement');
    const p1 = ok(await withKey(jens, placementKey, PROPOSE, proposal)).proposePlacement;
    const p2 = ok(await withKey(jens, placementKey, PROPOSE, proposal)).proposePlacement;
    expect(p2).toEqual(p1);
    expect(await count('placements', 'placement')).toBe(placementsBefore + 1);
  });
});

describe('a subgraph that goes away', () => {
  it('answers with the other domains and an error naming the missing one, then whole again without a gateway restart', async () => {
    const citizen = await citizenInCaseload('Ulla');
    ok(
      await federation.as(caseworker, `mutation($c: ID!, $i: CreatePlanInput!) { createPlan(citizenId: $c, input: $i) { id } }`, {
        c: citizen.id,
        i: { longTermGoal: 'Uddannelse', startDate: todayInCopenhagen() },
      }),
    );
    const QUERY = `query($id: ID!) { citizen(id: $id) { firstName activePlan { longTermGoal } } }`;
    expect(ok(await federation.as(caseworker, QUERY, { id: citizen.id })).citizen).toEqual({
      firstName: 'Ulla',
      activePlan: { longTermGoal: 'Uddannelse' },
    });

    const plans = federation.subgraphs.plans;
    const databaseUrl = (plans.dataSource.options as { url: string }).url;
    await plans.close();
    const partial = await federation.as(caseworker, QUERY, { id: citizen.id });
    expect(partial.data?.citizen).toEqual({ firstName: 'Ulla', activePlan: null });
    expect(partial.errors?.[0].message).toMatch(/plans/);
    expect(partial.errors?.[0].extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');

    restartedPlans = await startSubgraph(plansSubgraph, { databaseUrl, port: plans.port });
    expect(ok(await federation.as(caseworker, QUERY, { id: citizen.id })).citizen.activePlan).toEqual({ longTermGoal: 'Uddannelse' });
  });
});

describe('concurrent edits of one plan', () => {
  it('exactly one of two simultaneous updates with the same expectedVersion wins; the other is a CONFLICT', async () => {
    const citizen = await citizenInCaseload('Line');
    const plan = ok(
      await federation.as(caseworker, `mutation($c: ID!, $i: CreatePlanInput!) { createPlan(citizenId: $c, input: $i) { id version } }`, {
        c: citizen.id,
        i: { longTermGoal: 'Flexjob', startDate: todayInCopenhagen() },
      }),
    ).createPlan;
    const UPDATE = `mutation($id: ID!, $i: UpdatePlanInput!, $v: Int!) { updatePlan(id: $id, input: $i, expectedVersion: $v) { id version longTermGoal } }`;
    const [a, b] = await Promise.all(
      ['Flexjob 15 timer', 'Flexjob 20 timer'].map((goal) =>
        federation.as(caseworker, UPDATE, { id: plan.id, i: { longTermGoal: goal }, v: plan.version }),
      ),
    );
    const winners = [a, b].filter((r) => !r.errors);
    const losers = [a, b].filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers[0].errors![0].extensions?.code).toBe('CONFLICT');
    const now = ok(await federation.as(caseworker, `query($id: ID!) { plan(id: $id) { longTermGoal version } }`, { id: plan.id })).plan;
    expect(now).toEqual({ longTermGoal: winners[0].data.updatePlan.longTermGoal, version: plan.version + 1 });
  });
});

describe('observability', () => {
  it('a traceparent sent to the gateway reaches the subgraphs: their spans share its trace id', async () => {
    spans.reset();
    const traceId = randomUUID().replace(/-/g, '');
    const res = await federation.request(
      `{ staffMember(id: "${jens.id}") { name } }`,
      {},
      {
        ...(await bearerFor(caseworker)),
        traceparent: `00-${traceId}-${'1'.repeat(16)}-01`,
      },
    );
    ok(res);
    const finished = spans.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    const services = new Set(finished.map((s) => s.attributes['service.name']).filter(Boolean));
    expect(services).toEqual(new Set(['gateway', 'citizens']));
    const names = finished.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['gateway.request', 'gateway.plan', 'gateway.fetch', 'db.query']));
    const sql = finished.find((s) => s.name === 'db.query')!;
    expect(String(sql.attributes['db.statement'])).toMatch(/SELECT/);
  });

  it('/metrics on the gateway and each subgraph, on their own ports: requests by operation and outcome, latency, pool', async () => {
    // "Probe" is no client operation (gateway/operations): its label is "other", on the subgraph too.
    await federation.as(caseworker, `query Probe { staffMember(id: "${jens.id}") { name } }`);
    // Not on the public port.
    expect((await fetch(federation.url.replace('/graphql', '/metrics'))).status).toBe(404);
    expect(new URL(federation.metricsUrl).port).not.toBe(new URL(federation.url).port);
    const gatewayMetrics = await (await fetch(federation.metricsUrl)).text();
    expect(gatewayMetrics).toMatch(/graphql_requests_total\{operation="other",type="query",outcome="ok",service="gateway"\} \d+/);
    expect(gatewayMetrics).toContain('graphql_request_duration_seconds_bucket');
    const citizensMetrics = await (await fetch(federation.subgraphs.citizens.metricsUrl)).text();
    expect(citizensMetrics).toMatch(/graphql_requests_total\{operation="other",type="query",outcome="ok",service="citizens"\} \d+/);
    expect(citizensMetrics).toMatch(/db_pool_connections\{state="total",service="citizens"\} \d+/);
  });
});
