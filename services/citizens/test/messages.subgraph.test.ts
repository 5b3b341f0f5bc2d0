import { randomUUID } from 'node:crypto';
import type { Actor } from '@jobcenter/kit';
import { errorCode, GraphQLResponse, startTestSubgraph, TestSubgraph } from '@jobcenter/kit/testing';
import { citizensSubgraph } from '../src/server';
import { analyst, assign, citizenActor, createStaff, registerCitizen, staffActor } from './builders';

/** The secure thread between a citizen and their team: who may write, read receipts, unread counts, the access log. */
let subgraph: TestSubgraph;
let inger: Actor;
let anders: Actor;
let outsider: Actor;

beforeAll(async () => {
  subgraph = await startTestSubgraph(citizensSubgraph);
  inger = staffActor(await createStaff(subgraph, { name: 'Inger Holm', role: 'CASEWORKER' }));
  anders = staffActor(await createStaff(subgraph, { name: 'Anders Lund', role: 'RESOURCE_CONSULTANT' }));
  outsider = staffActor(await createStaff(subgraph, { name: 'Ole Vest', role: 'CASEWORKER', team: 'Team Vest' }));
});
afterAll(() => subgraph.stop());

const ok = <T = any>(res: GraphQLResponse<T>): T => {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
};
const SEND = `mutation($c: ID!, $t: String!) { sendMessage(citizenId: $c, text: $t) { id fromRole fromName text readAt } }`;
const THREAD = `query($id: ID!) { citizen(id: $id) { messages { fromRole fromName text readAt } unreadMessages } }`;
const READ = `mutation($c: ID!) { markMessagesRead(citizenId: $c) }`;

async function citizenOfTeam() {
  const citizen = await registerCitizen(subgraph, inger, { firstName: 'Per', lastName: 'Hansen' });
  await assign(subgraph, citizen.id, inger);
  await assign(subgraph, citizen.id, anders);
  return { id: citizen.id, actor: citizenActor({ id: citizen.id, firstName: 'Per' }) };
}

describe('the thread between a citizen and their team', () => {
  it('is oldest first, with names, read receipts and unread counts for the one asking', async () => {
    const per = await citizenOfTeam();
    expect(ok(await subgraph.as(inger, SEND, { c: per.id, t: ' Hej Per, har du fået svar fra højskolen? ' })).sendMessage).toMatchObject({
      fromRole: 'CASEWORKER',
      fromName: 'Inger Holm',
      text: 'Hej Per, har du fået svar fra højskolen?',
      readAt: null,
    });
    expect(ok(await subgraph.as(per.actor, THREAD, { id: per.id })).citizen.unreadMessages).toBe(1);
    expect(ok(await subgraph.as(per.actor, READ, { c: per.id })).markMessagesRead).toBe(1);
    ok(await subgraph.as(per.actor, SEND, { c: per.id, t: 'Ja, jeg starter i januar!' }));

    const staffView = ok(await subgraph.as(anders, THREAD, { id: per.id })).citizen;
    expect(staffView.unreadMessages).toBe(1);
    expect(staffView.messages).toEqual([
      { fromRole: 'CASEWORKER', fromName: 'Inger Holm', text: 'Hej Per, har du fået svar fra højskolen?', readAt: expect.any(String) },
      { fromRole: 'CITIZEN', fromName: 'Per Hansen', text: 'Ja, jeg starter i januar!', readAt: null },
    ]);
    // The citizen has read everything from the team; their own message does not count for them.
    expect(ok(await subgraph.as(per.actor, THREAD, { id: per.id })).citizen.unreadMessages).toBe(0);
    // Anyone on the team reading it gives the citizen the read receipt.
    expect(ok(await subgraph.as(anders, READ, { c: per.id })).markMessagesRead).toBe(1);
    expect(ok(await subgraph.as(inger, THREAD, { id: per.id })).citizen.unreadMessages).toBe(0);
    expect(ok(await subgraph.as(per.actor, THREAD, { id: per.id })).citizen.messages[1].readAt).not.toBeNull();
  });

  it('refuses empty text at its field, and staff outside the team, analysts and other citizens', async () => {
    const per = await citizenOfTeam();
    const empty = await subgraph.as(per.actor, SEND, { c: per.id, t: '   ' });
    expect(errorCode(empty)).toBe('BAD_USER_INPUT');
    expect(empty.errors![0].extensions!.field).toBe('text');
    expect(errorCode(await subgraph.as(outsider, SEND, { c: per.id, t: 'Hej' }))).toBe('FORBIDDEN');
    expect(errorCode(await subgraph.as(analyst, SEND, { c: per.id, t: 'Hej' }))).toBe('FORBIDDEN');
    expect(errorCode(await subgraph.as(outsider, THREAD, { id: per.id }))).toBe('FORBIDDEN');
    const other = citizenActor({ id: randomUUID(), firstName: 'Ulla' });
    expect(errorCode(await subgraph.as(other, SEND, { c: per.id, t: 'Hej' }))).toBe('FORBIDDEN');
    expect(errorCode(await subgraph.as(inger, SEND, { c: randomUUID(), t: 'Hej' }))).toBe('NOT_FOUND');
  });

  it('every read and change of the thread is on the access log', async () => {
    const per = await citizenOfTeam();
    ok(await subgraph.as(inger, SEND, { c: per.id, t: 'Hej' }));
    ok(await subgraph.as(per.actor, THREAD, { id: per.id }));
    ok(await subgraph.as(per.actor, READ, { c: per.id }));
    const rows: { actor_id: string; operation: string }[] = await subgraph.dataSource.query(
      `SELECT actor_id, operation FROM kit_access_log WHERE citizen_id = $1 AND operation IN ('CHANGE', 'READ') ORDER BY seq`,
      [per.id],
    );
    expect(rows.filter((r) => r.actor_id === inger.id && r.operation === 'CHANGE').length).toBeGreaterThanOrEqual(1);
    expect(rows.filter((r) => r.actor_id === per.id).map((r) => r.operation)).toEqual(expect.arrayContaining(['READ', 'CHANGE']));
  });

  it('counts unread messages for a whole caseload in a few statements, not one per citizen', async () => {
    const people = await Promise.all([citizenOfTeam(), citizenOfTeam(), citizenOfTeam()]);
    for (const p of people) ok(await subgraph.as(p.actor, SEND, { c: p.id, t: 'Hej' }));
    const caseload = `query($s: ID!) { staffMember(id: $s) { caseload { id unreadMessages } } }`;
    let res: any;
    const statements = await subgraph.countStatements(async () => {
      res = ok(await subgraph.as(anders, caseload, { s: anders.id }));
    });
    const mine = res.staffMember.caseload.filter((c: { id: string }) => people.some((p) => p.id === c.id));
    expect(mine.map((c: { unreadMessages: number }) => c.unreadMessages)).toEqual([1, 1, 1]);
    expect(statements).toBeLessThan(10);
  });
});
