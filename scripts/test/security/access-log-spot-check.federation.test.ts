import { randomUUID } from 'node:crypto';
import type { Actor, AccessLogRow } from '@jobcenter/kit';
import { appendAccessLog } from '@jobcenter/kit';
import { errorCode } from '@jobcenter/kit/testing';
import { DEMO_TEAM, demoCitizens, demoStaff } from '@jobcenter/demo-cast';
import { operation } from '@jobcenter/gateway/operations';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { subgraphs } from '../../src/services';

/**
 * Spot checks ("logs nobody reads stop no one"): a team lead draws a random sample of recent
 * look-ups of the team's citizens in all four domains, end to end through the gateway.
 */
let federation: TestFederation;
const staff = (key: keyof typeof demoStaff): Actor => ({ ...demoStaff[key], team: DEMO_TEAM });
const lone = staff('lone');
const SPOT_CHECK = `query SpotCheck($size: Int, $days: Int) { accessLogSpotCheck(size: $size, days: $days) {
  from to lookUps byDomain { domain lookUps drawn }
  entries { at domain kind operation purpose reason actorId actorRole operationName requestId citizen { id firstName } } } }`;

beforeAll(async () => {
  federation = await startTestFederation(subgraphs);
  for (const definition of subgraphs) await definition.seedDemo?.(federation.subgraphs[definition.name].dataSource);
});
afterAll(() => federation.stop());

const db = (name: string) => federation.subgraphs[name].dataSource;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

/** Look-ups written straight into a domain's log, as its access log would have written them. */
function lookUps(domain: string, citizenId: string, at: Date, requestId: string, n = 1): AccessLogRow[] {
  return Array.from({ length: n }, (_, i) => ({
    at,
    actorId: demoStaff.mette.id,
    actorRole: 'CASEWORKER',
    citizenId,
    domain,
    kind: 'test data',
    operation: 'READ' as const,
    purpose: 'CASE_WORK',
    reason: null,
    operationName: 'Test',
    requestId: `${requestId}-${i}`,
    searchedCpr: null,
  }));
}

async function spotCheck(actor: Actor, variables: Record<string, unknown> = {}) {
  const res = await federation.as(actor, SPOT_CHECK, variables);
  expect(res.errors).toBeUndefined();
  return res.data.accessLogSpotCheck as {
    lookUps: number;
    byDomain: { domain: string; lookUps: number; drawn: number }[];
    entries: {
      at: string;
      domain: string;
      requestId: string;
      actorId: string;
      operationName: string | null;
      citizen: { id: string; firstName: string };
    }[];
  };
}

describe("a team lead's spot check of the access log", () => {
  it("covers the team's citizens in all four domains within the window, and nobody else's", async () => {
    // Real look-ups: Inger's caseload view reads Per and Svend in all four domains.
    expect((await federation.as(staff('inger'), operation('CaseworkerCaseload'), { staffId: demoStaff.inger.id })).errors).toBeUndefined();
    const outsider = randomUUID(); // no assignment in Lone's team
    await appendAccessLog(db('plans'), [
      ...lookUps('plans', demoCitizens.per.id, new Date(Date.now() - 40 * 86_400_000), 'spot-old'),
      ...lookUps('plans', outsider, hoursAgo(1), 'spot-outsider'),
      // Bent is self-supporting: his team's assignments have ended.
      ...lookUps('plans', demoCitizens.bent.id, hoursAgo(1), 'spot-bent'),
    ]);

    const all = await spotCheck(lone, { size: 100 });
    expect(all.lookUps).toBeLessThan(100);
    expect(all.entries).toHaveLength(all.lookUps); // fewer than asked for: all of them
    expect(new Set(all.entries.map((e) => e.domain))).toEqual(new Set(['citizens', 'plans', 'meetings', 'placements']));
    // Every subgraph's log is asked; insights (aggregates only) has none to draw from.
    expect(all.byDomain.map((d) => d.domain)).toEqual(['citizens', 'plans', 'meetings', 'placements', 'insights']);
    expect(all.byDomain.find((d) => d.domain === 'insights')?.drawn).toBe(0);
    for (const d of all.byDomain) expect(d.drawn).toBe(all.entries.filter((e) => e.domain === d.domain).length);
    const requestIds = all.entries.map((e) => e.requestId);
    expect(requestIds.some((id) => id.startsWith('spot-'))).toBe(false);
    expect(new Set(all.entries.map((e) => e.citizen.firstName))).toEqual(new Set(['Per', 'Svend']));
    const byInger = all.entries.find((e) => e.actorId === demoStaff.inger.id && e.domain === 'plans')!;
    expect(byInger).toMatchObject({ operationName: 'CaseworkerCaseload', citizen: { firstName: expect.any(String) } });
    const times = all.entries.map((e) => new Date(e.at).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    // Sixty days back reaches the look-up of 40 days ago.
    const longer = await spotCheck(lone, { size: 100, days: 60 });
    expect(longer.entries.map((e) => e.requestId)).toContain('spot-old-0');
    expect(longer.entries.map((e) => e.requestId)).not.toContain('spot-outsider-0');
  });

  it('logs the reading of the sample for each citizen in it (READ, kind "access log")', async () => {
    const sample = await spotCheck(lone, { size: 5 });
    const sampled = [...new Set(sample.entries.map((e) => e.citizen.id))].sort();
    expect(sampled.length).toBeGreaterThan(0);
    const rows: { citizen_id: string; operation: string; purpose: string; actor_role: string; operation_name: string }[] = await db(
      'citizens',
    ).query(
      `SELECT citizen_id, operation, purpose, actor_role, operation_name FROM kit_access_log
        WHERE actor_id = $1 AND kind = 'access log' AND at > now() - interval '1 minute' ORDER BY seq DESC LIMIT $2`,
      [lone.id, sampled.length],
    );
    expect(rows.map((r) => r.citizen_id).sort()).toEqual(sampled);
    for (const r of rows)
      expect(r).toMatchObject({ operation: 'READ', purpose: 'CASE_WORK', actor_role: 'TEAM_LEAD', operation_name: 'SpotCheck' });
  });

  it('draws every look-up with the same chance, whichever domain logged it', async () => {
    await appendAccessLog(db('plans'), lookUps('plans', demoCitizens.svend.id, hoursAgo(2), 'bulk-plans', 300));
    await appendAccessLog(db('meetings'), lookUps('meetings', demoCitizens.per.id, hoursAgo(3), 'bulk-meetings', 100));
    const drawn: Record<string, number> = {};
    const expected: Record<string, number> = {};
    for (let run = 0; run < 30; run += 1) {
      const sample = await spotCheck(lone);
      expect(sample.entries).toHaveLength(20);
      // Drawn without replacement: no look-up twice (a request logs each citizen and domain once).
      expect(new Set(sample.entries.map((e) => `${e.domain} ${e.requestId} ${e.citizen.id} ${e.at}`)).size).toBe(20);
      for (const d of sample.byDomain) {
        drawn[d.domain] = (drawn[d.domain] ?? 0) + d.drawn;
        expected[d.domain] = (expected[d.domain] ?? 0) + (20 * d.lookUps) / sample.lookUps;
      }
    }
    // About 440 and 150 expected of 600 drawn; the standard deviation is about 11 and 10, the bound 25 % (≥ 3.5 sd).
    for (const domain of ['plans', 'meetings']) {
      expect(drawn[domain] / expected[domain]).toBeGreaterThan(0.75);
      expect(drawn[domain] / expected[domain]).toBeLessThan(1.25);
    }
  });

  it('is FORBIDDEN to everyone but a team lead, and refuses sizes and windows out of range', async () => {
    const per: Actor = { id: demoCitizens.per.id, role: 'CITIZEN', name: 'Per Hansen' };
    for (const actor of [staff('inger'), staff('karin'), staff('jens'), per]) {
      const res = await federation.as(actor, SPOT_CHECK, {});
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(JSON.stringify(res.data ?? null)).not.toContain('CASE_WORK');
    }
    for (const variables of [{ size: 0 }, { size: 101 }, { days: 0 }, { days: 366 }]) {
      expect(errorCode(await federation.as(lone, SPOT_CHECK, variables))).toBe('BAD_USER_INPUT');
    }
  });

  it("keeps each domain's sampling query to services: not in the gateway's API, FORBIDDEN to staff at the subgraph", async () => {
    const query = `{ accessLogSample(citizenIds: ["${demoCitizens.per.id}"], since: "2020-01-01T00:00:00Z", until: "2030-01-01T00:00:00Z", size: 5) { count } }`;
    expect(errorCode(await federation.as(lone, query))).toBe('GRAPHQL_VALIDATION_FAILED');
    // The citizens subgraph samples its own log in process; the other three answer services only.
    for (const name of ['plans', 'meetings', 'placements']) {
      expect(errorCode(await federation.subgraphs[name].as(lone, query))).toBe('FORBIDDEN');
    }
  });
});
