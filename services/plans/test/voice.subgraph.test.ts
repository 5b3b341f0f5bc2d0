import { randomUUID } from 'node:crypto';
import { addDays, todayInCopenhagen } from '@jobcenter/kit';
import { errorCode, GraphQLResponse, startTestGrants, startTestSubgraph, TestGrants, TestSubgraph } from '@jobcenter/kit/testing';
import { plansSubgraph } from '../src/server';
import { addMilestone, analyst, caseworker, citizen, consultant, createPlan, ok } from './builders';

/** The citizen's voice in the plan (issue 18): self-assessment, comments, proposals, confirmation. */

let subgraph: TestSubgraph;
let grants: TestGrants;
const today = todayInCopenhagen();
const day = (offset: number) => addDays(today, offset);

beforeAll(async () => {
  grants = await startTestGrants();
  subgraph = await startTestSubgraph(plansSubgraph);
});
afterAll(async () => {
  await subgraph.stop();
  await grants.stop();
});

/** A citizen in the caseload of the builders' caseworker and resource consultant. */
function person(): string {
  const id = randomUUID();
  grants.assign(caseworker, id);
  grants.assign(consultant, id);
  return id;
}

const field = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.field;
const RECORD_PROGRESS = `mutation($c: ID!, $i: RecordProgressInput!) { recordProgress(citizenId: $c, input: $i) { id assessedBy assessedAt } }`;
const SELF = `mutation($c: ID!, $i: RecordProgressInput!) { recordSelfAssessment(citizenId: $c, input: $i) {
  id assessedBy assessedByRole assessedAt scores { dimension score } } }`;
const COMMENT = `mutation($p: ID!, $t: String!, $m: ID) { addPlanComment(planId: $p, text: $t, milestoneId: $m) {
  id authorRole authorName text milestone { id title } } }`;
const PROPOSE = `mutation($p: ID!, $i: AddMilestoneInput!) { proposeMilestone(planId: $p, input: $i) {
  id title status responsible proposedByCitizen declineReason overdue updates { authorRole note status } } }`;
const DECIDE = `mutation($id: ID!, $a: Boolean!, $r: String) { decideMilestoneProposal(id: $id, accept: $a, reason: $r) {
  id status declineReason proposedByCitizen updates { authorRole note status } } }`;
const CONFIRM = `mutation($p: ID!, $a: Boolean!, $c: String) { confirmPlan(planId: $p, agrees: $a, comment: $c) { id planVersion agrees comment } }`;
const PLAN = `query($id: ID!) { plan(id: $id) { version changedSinceConfirmed confirmations { planVersion agrees comment }
  comments { authorRole text milestone { id } } milestones { id title status declineReason } overdueMilestones { id } } }`;
const SET_STATUS = `mutation($id: ID!, $s: MilestoneStatus!) { setMilestoneStatus(id: $id, status: $s) { status } }`;

describe('self-assessment', () => {
  it("keeps the citizen's own scores beside staff's of the same day, marked by who assessed", async () => {
    const me = citizen(person());
    const staff = ok(await subgraph.as(caseworker, RECORD_PROGRESS, { c: me.id, i: { scores: [{ dimension: 'COPING', score: 4 }] } }));
    expect(staff.recordProgress.assessedBy).toBe('STAFF');
    const own = ok(await subgraph.as(me, SELF, { c: me.id, i: { scores: [{ dimension: 'COPING', score: 7 }] } })).recordSelfAssessment;
    expect(own).toMatchObject({
      assessedBy: 'CITIZEN',
      assessedByRole: 'CITIZEN',
      assessedAt: today,
      scores: [{ dimension: 'COPING', score: 7 }],
    });
    // One self-assessment per day.
    expect(errorCode(await subgraph.as(me, SELF, { c: me.id, i: { scores: [{ dimension: 'COPING', score: 8 }] } }))).toBe('CONFLICT');
    const read = ok(
      await subgraph.as(
        caseworker,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { progress { assessedBy scores { score } } } } }`,
        { r: [{ __typename: 'Citizen', id: me.id }] },
      ),
    );
    expect(read._entities[0].progress).toEqual([
      { assessedBy: 'STAFF', scores: [{ score: 4 }] },
      { assessedBy: 'CITIZEN', scores: [{ score: 7 }] },
    ]);
  });

  it('is only for the citizen, for themselves; scores outside 1–10 are BAD_USER_INPUT at scores', async () => {
    const me = citizen(person());
    const other = person();
    const scores = [{ dimension: 'NETWORK', score: 5 }];
    expect(errorCode(await subgraph.as(caseworker, SELF, { c: me.id, i: { scores } }))).toBe('FORBIDDEN');
    expect(errorCode(await subgraph.as(analyst, SELF, { c: me.id, i: { scores } }))).toBe('FORBIDDEN');
    const foreign = await subgraph.as(me, SELF, { c: other, i: { scores } });
    expect(errorCode(foreign)).toBe('BAD_USER_INPUT');
    expect(field(foreign)).toBe('citizenId');
    for (const score of [0, 11]) {
      const bad = await subgraph.as(me, SELF, { c: me.id, i: { scores: [{ dimension: 'NETWORK', score }] } });
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(field(bad)).toBe('scores');
    }
    const future = await subgraph.as(me, SELF, { c: me.id, i: { assessedAt: day(1), scores } });
    expect(field(future)).toBe('assessedAt');
    const [{ n }] = await subgraph.dataSource.query(`SELECT COUNT(*)::int AS n FROM progress_assessment WHERE citizen_id = ANY($1)`, [
      [me.id, other],
    ]);
    expect(n).toBe(0);
  });

  it("leaves the citizen's own scores out of the progression statistics", async () => {
    const before = await subgraph.dataSource.query(`SELECT dimension, citizens, first_sum, latest_sum FROM progression_total ORDER BY 1`);
    const me = citizen(person());
    ok(await subgraph.as(me, SELF, { c: me.id, i: { assessedAt: day(-100), scores: [{ dimension: 'STABILITY', score: 1 }] } }));
    ok(await subgraph.as(me, SELF, { c: me.id, i: { scores: [{ dimension: 'STABILITY', score: 10 }] } }));
    expect(await subgraph.dataSource.query(`SELECT dimension, citizens, first_sum, latest_sum FROM progression_total ORDER BY 1`)).toEqual(
      before,
    );
    expect(await subgraph.dataSource.query(`SELECT 1 FROM progression_summary WHERE citizen_id = $1`, [me.id])).toEqual([]);
  });
});

describe('comments', () => {
  it('lets the citizen and staff comment on the plan and on a milestone, oldest first, without a new plan version', async () => {
    const me = citizen(person());
    const plan = await createPlan(subgraph, me.id);
    const m = await addMilestone(subgraph, plan.id, { deadline: day(10) });
    const mine = ok(await subgraph.as(me, COMMENT, { p: plan.id, t: '  Jeg vil gerne starte lidt senere.  ', m: m.id })).addPlanComment;
    expect(mine).toMatchObject({
      authorRole: 'CITIZEN',
      authorName: 'Svend',
      text: 'Jeg vil gerne starte lidt senere.',
      milestone: { id: m.id },
    });
    ok(await subgraph.as(consultant, COMMENT, { p: plan.id, t: 'Det taler vi om på fredag.' }));
    const read = ok(await subgraph.as(me, PLAN, { id: plan.id })).plan;
    expect(read.comments).toEqual([
      { authorRole: 'CITIZEN', text: 'Jeg vil gerne starte lidt senere.', milestone: { id: m.id } },
      { authorRole: 'RESOURCE_CONSULTANT', text: 'Det taler vi om på fredag.', milestone: null },
    ]);
    expect(read.version).toBe(2);
  });

  it('refuses empty or over-long text, a milestone of another plan, and other people’s plans', async () => {
    const me = citizen(person());
    const plan = await createPlan(subgraph, me.id);
    const otherPlan = await createPlan(subgraph, person());
    const foreign = await addMilestone(subgraph, otherPlan.id, { deadline: day(10) });
    for (const t of ['   ', 'x'.repeat(4001)]) {
      const bad = await subgraph.as(me, COMMENT, { p: plan.id, t });
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(field(bad)).toBe('text');
    }
    const wrong = await subgraph.as(caseworker, COMMENT, { p: plan.id, t: 'Hej', m: foreign.id });
    expect(field(wrong)).toBe('milestoneId');
    // Another citizen's plan answers as an unknown one; staff outside the caseload are FORBIDDEN.
    const stranger = await subgraph.as(citizen(), COMMENT, { p: plan.id, t: 'Hej' });
    const unknown = randomUUID();
    expect(JSON.stringify(stranger).replaceAll(plan.id, 'ID')).toEqual(
      JSON.stringify(await subgraph.as(citizen(), COMMENT, { p: unknown, t: 'Hej' })).replaceAll(unknown, 'ID'),
    );
    expect(errorCode(stranger)).toBe('NOT_FOUND');
    const outsider = { ...caseworker, id: randomUUID(), team: 'Team Vest' };
    expect(errorCode(await subgraph.as(outsider, COMMENT, { p: plan.id, t: 'Hej' }))).toBe('FORBIDDEN');
    expect(errorCode(await subgraph.as(analyst, COMMENT, { p: plan.id, t: 'Hej' }))).toBe('FORBIDDEN');
    expect(await subgraph.dataSource.query(`SELECT 1 FROM plan_comment WHERE plan_id = $1`, [plan.id])).toEqual([]);
  });

  it('writes every comment on the access log as a change to the citizen, in its transaction', async () => {
    const me = citizen(person());
    const plan = await createPlan(subgraph, me.id);
    ok(await subgraph.as(consultant, COMMENT, { p: plan.id, t: 'Godt gået.' }));
    const rows = await subgraph.dataSource.query(
      `SELECT operation, actor_role FROM kit_access_log WHERE citizen_id = $1 AND actor_id = $2 AND operation = 'CHANGE'`,
      [me.id, consultant.id],
    );
    expect(rows.length).toBeGreaterThanOrEqual(1);
    ok(await subgraph.as(me, PLAN, { id: plan.id }));
    const reads = await subgraph.dataSource.query(
      `SELECT operation, purpose FROM kit_access_log WHERE citizen_id = $1 AND actor_id = $2 AND operation = 'READ'`,
      [me.id, me.id],
    );
    expect(reads).toContainEqual({ operation: 'READ', purpose: 'OWN_ACCESS' });
  });
});

describe('proposed milestones', () => {
  it('lets the citizen propose; staff accept it into the plan (a new version) or decline it with a reason that stays visible', async () => {
    const me = citizen(person());
    const plan = await createPlan(subgraph, me.id, { startDate: day(-30) });
    const p1 = ok(await subgraph.as(me, PROPOSE, { p: plan.id, i: { title: 'Besøge en gartner', deadline: day(-1) } })).proposeMilestone;
    expect(p1).toMatchObject({
      status: 'PROPOSED',
      responsible: 'CITIZEN',
      proposedByCitizen: true,
      declineReason: null,
      overdue: false, // past its deadline, but not part of the plan yet
      updates: [{ authorRole: 'CITIZEN', note: `Proposed by the citizen, deadline ${day(-1)}.`, status: 'PROPOSED' }],
    });
    const p2 = ok(await subgraph.as(me, PROPOSE, { p: plan.id, i: { title: 'Tage kørekort', deadline: day(60) } })).proposeMilestone;
    let read = ok(await subgraph.as(caseworker, PLAN, { id: plan.id })).plan;
    expect(read.version).toBe(1); // proposals do not change the plan
    expect(read.overdueMilestones).toEqual([]);

    const accepted = ok(await subgraph.as(caseworker, DECIDE, { id: p1.id, a: true })).decideMilestoneProposal;
    expect(accepted).toMatchObject({ status: 'PLANNED', declineReason: null, proposedByCitizen: true });
    expect(accepted.updates.at(-1)).toEqual({ authorRole: 'CASEWORKER', note: 'Proposal accepted.', status: 'PLANNED' });
    const noReason = await subgraph.as(caseworker, DECIDE, { id: p2.id, a: false, r: '  ' });
    expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
    expect(field(noReason)).toBe('reason');
    const declined = ok(
      await subgraph.as(caseworker, DECIDE, { id: p2.id, a: false, r: 'Kørekort er ikke en del af indsatsen lige nu.' }),
    ).decideMilestoneProposal;
    expect(declined).toMatchObject({ status: 'DROPPED', declineReason: 'Kørekort er ikke en del af indsatsen lige nu.' });
    // Deciding again is a CONFLICT; so is deciding a milestone staff added.
    expect(errorCode(await subgraph.as(caseworker, DECIDE, { id: p2.id, a: true }))).toBe('CONFLICT');
    const agreed = await addMilestone(subgraph, plan.id, { deadline: day(5) });
    expect(errorCode(await subgraph.as(caseworker, DECIDE, { id: agreed.id, a: true }))).toBe('CONFLICT');

    read = ok(await subgraph.as(me, PLAN, { id: plan.id })).plan;
    expect(read.version).toBe(3); // accepted (2) and the milestone staff added (3); the decline is not a change of the plan
    expect(
      read.milestones.map((m: { title: string; status: string; declineReason: string | null }) => [m.title, m.status, m.declineReason]),
    ).toEqual([
      ['Besøge en gartner', 'PLANNED', null],
      ['Praktik hos gartner', 'PLANNED', null],
      ['Tage kørekort', 'DROPPED', 'Kørekort er ikke en del af indsatsen lige nu.'],
    ]);
    expect(read.overdueMilestones).toEqual([{ id: p1.id }]);
  });

  it('is the citizen’s to propose and staff’s to decide; a proposal is not moved by setMilestoneStatus', async () => {
    const me = citizen(person());
    const plan = await createPlan(subgraph, me.id);
    expect(errorCode(await subgraph.as(caseworker, PROPOSE, { p: plan.id, i: { title: 'x', deadline: day(3) } }))).toBe('FORBIDDEN');
    expect(errorCode(await subgraph.as(citizen(), PROPOSE, { p: plan.id, i: { title: 'x', deadline: day(3) } }))).toBe('NOT_FOUND');
    const empty = await subgraph.as(me, PROPOSE, { p: plan.id, i: { title: ' ', deadline: day(3) } });
    expect(field(empty)).toBe('title');
    const early = await subgraph.as(me, PROPOSE, { p: plan.id, i: { title: 'x', deadline: day(-400) } });
    expect(field(early)).toBe('deadline');
    const p = ok(await subgraph.as(me, PROPOSE, { p: plan.id, i: { title: 'Løbe en tur', deadline: day(3) } })).proposeMilestone;
    expect(errorCode(await subgraph.as(me, DECIDE, { id: p.id, a: true }))).toBe('FORBIDDEN');
    const outsider = { ...caseworker, id: randomUUID(), team: 'Team Vest' };
    expect(errorCode(await subgraph.as(outsider, DECIDE, { id: p.id, a: true }))).toBe('FORBIDDEN');
    const moved = await subgraph.as(caseworker, SET_STATUS, { id: p.id, s: 'ACHIEVED' });
    expect(errorCode(moved)).toBe('CONFLICT');
    expect(moved.errors![0].message).toMatch(/decideMilestoneProposal/);
  });

  it('keeps proposals out of the milestone statistics: not open, not overdue, a declined one not dropped', async () => {
    const from = '2020-07-01';
    const to = '2020-07-31';
    for (let i = 0; i < 5; i += 1) {
      const me = citizen(person());
      const plan = await createPlan(subgraph, me.id, { startDate: '2020-01-01' });
      ok(await subgraph.as(me, PROPOSE, { p: plan.id, i: { title: 'Venter', deadline: '2020-07-10' } }));
      const no = ok(await subgraph.as(me, PROPOSE, { p: plan.id, i: { title: 'Nej', deadline: '2020-07-11' } })).proposeMilestone;
      ok(await subgraph.as(caseworker, DECIDE, { id: no.id, a: false, r: 'Ikke nu.' }));
    }
    const res = ok(
      await subgraph.as(analyst, `{ milestoneStatistics(from: "${from}", to: "${to}") { achieved missed overdue open revised dropped } }`),
    );
    expect(res.milestoneStatistics).toEqual({ achieved: 0, missed: 0, overdue: 0, open: 0, revised: 0, dropped: 0 });
  });

  it('declines undecided proposals with the reason when the plan is closed', async () => {
    const me = citizen(person());
    const plan = await createPlan(subgraph, me.id);
    ok(await subgraph.as(me, PROPOSE, { p: plan.id, i: { title: 'Venter', deadline: day(3) } }));
    ok(
      await subgraph.as(caseworker, `mutation($id: ID!) { updatePlan(id: $id, expectedVersion: 1, input: { status: ABANDONED }) { id } }`, {
        id: plan.id,
      }),
    );
    const read = ok(await subgraph.as(me, PLAN, { id: plan.id })).plan;
    expect(read.milestones).toMatchObject([{ status: 'DROPPED', declineReason: 'Not decided: the plan was abandoned.' }]);
  });
});

describe('confirmation', () => {
  it('records agreement at a version; a change to the plan after it shows on both sides; confirmations newest first', async () => {
    const me = citizen(person());
    const plan = await createPlan(subgraph, me.id);
    expect(ok(await subgraph.as(me, PLAN, { id: plan.id })).plan).toMatchObject({ changedSinceConfirmed: false, confirmations: [] });
    expect(ok(await subgraph.as(me, CONFIRM, { p: plan.id, a: true })).confirmPlan).toMatchObject({
      planVersion: 1,
      agrees: true,
      comment: null,
    });
    // A comment or a proposal is not a change of the plan.
    ok(await subgraph.as(me, COMMENT, { p: plan.id, t: 'Fint.' }));
    const proposal = ok(await subgraph.as(me, PROPOSE, { p: plan.id, i: { title: 'Svømme', deadline: day(9) } })).proposeMilestone;
    expect(ok(await subgraph.as(caseworker, PLAN, { id: plan.id })).plan.changedSinceConfirmed).toBe(false);
    ok(await subgraph.as(caseworker, DECIDE, { id: proposal.id, a: false, r: 'Ikke nu.' }));
    expect(ok(await subgraph.as(caseworker, PLAN, { id: plan.id })).plan.changedSinceConfirmed).toBe(false);
    // A milestone added is.
    await addMilestone(subgraph, plan.id, { deadline: day(9) });
    for (const who of [me, caseworker]) expect(ok(await subgraph.as(who, PLAN, { id: plan.id })).plan.changedSinceConfirmed).toBe(true);
    const missing = await subgraph.as(me, CONFIRM, { p: plan.id, a: false });
    expect(errorCode(missing)).toBe('BAD_USER_INPUT');
    expect(field(missing)).toBe('comment');
    ok(await subgraph.as(me, CONFIRM, { p: plan.id, a: false, c: 'Praktikken er for tidligt.' }));
    const read = ok(await subgraph.as(caseworker, PLAN, { id: plan.id })).plan;
    expect(read.changedSinceConfirmed).toBe(false);
    expect(read.confirmations).toEqual([
      { planVersion: 2, agrees: false, comment: 'Praktikken er for tidligt.' },
      { planVersion: 1, agrees: true, comment: null },
    ]);
    // The goal changed by staff: changed again.
    ok(
      await subgraph.as(
        caseworker,
        `mutation($id: ID!) { updatePlan(id: $id, expectedVersion: 2, input: { longTermGoal: "Gartner" }) { id } }`,
        {
          id: plan.id,
        },
      ),
    );
    expect(ok(await subgraph.as(me, PLAN, { id: plan.id })).plan.changedSinceConfirmed).toBe(true);
  });

  it('is the citizen’s own: staff cannot confirm for them, and another citizen gets NOT_FOUND', async () => {
    const me = citizen(person());
    const plan = await createPlan(subgraph, me.id);
    expect(errorCode(await subgraph.as(caseworker, CONFIRM, { p: plan.id, a: true }))).toBe('FORBIDDEN');
    expect(errorCode(await subgraph.as(citizen(), CONFIRM, { p: plan.id, a: true }))).toBe('NOT_FOUND');
    const long = await subgraph.as(me, CONFIRM, { p: plan.id, a: false, c: 'x'.repeat(4001) });
    expect(field(long)).toBe('comment');
    expect(await subgraph.dataSource.query(`SELECT 1 FROM plan_confirmation WHERE plan_id = $1`, [plan.id])).toEqual([]);
  });
});

describe('events', () => {
  const events = (citizenId: string) =>
    subgraph.dataSource.query(
      `SELECT type, aggregate_type AS "aggregateType", payload FROM outbox_event WHERE citizen_id = $1 ORDER BY position`,
      [citizenId],
    );

  it('writes progress.recorded (with assessedBy), milestone.proposed, plan.changed and plan.confirmed with their changes, ids and codes only', async () => {
    const me = citizen(person());
    const plan = await createPlan(subgraph, me.id);
    const before = (await events(me.id)).length;
    ok(await subgraph.as(me, SELF, { c: me.id, i: { scores: [{ dimension: 'COPING', score: 6 }], note: 'Det går bedre.' } }));
    const proposal = ok(await subgraph.as(me, PROPOSE, { p: plan.id, i: { title: 'Hemmelig titel', deadline: day(8) } })).proposeMilestone;
    ok(await subgraph.as(caseworker, DECIDE, { id: proposal.id, a: true }));
    ok(await subgraph.as(me, CONFIRM, { p: plan.id, a: false, c: 'Jeg er ikke enig i fristen.' }));
    // Refused changes write nothing.
    await subgraph.as(me, CONFIRM, { p: plan.id, a: false });
    await subgraph.as(me, SELF, { c: me.id, i: { scores: [{ dimension: 'COPING', score: 60 }] } });
    const written = (await events(me.id)).slice(before);
    expect(written.map((e: { type: string }) => e.type)).toEqual([
      'progress.recorded',
      'milestone.proposed',
      'milestone.statusChanged',
      'plan.changed',
      'plan.confirmed',
    ]);
    expect(written[0].payload).toMatchObject({ assessedAt: today, assessedBy: 'CITIZEN', scores: [{ dimension: 'COPING', score: 6 }] });
    expect(written[1].payload).toEqual({ milestoneId: proposal.id, planId: plan.id, deadline: day(8) });
    expect(written[2].payload).toMatchObject({ status: 'PLANNED', previousStatus: 'PROPOSED' });
    expect(written[3].payload).toEqual({ planId: plan.id, version: 2 });
    expect(written[4].payload).toEqual({ planId: plan.id, planVersion: 2, agrees: false });
    // No free text in any payload.
    expect(JSON.stringify(written)).not.toMatch(/Hemmelig|bedre|fristen/);
  });
});
