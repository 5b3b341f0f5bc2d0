import { randomUUID } from 'node:crypto';
import { Actor } from '@jobcenter/kit';
import { errorCode, startTestGrants, startTestSubgraph, TestGrants, TestSubgraph } from '@jobcenter/kit/testing';
import { insightsSubgraph } from '../src/server';

/**
 * The insights subgraph over HTTP, called as the gateway would (a signed actor assertion), on a
 * fresh database; a stand-in for the citizens service says whose caseload a citizen is in.
 */
let subgraph: TestSubgraph;
let grants: TestGrants;
const TEAM = 'Team Ryslinge';
const caseworker: Actor = { id: randomUUID(), role: 'CASEWORKER', name: 'Inger Holm', team: TEAM };
const otherCaseworker: Actor = { id: randomUUID(), role: 'CASEWORKER', name: 'Bo Ravn', team: 'Team Faaborg' };
const analyst: Actor = { id: randomUUID(), role: 'ANALYST', name: 'Karin Dahl', team: TEAM };

beforeAll(async () => {
  grants = await startTestGrants();
  subgraph = await startTestSubgraph(insightsSubgraph);
});
afterAll(async () => {
  await subgraph.stop();
  await grants.stop();
});

const RECORD = `mutation($c: ID!, $t: String!) { recordInsightsNote(citizenId: $c, text: $t) { id insightsNote } }`;
const READ = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { id insightsNote } } }`;
const read = (actor: Actor, citizenId: string) => subgraph.as(actor, READ, { r: [{ __typename: 'Citizen', id: citizenId }] });

/** A citizen in the caseworker's caseload. */
function person(): string {
  const id = randomUUID();
  grants.assign(caseworker, id);
  return id;
}

describe('the database schema', () => {
  it('is exactly what the migrations make (no drift between entities and migrations)', async () => {
    const pending = await subgraph.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});

describe('the note on a citizen', () => {
  it('is recorded by the caseworker, read back on Citizen and written to the access log', async () => {
    const citizenId = person();
    const recorded = await subgraph.as(caseworker, RECORD, { c: citizenId, t: '  Wants to start with mornings only. ' });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data.recordInsightsNote).toEqual({ id: citizenId, insightsNote: 'Wants to start with mornings only.' });
    const again = await read(caseworker, citizenId);
    expect(again.data._entities).toEqual([{ id: citizenId, insightsNote: 'Wants to start with mornings only.' }]);
    const logged = await subgraph.dataSource.query(`SELECT purpose, actor_id FROM kit_access_log WHERE citizen_id = $1`, [citizenId]);
    expect(logged).toContainEqual({ purpose: 'CASE_WORK', actor_id: caseworker.id });
  });

  it('is the citizen’s own to read', async () => {
    const citizenId = person();
    await subgraph.as(caseworker, RECORD, { c: citizenId, t: 'Meets on Tuesdays.' });
    const own = await read({ id: citizenId, role: 'CITIZEN', name: 'Svend' }, citizenId);
    expect(own.data._entities).toEqual([{ id: citizenId, insightsNote: 'Meets on Tuesdays.' }]);
  });

  it('is FORBIDDEN to write for staff outside the caseload, and nothing changes', async () => {
    const citizenId = person();
    await subgraph.as(caseworker, RECORD, { c: citizenId, t: 'First.' });
    const refused = await subgraph.as(otherCaseworker, RECORD, { c: citizenId, t: 'Second.' });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect((await read(caseworker, citizenId)).data._entities[0].insightsNote).toBe('First.');
  });

  it('is personal data: FORBIDDEN for analysts', async () => {
    const res = await read(analyst, person());
    expect(errorCode(res)).toBe('FORBIDDEN');
  });

  it('cannot be empty (BAD_USER_INPUT on text)', async () => {
    const res = await subgraph.as(caseworker, RECORD, { c: person(), t: '   ' });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe('text');
  });
});
