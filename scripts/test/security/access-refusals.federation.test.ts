import { randomUUID } from 'node:crypto';
import type { Actor, AccessLogRow } from '@jobcenter/kit';
import { appendAccessLog } from '@jobcenter/kit';
import { errorCode } from '@jobcenter/kit/testing';
import { DEMO_TEAM, demoCitizens, demoStaff } from '@jobcenter/demo-cast';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { subgraphs } from '../../src/services';

/**
 * What a refusal and a search leave behind, end to end through the gateway: a refused look-up
 * or change is on the citizen's log in every domain (for the team lead's spot check and the
 * citizen's own list), the log pages so routine reads cannot bury a search, and a CPR search
 * outside the caseload shows a person's name and birth date, never their case.
 * Jens (job consultant) is not on Per's team; Inger is not on Ulla's.
 */
let federation: TestFederation;
const staff = (key: keyof typeof demoStaff): Actor => ({ ...demoStaff[key], team: DEMO_TEAM });
// A consultant of the team who is not on Per's case (Jens, the job consultant, is: his internship).
const jens = staff('sofie');
const lone = staff('lone');
const inger = staff('inger');
const per: Actor = { id: demoCitizens.per.id, role: 'CITIZEN', name: 'Per Hansen' };
const svend: Actor = { id: demoCitizens.svend.id, role: 'CITIZEN', name: 'Svend Madsen' };
let perIds: { plan: string; meeting: string };
let companyId: string;

const PAGE = `query($id: ID!, $first: Int, $after: String) { citizen(id: $id) { accessLogPage(first: $first, after: $after) {
  nodes { at domain operation outcome purpose actorRole actorId cursor } pageInfo { endCursor hasNextPage } } } }`;

beforeAll(async () => {
  federation = await startTestFederation(subgraphs);
  for (const definition of subgraphs) await definition.seedDemo?.(federation.subgraphs[definition.name].dataSource);
  const res = await federation.as(lone, `query($id: ID!) { citizen(id: $id) { plans { id } meetings { id } } }`, { id: per.id });
  expect(res.errors).toBeUndefined();
  perIds = { plan: res.data.citizen.plans[0].id, meeting: res.data.citizen.meetings[0].id };
  const ullas = await federation.as(staff('mette'), `query($id: ID!) { citizen(id: $id) { placements { company { id } } } }`, {
    id: demoCitizens.ulla.id,
  });
  companyId = ullas.data.citizen.placements[0].company.id;
}, 60_000);
afterAll(() => federation.stop());

type Entry = {
  at: string;
  domain: string;
  operation: string;
  outcome: string;
  purpose: string;
  actorRole: string;
  actorId: string | null;
  cursor: string;
};

/** Every entry of Per's log, page by page, as `actor` reads it. */
async function wholeLog(actor: Actor, first = 200): Promise<{ entries: Entry[]; pages: number }> {
  const entries: Entry[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const res: { errors?: unknown; data?: any } = await federation.as(actor, PAGE, { id: per.id, first, after });
    expect(res.errors).toBeUndefined();
    const page: { nodes: Entry[]; pageInfo: { endCursor: string; hasNextPage: boolean } } = res.data.citizen.accessLogPage;
    entries.push(...page.nodes);
    pages += 1;
    if (!page.pageInfo.hasNextPage) return { entries, pages };
    expect(page.pageInfo.endCursor).toBe(page.nodes[page.nodes.length - 1].cursor);
    after = page.pageInfo.endCursor;
  }
}

/** Refusals are written after the answer, never awaited by it: wait until they are there. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 60 && !done(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

describe('a refused look-up or change', () => {
  it("is on the citizen's log in all four domains: for the team lead with who tried, for the citizen by role", async () => {
    const tries = [
      await federation.as(jens, `query($id: ID!) { citizen(id: $id) { firstName } }`, { id: per.id }),
      await federation.as(jens, `query($id: ID!) { plan(id: $id) { longTermGoal } }`, { id: perIds.plan }),
      await federation.as(jens, `query($id: ID!) { meeting(id: $id) { summary } }`, { id: perIds.meeting }),
      await federation.as(jens, `mutation($i: ProposePlacementInput!) { proposePlacement(input: $i) { id } }`, {
        i: { citizenId: per.id, companyId, kind: 'INTERNSHIP', startDate: '2027-01-04', endDate: '2027-01-29' },
      }),
    ];
    for (const res of tries) expect(errorCode(res)).toBe('FORBIDDEN');
    const refusedByJens = (log: Entry[]) => log.filter((e) => e.outcome === 'REFUSED' && e.actorId === jens.id);
    const log = await eventually(
      async () => (await wholeLog(lone)).entries,
      (l) => new Set(refusedByJens(l).map((e) => e.domain)).size === 4,
    );
    const refused = refusedByJens(log);
    expect(new Set(refused.map((e) => e.domain))).toEqual(new Set(['citizens', 'plans', 'meetings', 'placements']));
    expect(refused.find((e) => e.domain === 'placements')).toMatchObject({
      operation: 'CHANGE',
      purpose: 'CASE_WORK',
      actorRole: jens.role,
    });
    expect(refused.find((e) => e.domain === 'plans')).toMatchObject({ operation: 'READ' });
    // Per sees them too, by role only.
    const own = (await wholeLog(per)).entries.filter((e) => e.outcome === 'REFUSED' && e.actorRole === jens.role);
    expect(own.length).toBeGreaterThanOrEqual(4);
    for (const e of own) expect(e.actorId).toBeNull();
  });

  it("reaches the team lead's spot check", async () => {
    const res = await federation.as(
      lone,
      `{ accessLogSpotCheck(size: 100, days: 1) { entries { domain outcome actorId citizen { id } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const refused = (res.data.accessLogSpotCheck.entries as any[]).filter((e) => e.outcome === 'REFUSED' && e.actorId === jens.id);
    expect(refused.length).toBeGreaterThan(0);
    for (const e of refused) expect(e.citizen.id).toBe(per.id);
  });

  it("logs another citizen's try without telling them anything: the answer is that of an unknown id", async () => {
    const q = `query($id: ID!) { plan(id: $id) { longTermGoal } }`;
    const theirs = await federation.as(svend, q, { id: perIds.plan });
    expect(theirs).toEqual(await federation.as(svend, q, { id: randomUUID() }));
    const log = await eventually(
      async () => (await wholeLog(lone)).entries,
      (l) => l.some((e) => e.outcome === 'REFUSED' && e.actorId === svend.id),
    );
    expect(log.find((e) => e.outcome === 'REFUSED' && e.actorId === svend.id)).toMatchObject({
      domain: 'plans',
      purpose: 'NONE',
      actorRole: 'CITIZEN',
    });
  });
});

describe("the citizen's access log, a page at a time", () => {
  it('keeps an earlier CPR search reachable behind 1,010 routine reads, newest first, every entry once', async () => {
    const search = await federation.as(jens, `query($c: String!) { citizenByCpr(cpr: $c) { id firstName } }`, { c: demoCitizens.per.cpr });
    expect(search.data.citizenByCpr).toEqual({ id: per.id, firstName: 'Per' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    // 1,010 routine reads after it, in another domain, all at the same instant (ties are ordered too).
    const at = new Date();
    const reads: AccessLogRow[] = Array.from({ length: 1010 }, (_, i) => ({
      at,
      actorId: demoStaff.anders.id,
      actorRole: 'RESOURCE_CONSULTANT',
      citizenId: per.id,
      domain: 'meetings',
      kind: 'meetings',
      operation: 'READ',
      purpose: 'CASE_WORK',
      reason: null,
      operationName: 'Routine',
      requestId: `routine-${i}`,
      searchedCpr: null,
    }));
    await appendAccessLog(federation.subgraphs.meetings.dataSource, reads);

    const list = await federation.as(lone, `query($id: ID!) { citizen(id: $id) { accessLog { operation actorId cursor } } }`, {
      id: per.id,
    });
    expect(list.errors).toBeUndefined();
    const first1000 = list.data.citizen.accessLog as { operation: string; actorId: string; cursor: string }[];
    expect(first1000).toHaveLength(1000);
    expect(first1000.some((e) => e.operation === 'SEARCH' && e.actorId === jens.id)).toBe(false);
    const rest = await federation.as(
      lone,
      `query($id: ID!, $after: String) { citizen(id: $id) { accessLog(after: $after) { operation actorId } } }`,
      {
        id: per.id,
        after: first1000[999].cursor,
      },
    );
    expect(rest.data.citizen.accessLog).toContainEqual({ operation: 'SEARCH', actorId: jens.id });

    const { entries, pages } = await wholeLog(lone, 200);
    expect(pages).toBeGreaterThan(5);
    expect(new Set(entries.map((e) => e.cursor)).size).toBe(entries.length);
    const times = entries.map((e) => new Date(e.at).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(
      entries.filter((e) => e.at === at.toISOString() && e.domain === 'meetings' && e.operation === 'READ').length,
    ).toBeGreaterThanOrEqual(1010);
    expect(entries).toContainEqual(expect.objectContaining({ operation: 'SEARCH', domain: 'citizens', actorId: jens.id }));
  });

  it('refuses a forged cursor with BAD_USER_INPUT', async () => {
    for (const after of ['nonsense', Buffer.from('["x","plans","1"]').toString('base64url')]) {
      const res = await federation.as(lone, PAGE, { id: per.id, first: 10, after });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
    }
  });
});

describe('a CPR search outside the caseload', () => {
  it('shows id, name, birth date and DDMMYY-****; target group, status, enrolment date and version are refused', async () => {
    const hit = await federation.as(jens, `query($c: String!) { citizenByCpr(cpr: $c) { id firstName lastName birthDate cpr } }`, {
      c: demoCitizens.per.cpr,
    });
    expect(hit.errors).toBeUndefined();
    expect(hit.data.citizenByCpr).toMatchObject({ id: per.id, firstName: 'Per', lastName: 'Hansen', cpr: '140391-****' });
    for (const field of ['targetGroup', 'status', 'enrolledAt', 'version']) {
      const res = await federation.as(jens, `query($c: String!) { citizenByCpr(cpr: $c) { id ${field} } }`, { c: demoCitizens.per.cpr });
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(res.data).toEqual({ citizenByCpr: null });
    }
  });

  it('gives the same fields nothing through _entities for a caseworker without the citizen in the caseload, while services keep the target group', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { targetGroup status enrolledAt } } }`;
    const r = [{ __typename: 'Citizen', id: demoCitizens.ulla.id }];
    const res = await federation.subgraphs.citizens.as(inger, q, { r });
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(JSON.stringify(res.data)).not.toMatch(/ACTIVE|READY|SUPPORT|\d{4}-\d{2}-\d{2}/);
    const service: Actor = { id: 'placements', role: 'SERVICE', name: 'placements' };
    const facts = await federation.subgraphs.citizens.as(service, `query($id: ID!) { citizen(id: $id) { targetGroup } }`, {
      id: demoCitizens.ulla.id,
    });
    expect(facts.errors).toBeUndefined();
    expect(typeof facts.data.citizen.targetGroup).toBe('string');
  });
});
