import { randomUUID } from 'node:crypto';
import type { Actor } from '@jobcenter/kit';
import { addDays, todayInCopenhagen } from '@jobcenter/kit';
import { errorCode, GraphQLResponse, startTestSubgraph, TestSubgraph } from '@jobcenter/kit/testing';
import { citizensSubgraph } from '../src/server';
import { assign, createStaff, registerCitizen, staffActor, teamLead, TEAM } from './builders';

/**
 * Who may change a citizen's team (docs/access-rules.md): a team lead for staff of their own
 * team and citizens their team holds or nobody holds; the citizen's caseworker within their
 * team; the registering caseworker for the first assignment; anything else is a handover that
 * the holding side agrees to (or that a lead forces with a documented reason, for review). Every
 * change, and every refusal, is on the citizen's access log.
 */
let subgraph: TestSubgraph;
let inger: Actor;
let mette: Actor;
let anders: Actor;
let ole: Actor;
const vestLead: Actor = { id: randomUUID(), role: 'TEAM_LEAD', name: 'Vera Vest', team: 'Team Vest' };

beforeAll(async () => {
  subgraph = await startTestSubgraph(citizensSubgraph);
  inger = staffActor(await createStaff(subgraph, { name: 'Inger Holm', role: 'CASEWORKER' }));
  mette = staffActor(await createStaff(subgraph, { name: 'Mette Skov', role: 'CASEWORKER' }));
  anders = staffActor(await createStaff(subgraph, { name: 'Anders Lund', role: 'RESOURCE_CONSULTANT' }));
  ole = staffActor(await createStaff(subgraph, { name: 'Ole Vest', role: 'CASEWORKER', team: 'Team Vest' }));
});
afterAll(() => subgraph.stop());

const today = todayInCopenhagen();
const ASSIGN = `mutation($c: ID!, $s: ID!, $r: StaffRole!, $f: Date) { assignStaff(citizenId: $c, staffId: $s, role: $r, from: $f) { id from to } }`;
const END = `mutation($id: ID!, $to: Date) { endAssignment(assignmentId: $id, to: $to) { id to } }`;
const REQUEST = `mutation($i: HandoverRequestInput!) { requestHandover(input: $i) { id status toTeam } }`;
const assignAs = (by: Actor, citizenId: string, staff: Actor, from?: string) =>
  subgraph.as(by, ASSIGN, { c: citizenId, s: staff.id, r: staff.role, f: from });
const ok = <T = any>(res: GraphQLResponse<T>): T => {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
};
const entries = (citizenId: string): Promise<{ operation: string; kind: string; actor_id: string; xid: string }[]> =>
  subgraph.dataSource.query(`SELECT operation, kind, actor_id, xmin::text AS xid FROM kit_access_log WHERE citizen_id = $1 ORDER BY seq`, [
    citizenId,
  ]);
/** Refusals are written after the answer (never awaited by it): wait for them to land. */
async function eventually(citizenId: string, test: (rows: Awaited<ReturnType<typeof entries>>) => boolean) {
  for (let i = 0; i < 40 && !test(await entries(citizenId)); i++) await new Promise((r) => setTimeout(r, 50));
  return entries(citizenId);
}

/** A citizen of Team Ryslinge: Inger is the caseworker. */
async function ingersCitizen() {
  const c = await registerCitizen(subgraph, inger);
  ok(await assignAs(inger, c.id, inger, addDays(today, -30)));
  return c;
}

describe('assigning staff', () => {
  it("refuses a team lead of another team: neither their staff onto the citizen nor ending the holding team's assignment", async () => {
    const c = await ingersCitizen();
    const taken = await assignAs(vestLead, c.id, ole);
    expect(errorCode(taken)).toBe('FORBIDDEN');
    expect(taken.errors![0].message).toMatch(/held by another team; ask for a handover/);
    const [mine] = ok(await subgraph.as(teamLead, `query($id: ID!) { citizen(id: $id) { assignments { id } } }`, { id: c.id })).citizen
      .assignments;
    expect(errorCode(await subgraph.as(vestLead, END, { id: mine.id }))).toBe('FORBIDDEN');
    // Nor may a lead assign staff of another team, even to a citizen nobody holds.
    const free = await registerCitizen(subgraph, teamLead);
    expect(errorCode(await assignAs(vestLead, free.id, inger))).toBe('FORBIDDEN');
    // Each refusal is on the citizen's log, as a refused change by that lead.
    const log = await eventually(c.id, (rows) => rows.filter((r) => r.operation === 'CHANGE_REFUSED').length >= 2);
    expect(log.filter((r) => r.operation === 'CHANGE_REFUSED' && r.actor_id === vestLead.id)).toHaveLength(2);
    expect(
      ok(await subgraph.as(teamLead, `query($id: ID!) { citizen(id: $id) { assignments { staff { name } } } }`, { id: c.id })).citizen
        .assignments,
    ).toEqual([{ staff: { name: 'Inger Holm' } }]);
  });

  it('lets the team lead assign and end for their own team, each a CHANGE in the same transaction', async () => {
    const c = await registerCitizen(subgraph, teamLead);
    const made = ok(await assignAs(teamLead, c.id, anders)).assignStaff;
    const [row] = await subgraph.dataSource.query(`SELECT xmin::text AS xid FROM assignment WHERE id = $1`, [made.id]);
    const afterAssign = (await entries(c.id)).filter((e) => e.operation === 'CHANGE' && e.kind.startsWith('assignment'));
    expect(afterAssign).toHaveLength(1);
    expect(afterAssign[0]).toMatchObject({ actor_id: teamLead.id, xid: row.xid });
    ok(await subgraph.as(teamLead, END, { id: made.id, to: today }));
    const [ended] = await subgraph.dataSource.query(`SELECT xmin::text AS xid FROM assignment WHERE id = $1`, [made.id]);
    const changes = (await entries(c.id)).filter((e) => e.operation === 'CHANGE' && e.kind.startsWith('assignment'));
    expect(changes).toHaveLength(2);
    expect(changes[1].xid).toBe(ended.xid);
  });

  it("lets the citizen's caseworker add staff of their own team, not a consultant, and not someone of another team", async () => {
    const c = await ingersCitizen();
    ok(await assignAs(inger, c.id, anders));
    expect(errorCode(await assignAs(anders, c.id, mette))).toBe('FORBIDDEN');
    expect(errorCode(await assignAs(inger, c.id, ole))).toBe('FORBIDDEN');
  });

  it('lets the registering caseworker make the first assignment, and nobody else of the case staff', async () => {
    const c = await registerCitizen(subgraph, mette);
    expect(errorCode(await assignAs(inger, c.id, inger))).toBe('FORBIDDEN');
    ok(await assignAs(mette, c.id, mette));
  });

  it('refuses registration to consultants (the caseworker or the team lead registers)', async () => {
    const res = await subgraph.as(
      anders,
      `mutation { registerCitizen(input: { cpr: "010190-1234", firstName: "A", lastName: "B", targetGroup: JOB_READY }) { id } }`,
    );
    expect(errorCode(res)).toBe('FORBIDDEN');
  });

  it('refuses a caseworker taking on a case nobody holds today (closed) without the team lead’s review', async () => {
    const c = await ingersCitizen();
    const [mine] = ok(await subgraph.as(teamLead, `query($id: ID!) { citizen(id: $id) { assignments { id } } }`, { id: c.id })).citizen
      .assignments;
    ok(await subgraph.as(teamLead, END, { id: mine.id, to: addDays(today, -1) }));
    const grab = await assignAs(mette, c.id, mette);
    expect(errorCode(grab)).toBe('FORBIDDEN');
    expect(grab.errors![0].message).toMatch(/requestHandover/);
    // Asked for, with a reason: the own team lead reviews and approves.
    const asked = ok(
      await subgraph.as(mette, REQUEST, {
        i: { citizenId: c.id, staffId: mette.id, role: 'CASEWORKER', reason: 'Borgeren har henvendt sig igen og vil i gang' },
      }),
    ).requestHandover;
    expect(asked).toMatchObject({ status: 'PENDING', toTeam: TEAM });
    // Not her own to approve; it waits on her lead's list.
    expect(errorCode(await subgraph.as(mette, `mutation($id: ID!) { approveHandover(id: $id) { status } }`, { id: asked.id }))).toBe(
      'FORBIDDEN',
    );
    const toDecide = ok(await subgraph.as(teamLead, `{ handovers { id reason staff { name } } }`)).handovers;
    expect(toDecide).toContainEqual({
      id: asked.id,
      reason: 'Borgeren har henvendt sig igen og vil i gang',
      staff: { name: 'Mette Skov' },
    });
    const approved = ok(
      await subgraph.as(
        teamLead,
        `mutation($id: ID!) { approveHandover(id: $id, note: "Ok") { status decidedBy assignment { from to } } }`,
        { id: asked.id },
      ),
    );
    expect(approved.approveHandover).toEqual({ status: 'APPROVED', decidedBy: teamLead.id, assignment: { from: today, to: null } });
    expect(ok(await subgraph.as(mette, `query($id: ID!) { citizen(id: $id) { firstName } }`, { id: c.id })).citizen.firstName).toBe('Test');
    const kinds = (await entries(c.id)).filter((e) => e.operation === 'CHANGE').map((e) => e.kind);
    expect(kinds.filter((k) => k.startsWith('handover request'))).toHaveLength(1);
    expect(kinds.filter((k) => k.startsWith('assignment')).length).toBeGreaterThanOrEqual(3);
  });
});

describe('a handover between teams', () => {
  it("is asked for by the receiving lead and agreed by the citizen's caseworker; not by the asker", async () => {
    const c = await ingersCitizen();
    const asked = ok(
      await subgraph.as(vestLead, REQUEST, {
        i: { citizenId: c.id, staffId: ole.id, role: 'CASEWORKER', reason: 'Borgeren flytter til Vest-distriktet 1. marts' },
      }),
    ).requestHandover;
    expect(errorCode(await subgraph.as(vestLead, `mutation($id: ID!) { approveHandover(id: $id) { status } }`, { id: asked.id }))).toBe(
      'FORBIDDEN',
    );
    expect(
      errorCode(
        await subgraph.as(vestLead, REQUEST, {
          i: { citizenId: c.id, staffId: ole.id, role: 'CASEWORKER', reason: 'Borgeren flytter til Vest-distriktet 1. marts' },
        }),
      ),
    ).toBe('CONFLICT');
    expect(ok(await subgraph.as(inger, `{ handovers { id } }`)).handovers).toContainEqual({ id: asked.id });
    expect(ok(await subgraph.as(vestLead, `{ handovers(view: REQUESTED) { id status } }`)).handovers).toContainEqual({
      id: asked.id,
      status: 'PENDING',
    });
    ok(await subgraph.as(inger, `mutation($id: ID!) { approveHandover(id: $id) { status } }`, { id: asked.id }));
    expect(ok(await subgraph.as(vestLead, `query($id: ID!) { citizen(id: $id) { firstName } }`, { id: c.id })).citizen.firstName).toBe(
      'Test',
    );
    expect(errorCode(await subgraph.as(inger, `query($id: ID!) { citizen(id: $id) { firstName } }`, { id: c.id }))).toBe('FORBIDDEN');
  });

  it('can be declined; then nothing changes', async () => {
    const c = await ingersCitizen();
    const asked = ok(
      await subgraph.as(vestLead, REQUEST, {
        i: { citizenId: c.id, staffId: ole.id, role: 'CASEWORKER', reason: 'Vi har kapacitet til borgeren nu' },
      }),
    ).requestHandover;
    const declined = ok(
      await subgraph.as(teamLead, `mutation($id: ID!) { declineHandover(id: $id, note: "Borgeren bliver") { status decisionNote } }`, {
        id: asked.id,
      }),
    );
    expect(declined.declineHandover).toEqual({ status: 'DECLINED', decisionNote: 'Borgeren bliver' });
    expect(errorCode(await subgraph.as(vestLead, `query($id: ID!) { citizen(id: $id) { firstName } }`, { id: c.id }))).toBe('FORBIDDEN');
    expect(errorCode(await subgraph.as(inger, `mutation($id: ID!) { approveHandover(id: $id) { status } }`, { id: asked.id }))).toBe(
      'CONFLICT',
    );
  });

  it("can be forced by the asking lead with a documented reason, and then waits on the holding lead's review", async () => {
    const c = await ingersCitizen();
    const asked = ok(
      await subgraph.as(vestLead, REQUEST, {
        i: { citizenId: c.id, staffId: ole.id, role: 'CASEWORKER', reason: 'Borgeren er flyttet til Vest-distriktet' },
      }),
    ).requestHandover;
    const FORCE = `mutation($id: ID!, $r: String!) { forceHandover(id: $id, reason: $r) { status heldByTeams decisionNote } }`;
    expect(errorCode(await subgraph.as(vestLead, FORCE, { id: asked.id, r: 'hurtigt' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await subgraph.as(inger, FORCE, { id: asked.id, r: 'Ingen svarer i Team Ryslinge i denne uge' }))).toBe('FORBIDDEN');
    const forced = ok(await subgraph.as(vestLead, FORCE, { id: asked.id, r: 'Ingen svarer i Team Ryslinge i denne uge' })).forceHandover;
    expect(forced).toEqual({ status: 'FORCED', heldByTeams: [TEAM], decisionNote: 'Ingen svarer i Team Ryslinge i denne uge' });
    const review = ok(await subgraph.as(teamLead, `{ handovers(view: FOR_REVIEW) { id status } }`)).handovers;
    expect(review).toContainEqual({ id: asked.id, status: 'FORCED' });
    ok(await subgraph.as(teamLead, `mutation($id: ID!) { reviewHandover(id: $id, note: "Set") { reviewedAt } }`, { id: asked.id }));
    expect(ok(await subgraph.as(teamLead, `{ handovers(view: FOR_REVIEW) { id } }`)).handovers).not.toContainEqual({ id: asked.id });
    expect(errorCode(await subgraph.as(vestLead, `mutation($id: ID!) { reviewHandover(id: $id) { reviewedAt } }`, { id: asked.id }))).toBe(
      'NOT_FOUND',
    );
  });

  it('is a CONFLICT for a lead whose team may assign directly', async () => {
    const free = await registerCitizen(subgraph, teamLead);
    const res = await subgraph.as(teamLead, REQUEST, {
      i: { citizenId: free.id, staffId: inger.id, role: 'CASEWORKER', reason: 'Borgeren skal have en sagsbehandler' },
    });
    expect(errorCode(res)).toBe('CONFLICT');
    await assign(subgraph, free.id, inger);
  });
});
