import { randomUUID } from 'node:crypto';
import type { Actor } from '@jobcenter/kit';
import { errorCode, startTestGrants, startTestSubgraph, TestGrants, TestSubgraph } from '@jobcenter/kit/testing';
import { demoCitizens } from '@jobcenter/demo-cast';
import { plansSubgraph } from '../src/server';

/**
 * Plans' part of a citizen's whole record (the hidden `recordPart` the kit builds from
 * `plansSubgraph.record`; docs/record-export.md): for the citizens service only, the person it is
 * for on this service's access log before the part leaves.
 */
let grants: TestGrants;
let subgraph: TestSubgraph;
const service: Actor = { id: 'citizens', role: 'SERVICE', name: 'citizens' };
const svend = demoCitizens.svend.id;
const PART = `query($c: ID!, $r: String!, $a: String!) { recordPart(citizenId: $c, actorRole: $r, actorId: $a) }`;

beforeAll(async () => {
  grants = await startTestGrants();
  subgraph = await startTestSubgraph(plansSubgraph);
  await plansSubgraph.seedDemo!(subgraph.dataSource);
});
afterAll(async () => {
  await subgraph?.stop();
  await grants?.stop();
});

it("gives the citizens service Svend's plan, milestones and progression, and logs the read under Svend", async () => {
  const res = await subgraph.as(service, PART, { c: svend, r: 'CITIZEN', a: svend });
  expect(res.errors).toBeUndefined();
  const part = JSON.parse(res.data.recordPart) as { service: string; sections: { name: string; rows: Record<string, unknown>[] }[] };
  expect(part.service).toBe('plans');
  const rows = (name: string) => part.sections.find((s) => s.name === name)!.rows;
  expect(rows('plans').map((r) => r.long_term_goal)).toContain('Uddannet anlægsgartner og derefter et fast job');
  expect(rows('milestones').map((r) => r.title)).toContain('Gå til AA-møde hver uge');
  // Calendar dates stay dates (not instants at midnight).
  expect(rows('plans')[0].start_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(rows('progressAssessments').length).toBeGreaterThan(0);
  expect(part.sections.map((s) => s.name)).toContain('accessLog');
  const log: Record<string, unknown>[] = await subgraph.dataSource.query(
    `SELECT actor_id, actor_role, purpose, kind, operation_name FROM kit_access_log WHERE citizen_id = $1`,
    [svend],
  );
  expect(log).toEqual([
    {
      actor_id: svend,
      actor_role: 'CITIZEN',
      purpose: 'OWN_ACCESS',
      kind: 'record export (GDPR art. 15): plans and progress',
      operation_name: 'RecordExport',
    },
  ]);
});

it('gives another citizen nothing: a random id has empty sections', async () => {
  const res = await subgraph.as(service, PART, { c: randomUUID(), r: 'CASEWORKER', a: randomUUID() });
  const part = JSON.parse(res.data.recordPart) as { sections: { rows: unknown[] }[] };
  expect(part.sections.every((s) => s.rows.length === 0)).toBe(true);
});

it('is refused to people (FORBIDDEN) and refuses a made-up role (BAD_USER_INPUT)', async () => {
  const citizen: Actor = { id: svend, role: 'CITIZEN', name: 'Svend Madsen' };
  expect(errorCode(await subgraph.as(citizen, PART, { c: svend, r: 'CITIZEN', a: svend }))).toBe('FORBIDDEN');
  expect(errorCode(await subgraph.as(service, PART, { c: svend, r: 'SERVICE', a: 'x' }))).toBe('BAD_USER_INPUT');
});
