import { randomUUID } from 'node:crypto';
import { addDays, subgraphClient, todayInCopenhagen } from '@jobcenter/kit';
import {
  errorCode,
  GraphQLResponse,
  perturbedAround,
  perturbedRateAround,
  postGraphQL,
  startTestGrants,
  startTestSubgraph,
  TestGrants,
  TestSubgraph,
} from '@jobcenter/kit/testing';
import { ProgressDimension } from '../src/progress/progress.enums';
import { publishProgression } from '../src/statistics/statistics.queries';
import { plansSubgraph } from '../src/server';
import {
  addMilestone,
  analyst,
  caseworker,
  citizen,
  consultant,
  createPlan,
  MILESTONE_FIELDS,
  ok,
  PLAN_FIELDS,
  teamLead,
} from './builders';
import { parseDocument } from './html';

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

/** A citizen in the caseload of the builders' caseworker and resource consultant (Team Ryslinge). */
function person(): string {
  const id = randomUUID();
  grants.assign(caseworker, id);
  grants.assign(consultant, id);
  return id;
}

const UPDATE_PLAN = `mutation($id: ID!, $v: Int!, $i: UpdatePlanInput!) { updatePlan(id: $id, expectedVersion: $v, input: $i) { ${PLAN_FIELDS} } }`;
const SET_STATUS = `mutation($id: ID!, $s: MilestoneStatus!, $note: String, $on: Date, $r: MilestoneRevisionInput) {
  setMilestoneStatus(id: $id, status: $s, note: $note, achievedOn: $on, revision: $r) { ${MILESTONE_FIELDS} replacedBy { id title deadline status } } }`;
const ADD_UPDATE = `mutation($id: ID!, $note: String!) { addMilestoneUpdate(id: $id, note: $note) { ${MILESTONE_FIELDS} } }`;
const RECORD_PROGRESS = `mutation($c: ID!, $i: RecordProgressInput!) { recordProgress(citizenId: $c, input: $i) { id assessedAt note scores { dimension score } } }`;
const RECORD_PERIOD = `mutation($p: ID!, $i: RecordPlanPeriodInput!) { recordPlanPeriod(planId: $p, input: $i) { meetingDate pastPeriodStatus nextPeriodGoals authorRole } }`;

describe('the database schema', () => {
  it('is exactly what the migrations make (no drift between entities and migrations)', async () => {
    const pending = await subgraph.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});

describe('identity', () => {
  it('is UNAUTHENTICATED without the gateway assertion', async () => {
    const res = await postGraphQL(subgraph.url, `{ plan(id: "${randomUUID()}") { id } }`);
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });
});

describe('plans', () => {
  it('creates an ACTIVE plan starting today by default, and a second ACTIVE plan is a CONFLICT', async () => {
    const c = person();
    const plan = await createPlan(subgraph, c, { citizenPerspective: '  Min drøm er at blive anlægsgartner.  ' });
    expect(plan).toMatchObject({
      status: 'ACTIVE',
      startDate: today,
      version: 1,
      citizenPerspective: 'Min drøm er at blive anlægsgartner.',
      citizen: { id: c },
    });
    const again = await subgraph.as(
      caseworker,
      `mutation($c: ID!) { createPlan(citizenId: $c, input: { longTermGoal: "Andet mål" }) { id } }`,
      { c },
    );
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors![0].message).toMatch(/already has an ACTIVE plan/);
    // A draft of the next plan may be prepared meanwhile; activating it while the old one is active is a CONFLICT.
    const draft = await createPlan(subgraph, c, { status: 'DRAFT', longTermGoal: 'Næste plan' });
    const activate = await subgraph.as(caseworker, UPDATE_PLAN, { id: draft.id, v: draft.version, i: { status: 'ACTIVE' } });
    expect(errorCode(activate)).toBe('CONFLICT');
  });

  it('lets only one of two simultaneous saves through: one ACTIVE plan, one winner per version', async () => {
    const c = person();
    const create = () =>
      subgraph.as(caseworker, `mutation($c: ID!) { createPlan(citizenId: $c, input: { longTermGoal: "Samtidig" }) { id } }`, { c });
    const created = await Promise.all([create(), create(), create()]);
    expect(created.map(errorCode).sort()).toEqual(['CONFLICT', 'CONFLICT', undefined]);
    const plan = created.find((r) => !r.errors)!.data.createPlan;
    const save = (goal: string) => subgraph.as(caseworker, UPDATE_PLAN, { id: plan.id, v: 1, i: { longTermGoal: goal } });
    const saved = await Promise.all([save('A'), save('B'), save('C')]);
    expect(saved.map(errorCode).sort()).toEqual(['CONFLICT', 'CONFLICT', undefined]);
    expect(saved.find((r) => !r.errors)!.data.updatePlan.version).toBe(2);
  });

  it('accepts a start date in the past (recorded after the fact)', async () => {
    const plan = await createPlan(subgraph, person(), { startDate: '2025-01-15' });
    expect(plan.startDate).toBe('2025-01-15');
  });

  it('refuses bad input with BAD_USER_INPUT naming the field', async () => {
    const empty = await subgraph.as(caseworker, `mutation { createPlan(citizenId: "${person()}", input: { longTermGoal: "   " }) { id } }`);
    expect(errorCode(empty)).toBe('BAD_USER_INPUT');
    expect(empty.errors![0].extensions!.field).toBe('longTermGoal');
    const badId = await subgraph.as(caseworker, `mutation { createPlan(citizenId: "svend", input: { longTermGoal: "Mål" }) { id } }`);
    expect(errorCode(badId)).toBe('BAD_USER_INPUT');
    const badDate = await subgraph.as(
      caseworker,
      `mutation($c: ID!, $d: Date) { createPlan(citizenId: $c, input: { longTermGoal: "Mål", startDate: $d }) { id } }`,
      { c: person(), d: '2026-02-30' },
    );
    expect(errorCode(badDate)).toBe('BAD_USER_INPUT');
    const closed = await subgraph.as(
      caseworker,
      `mutation($c: ID!) { createPlan(citizenId: $c, input: { longTermGoal: "Mål", status: COMPLETED }) { id } }`,
      { c: person() },
    );
    expect(errorCode(closed)).toBe('BAD_USER_INPUT');
    const tooLong = await subgraph.as(
      caseworker,
      `mutation($c: ID!, $g: String!) { createPlan(citizenId: $c, input: { longTermGoal: $g }) { id } }`,
      { c: person(), g: 'x'.repeat(1001) },
    );
    expect(errorCode(tooLong)).toBe('BAD_USER_INPUT');
  });

  it('updates with expectedVersion; a stale version is a CONFLICT and changes nothing', async () => {
    const plan = await createPlan(subgraph, person());
    const first = ok(await subgraph.as(caseworker, UPDATE_PLAN, { id: plan.id, v: 1, i: { longTermGoal: 'Anlægsgartner' } })).updatePlan;
    expect(first).toMatchObject({ longTermGoal: 'Anlægsgartner', version: 2 });
    const stale = await subgraph.as(consultant, UPDATE_PLAN, { id: plan.id, v: 1, i: { longTermGoal: 'Noget andet' } });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors![0].message).toMatch(/version 1, it is now version 2/);
    const read = ok(await subgraph.as(caseworker, `query($id: ID!) { plan(id: $id) { longTermGoal version } }`, { id: plan.id })).plan;
    expect(read).toEqual({ longTermGoal: 'Anlægsgartner', version: 2 });
  });

  it('completes a plan with an end date, and there is no way back from COMPLETED or ABANDONED', async () => {
    const plan = await createPlan(subgraph, person(), { startDate: day(-30) });
    const reached = await addMilestone(subgraph, plan.id, { title: 'Nået', deadline: day(-20) });
    ok(await subgraph.as(caseworker, SET_STATUS, { id: reached.id, s: 'ACHIEVED', on: day(-21) }));
    await addMilestone(subgraph, plan.id, { title: 'Overskredet', deadline: day(-2) });
    // Each milestone added or changed is a new version of the plan: 1 + 2 added + 1 achieved.
    const done = ok(
      await subgraph.as(
        caseworker,
        `mutation($id: ID!) { updatePlan(id: $id, expectedVersion: 4, input: { status: COMPLETED }) {
      status endDate version milestones { title status overdue updates { status note } } overdueMilestones { id } } }`,
        { id: plan.id },
      ),
    ).updatePlan;
    expect(done).toMatchObject({ status: 'COMPLETED', endDate: today, version: 5, overdueMilestones: [] });
    // What was still open is dropped, with the reason in its history; what was reached stays reached.
    expect(done.milestones.map((m: { title: string; status: string; overdue: boolean }) => [m.title, m.status, m.overdue])).toEqual([
      ['Nået', 'ACHIEVED', false],
      ['Overskredet', 'DROPPED', false],
    ]);
    expect(done.milestones[1].updates.at(-1)).toEqual({ status: 'DROPPED', note: 'Dropped because the plan was completed (was PLANNED).' });
    const back = await subgraph.as(caseworker, UPDATE_PLAN, { id: plan.id, v: 5, i: { status: 'ACTIVE' } });
    expect(errorCode(back)).toBe('CONFLICT');
    const edit = await subgraph.as(caseworker, UPDATE_PLAN, { id: plan.id, v: 5, i: { longTermGoal: 'Nyt' } });
    expect(errorCode(edit)).toBe('CONFLICT');
    const draft = await createPlan(subgraph, person(), { status: 'DRAFT' });
    const abandoned = ok(await subgraph.as(caseworker, UPDATE_PLAN, { id: draft.id, v: 1, i: { status: 'ABANDONED' } })).updatePlan;
    expect(abandoned.status).toBe('ABANDONED');
    expect(errorCode(await subgraph.as(caseworker, UPDATE_PLAN, { id: draft.id, v: 2, i: { status: 'DRAFT' } }))).toBe('CONFLICT');
  });

  it('returns null for a plan that does not exist (and a malformed id), NOT_FOUND when changing one', async () => {
    for (const id of [randomUUID(), 'not-a-uuid']) {
      const res = await subgraph.as(caseworker, `query($id: ID!) { plan(id: $id) { id } }`, { id });
      expect(res.errors).toBeUndefined();
      expect(res.data.plan).toBeNull();
    }
    const own = await subgraph.as(citizen(), `query($id: ID!) { plan(id: $id) { id } }`, { id: randomUUID() });
    expect(own.errors).toBeUndefined();
    expect(own.data.plan).toBeNull();
    expect(errorCode(await subgraph.as(caseworker, UPDATE_PLAN, { id: randomUUID(), v: 1, i: { longTermGoal: 'x' } }))).toBe('NOT_FOUND');
    expect(
      errorCode(
        await subgraph.as(
          caseworker,
          `mutation { addMilestone(planId: "${randomUUID()}", input: { title: "x", deadline: "${today}" }) { id } }`,
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(errorCode(await subgraph.as(caseworker, SET_STATUS, { id: randomUUID(), s: 'ACHIEVED' }))).toBe('NOT_FOUND');
    expect(errorCode(await subgraph.as(caseworker, ADD_UPDATE, { id: 'nope', note: 'x' }))).toBe('NOT_FOUND');
  });
});

describe('who may see and change a plan', () => {
  it('lets the citizen read their own plan in full and change their own words, nothing else', async () => {
    const me = citizen(person());
    const plan = await createPlan(subgraph, me.id);
    const m = await addMilestone(subgraph, plan.id, { deadline: day(14) });
    const read = await subgraph.as(me, `query($id: ID!) { plan(id: $id) { longTermGoal milestones { title updates { note } } } }`, {
      id: plan.id,
    });
    expect(read.errors).toBeUndefined();
    expect(read.data.plan.milestones).toEqual([
      { title: 'Praktik hos gartner', updates: [{ note: `Milestone agreed, deadline ${day(14)}.` }] },
    ]);

    // Version 2 after the milestone was added.
    const words = await subgraph.as(me, UPDATE_PLAN, {
      id: plan.id,
      v: 2,
      i: { citizenPerspective: 'Jeg vil have mit eget gartnerfirma.' },
    });
    expect(words.errors).toBeUndefined();
    expect(words.data.updatePlan).toMatchObject({ citizenPerspective: 'Jeg vil have mit eget gartnerfirma.', version: 3 });
    expect(errorCode(await subgraph.as(me, UPDATE_PLAN, { id: plan.id, v: 3, i: { longTermGoal: 'Mit eget mål' } }))).toBe('FORBIDDEN');
    expect(errorCode(await subgraph.as(me, UPDATE_PLAN, { id: plan.id, v: 3, i: { status: 'ABANDONED' } }))).toBe('FORBIDDEN');

    const note = await subgraph.as(me, ADD_UPDATE, { id: m.id, note: 'Jeg har ringet til gartneren.' });
    expect(note.errors).toBeUndefined();
    expect(note.data.addMilestoneUpdate.updates.at(-1)).toEqual({
      authorRole: 'CITIZEN',
      note: 'Jeg har ringet til gartneren.',
      status: null,
    });
    expect(errorCode(await subgraph.as(me, SET_STATUS, { id: m.id, s: 'ACHIEVED' }))).toBe('FORBIDDEN');
    expect(
      errorCode(
        await subgraph.as(me, `mutation { addMilestone(planId: "${plan.id}", input: { title: "x", deadline: "${today}" }) { id } }`),
      ),
    ).toBe('FORBIDDEN');
    expect(errorCode(await subgraph.as(me, RECORD_PROGRESS, { c: me.id, i: { scores: [{ dimension: 'COPING', score: 9 }] } }))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await subgraph.as(me, `mutation { createPlan(citizenId: "${me.id}", input: { longTermGoal: "x" }) { id } }`))).toBe(
      'FORBIDDEN',
    );
  });

  it("gives a citizen asking for or writing in another citizen's plan what an unknown id gives, and logs the try", async () => {
    const owner = person();
    const plan = await createPlan(subgraph, owner);
    const m = await addMilestone(subgraph, plan.id, { deadline: day(14) });
    const stranger = citizen();
    const read = await subgraph.as(stranger, `query($id: ID!) { plan(id: $id) { id longTermGoal } }`, { id: plan.id });
    expect(read).toEqual(await subgraph.as(stranger, `query($id: ID!) { plan(id: $id) { id longTermGoal } }`, { id: randomUUID() }));
    expect(read.data).toEqual({ plan: null });
    // Writing: the same NOT_FOUND, word for word, as for an id that names nothing (no existence oracle).
    const unknownPlan = randomUUID();
    const write = await subgraph.as(stranger, UPDATE_PLAN, { id: plan.id, v: 1, i: { citizenPerspective: 'x' } });
    const writeUnknown = await subgraph.as(stranger, UPDATE_PLAN, { id: unknownPlan, v: 1, i: { citizenPerspective: 'x' } });
    expect(JSON.stringify(write).replaceAll(plan.id, 'ID')).toEqual(JSON.stringify(writeUnknown).replaceAll(unknownPlan, 'ID'));
    expect(errorCode(write)).toBe('NOT_FOUND');
    const unknownMilestone = randomUUID();
    const note = await subgraph.as(stranger, ADD_UPDATE, { id: m.id, note: 'x' });
    const noteUnknown = await subgraph.as(stranger, ADD_UPDATE, { id: unknownMilestone, note: 'x' });
    expect(JSON.stringify(note).replaceAll(m.id, 'ID')).toEqual(JSON.stringify(noteUnknown).replaceAll(unknownMilestone, 'ID'));
    // The tries are on the owner's log, refused, by a citizen (NONE: no purpose here).
    const refused = async () =>
      subgraph.dataSource.query(`SELECT operation, purpose, actor_role FROM kit_access_log WHERE citizen_id = $1 AND actor_id = $2`, [
        owner,
        stranger.id,
      ]);
    // Refusals are written after the answer, not awaited (their timing must not tell anything):
    // wait for the write's entry itself, since the read's may land first.
    const hasChange = async () => (await refused()).some((r: { operation: string }) => r.operation === 'CHANGE_REFUSED');
    for (let i = 0; i < 40 && !(await hasChange()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await refused()).toContainEqual({ operation: 'CHANGE_REFUSED', purpose: 'NONE', actor_role: 'CITIZEN' });
    const entities = await subgraph.as(stranger, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Milestone { title } } }`, {
      r: [{ __typename: 'Milestone', id: m.id }],
    });
    expect(entities.errors).toBeUndefined();
    expect(entities.data._entities).toEqual([null]);
  });

  it("is FORBIDDEN for staff outside the citizen's caseload, by id, by entity and on every write", async () => {
    const c = person();
    const plan = await createPlan(subgraph, c);
    const m = await addMilestone(subgraph, plan.id, { deadline: day(14) });
    const outsider = { ...caseworker, id: randomUUID(), name: 'Ole Vest', team: 'Team Vest' };
    const otherLead = { ...teamLead, id: randomUUID(), team: 'Team Vest' };
    for (const actor of [outsider, otherLead]) {
      const reads = [
        await subgraph.as(actor, `query($id: ID!) { plan(id: $id) { longTermGoal } }`, { id: plan.id }),
        await subgraph.as(actor, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Plan { longTermGoal } } }`, {
          r: [{ __typename: 'Plan', id: plan.id }],
        }),
        await subgraph.as(actor, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Milestone { title } } }`, {
          r: [{ __typename: 'Milestone', id: m.id }],
        }),
        await subgraph.as(
          actor,
          `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { plans { longTermGoal } progress { note } } } }`,
          { r: [{ __typename: 'Citizen', id: c }] },
        ),
        await subgraph.as(actor, UPDATE_PLAN, { id: plan.id, v: 1, i: { longTermGoal: 'x' } }),
        await subgraph.as(actor, ADD_UPDATE, { id: m.id, note: 'x' }),
        await subgraph.as(actor, `mutation($c: ID!) { createPlan(citizenId: $c, input: { longTermGoal: "x", status: DRAFT }) { id } }`, {
          c,
        }),
        await subgraph.as(actor, RECORD_PROGRESS, { c, i: { scores: [{ dimension: 'COPING', score: 5 }] } }),
      ];
      for (const res of reads) {
        expect(errorCode(res)).toBe('FORBIDDEN');
        expect(JSON.stringify(res)).not.toContain('anlægsgartner');
      }
    }
  });

  it('gives analysts the statistics but FORBIDDEN on plan content', async () => {
    const c = person();
    const plan = await createPlan(subgraph, c);
    expect(errorCode(await subgraph.as(analyst, `query($id: ID!) { plan(id: $id) { id } }`, { id: plan.id }))).toBe('FORBIDDEN');
    for (const field of ['plans { id }', 'activePlan { id }', 'progress { id }']) {
      const res = await subgraph.as(analyst, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { ${field} } } }`, {
        r: [{ __typename: 'Citizen', id: c }],
      });
      expect(errorCode(res)).toBe('FORBIDDEN');
    }
    expect(errorCode(await subgraph.as(analyst, UPDATE_PLAN, { id: plan.id, v: 1, i: { longTermGoal: 'x' } }))).toBe('FORBIDDEN');
    const stats = await subgraph.as(
      analyst,
      `{ progressionStatistics { dimension } milestoneStatistics(from: "2026-01-01", to: "2026-12-31") { achieved } }`,
    );
    expect(stats.errors).toBeUndefined();
    expect(errorCode(await subgraph.as(citizen(), `{ progressionStatistics { dimension } }`))).toBe('FORBIDDEN');
  });

  it('gives another service calling on its own behalf no plan content and no statistics', async () => {
    const c = person();
    const plan = await createPlan(subgraph, c);
    const previous = process.env.PLANS_URL;
    process.env.PLANS_URL = subgraph.url;
    try {
      const client = subgraphClient('placements', 'plans');
      await expect(client.query(`query($id: ID!) { plan(id: $id) { longTermGoal } }`, { id: plan.id })).rejects.toThrow(/personal data/);
      await expect(
        client.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { activePlan { id } } } }`, {
          r: [{ __typename: 'Citizen', id: c }],
        }),
      ).rejects.toThrow(/personal data/);
      await expect(client.query(`{ progressionStatistics { dimension } }`)).rejects.toThrow(/for staff/);
    } finally {
      process.env.PLANS_URL = previous;
    }
  });

  it('lets every case role write, team leads included', async () => {
    const plan = await createPlan(subgraph, person());
    for (const actor of [consultant, teamLead, { ...caseworker, role: 'JOB_CONSULTANT' as const }]) {
      const res = await subgraph.as(
        actor,
        `mutation($p: ID!) { addMilestone(planId: $p, input: { title: "Skridt", deadline: "${day(7)}" }) { id } }`,
        { p: plan.id },
      );
      expect(res.errors).toBeUndefined();
    }
  });
});

describe('milestones', () => {
  it("refuses a deadline before the plan's start, accepts a past one and shows it overdue", async () => {
    const plan = await createPlan(subgraph, person(), { startDate: day(-60) });
    const early = await subgraph.as(
      caseworker,
      `mutation($p: ID!) { addMilestone(planId: $p, input: { title: "x", deadline: "${day(-61)}" }) { id } }`,
      { p: plan.id },
    );
    expect(errorCode(early)).toBe('BAD_USER_INPUT');
    expect(early.errors![0].extensions!.field).toBe('deadline');
    const late = await addMilestone(subgraph, plan.id, { deadline: day(-1), responsible: 'CITIZEN' });
    expect(late).toMatchObject({ status: 'PLANNED', overdue: true, responsible: 'CITIZEN' });
    const due = await addMilestone(subgraph, plan.id, { deadline: today });
    expect(due.overdue).toBe(false);
  });

  it('logs every status change with time and author role; ACHIEVED is final and sets achievedAt', async () => {
    const plan = await createPlan(subgraph, person(), { startDate: day(-30) });
    const m = await addMilestone(subgraph, plan.id, { deadline: day(-2) });
    const started = ok(
      await subgraph.as(consultant, SET_STATUS, { id: m.id, s: 'IN_PROGRESS', note: 'Første praktikdag aftalt' }),
    ).setMilestoneStatus;
    expect(started.updates.map((u: { status: string }) => u.status)).toEqual(['PLANNED', 'IN_PROGRESS']);
    expect(started.updates[1]).toEqual({ authorRole: 'RESOURCE_CONSULTANT', note: 'Første praktikdag aftalt', status: 'IN_PROGRESS' });
    const done = ok(await subgraph.as(caseworker, SET_STATUS, { id: m.id, s: 'ACHIEVED', on: day(-3) })).setMilestoneStatus;
    expect(done).toMatchObject({ status: 'ACHIEVED', achievedAt: day(-3), overdue: false });
    expect(done.updates.at(-1)).toMatchObject({ status: 'ACHIEVED', note: 'Status changed from IN_PROGRESS to ACHIEVED.' });
    const again = await subgraph.as(caseworker, SET_STATUS, { id: m.id, s: 'IN_PROGRESS' });
    expect(errorCode(again)).toBe('CONFLICT');
    const future = await addMilestone(subgraph, plan.id, { deadline: day(10) });
    expect(errorCode(await subgraph.as(caseworker, SET_STATUS, { id: future.id, s: 'ACHIEVED', on: day(1) }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await subgraph.as(caseworker, SET_STATUS, { id: future.id, s: 'MISSED' }))).toBe('BAD_USER_INPUT');
  });

  it('revises a milestone: the old one links to the new one, which carries on as PLANNED', async () => {
    const plan = await createPlan(subgraph, person(), { startDate: day(-30) });
    const m = await addMilestone(subgraph, plan.id, { title: 'Praktik hos gartner', deadline: day(-1) });
    const missing = await subgraph.as(caseworker, SET_STATUS, { id: m.id, s: 'REVISED' });
    expect(errorCode(missing)).toBe('BAD_USER_INPUT');
    const revised = ok(
      await subgraph.as(caseworker, SET_STATUS, {
        id: m.id,
        s: 'REVISED',
        note: 'Gartneren har travlt i december',
        r: { deadline: day(45) },
      }),
    ).setMilestoneStatus;
    expect(revised).toMatchObject({ status: 'REVISED', overdue: false });
    expect(revised.replacedBy).toMatchObject({ title: 'Praktik hos gartner', deadline: day(45), status: 'PLANNED' });
    const plan2 = ok(
      await subgraph.as(
        caseworker,
        `query($id: ID!) { plan(id: $id) { milestones { status } overdueMilestones { id } nextMilestoneDeadline } }`,
        { id: plan.id },
      ),
    ).plan;
    expect(plan2.milestones.map((x: { status: string }) => x.status).sort()).toEqual(['PLANNED', 'REVISED']);
    expect(plan2.overdueMilestones).toEqual([]);
    expect(plan2.nextMilestoneDeadline).toBe(day(45));
    const tooEarly = await addMilestone(subgraph, plan.id, { deadline: day(5) });
    const bad = await subgraph.as(caseworker, SET_STATUS, { id: tooEarly.id, s: 'REVISED', r: { deadline: day(-31) } });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
  });

  it('refuses an empty note, and changes to the milestones of a closed plan', async () => {
    const plan = await createPlan(subgraph, person());
    const m = await addMilestone(subgraph, plan.id, { deadline: day(5) });
    expect(errorCode(await subgraph.as(caseworker, ADD_UPDATE, { id: m.id, note: '  ' }))).toBe('BAD_USER_INPUT');
    ok(await subgraph.as(caseworker, UPDATE_PLAN, { id: plan.id, v: 2, i: { status: 'ABANDONED' } }));
    expect(errorCode(await subgraph.as(caseworker, ADD_UPDATE, { id: m.id, note: 'Hej' }))).toBe('CONFLICT');
    expect(errorCode(await subgraph.as(caseworker, SET_STATUS, { id: m.id, s: 'DROPPED' }))).toBe('CONFLICT');
    expect(
      errorCode(
        await subgraph.as(
          caseworker,
          `mutation { addMilestone(planId: "${plan.id}", input: { title: "x", deadline: "${day(5)}" }) { id } }`,
        ),
      ),
    ).toBe('CONFLICT');
  });
});

describe('period statuses', () => {
  it('keeps the history newest first; one per meeting date; the meeting cannot be in the future', async () => {
    const plan = await createPlan(subgraph, person(), { startDate: day(-120) });
    const record = (meetingDate: string, past: string) =>
      subgraph.as(caseworker, RECORD_PERIOD, { p: plan.id, i: { meetingDate, pastPeriodStatus: past, nextPeriodGoals: 'Løntilskud' } });
    ok(await record(day(-90), 'Praktik gennemført'));
    ok(await record(day(-5), 'Løntilskud startet'));
    expect(errorCode(await record(day(-5), 'Igen'))).toBe('CONFLICT');
    expect(errorCode(await record(day(1), 'Fremtid'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await record(day(-121), 'Før planen'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await subgraph.as(citizen(), RECORD_PERIOD, { p: plan.id, i: { pastPeriodStatus: 'x', nextPeriodGoals: 'y' } }))).toBe(
      'FORBIDDEN',
    );
    const read = ok(
      await subgraph.as(
        caseworker,
        `query($id: ID!) { plan(id: $id) { periods { meetingDate pastPeriodStatus } latestPeriod { pastPeriodStatus authorName } } }`,
        { id: plan.id },
      ),
    ).plan;
    expect(read.periods).toEqual([
      { meetingDate: day(-5), pastPeriodStatus: 'Løntilskud startet' },
      { meetingDate: day(-90), pastPeriodStatus: 'Praktik gennemført' },
    ]);
    expect(read.latestPeriod).toEqual({ pastPeriodStatus: 'Løntilskud startet', authorName: 'Inger Holm' });
  });
});

describe('progress', () => {
  it('records assessments and lists them oldest first, scores in dimension order', async () => {
    const c = person();
    ok(
      await subgraph.as(caseworker, RECORD_PROGRESS, {
        c,
        i: {
          assessedAt: day(-10),
          scores: [
            { dimension: 'SELF_ESTEEM', score: 6 },
            { dimension: 'STABILITY', score: 7 },
          ],
        },
      }),
    );
    ok(
      await subgraph.as(caseworker, RECORD_PROGRESS, {
        c,
        i: { assessedAt: day(-100), scores: [{ dimension: 'SELF_ESTEEM', score: 3 }], note: 'Første måling' },
      }),
    );
    const res = await subgraph.as(
      citizen(c),
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { progress { assessedAt note scores { dimension score } } } } }`,
      {
        r: [{ __typename: 'Citizen', id: c }],
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data._entities[0].progress).toEqual([
      { assessedAt: day(-100), note: 'Første måling', scores: [{ dimension: 'SELF_ESTEEM', score: 3 }] },
      {
        assessedAt: day(-10),
        note: null,
        scores: [
          { dimension: 'STABILITY', score: 7 },
          { dimension: 'SELF_ESTEEM', score: 6 },
        ],
      },
    ]);
  });

  it.each([
    ['a score of 11', [{ dimension: 'COPING', score: 11 }]],
    ['a score of 0', [{ dimension: 'COPING', score: 0 }]],
    [
      'a repeated dimension',
      [
        { dimension: 'COPING', score: 4 },
        { dimension: 'COPING', score: 5 },
      ],
    ],
    ['an unknown dimension', [{ dimension: 'HAPPINESS', score: 5 }]],
    ['no scores', []],
  ])('refuses %s with BAD_USER_INPUT', async (_what, scores) => {
    const res = await subgraph.as(caseworker, RECORD_PROGRESS, { c: person(), i: { scores } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });

  it('refuses an assessment in the future, and a second one the same day with CONFLICT', async () => {
    const c = person();
    expect(
      errorCode(
        await subgraph.as(caseworker, RECORD_PROGRESS, { c, i: { assessedAt: day(1), scores: [{ dimension: 'COPING', score: 4 }] } }),
      ),
    ).toBe('BAD_USER_INPUT');
    ok(await subgraph.as(caseworker, RECORD_PROGRESS, { c, i: { scores: [{ dimension: 'COPING', score: 4 }] } }));
    expect(errorCode(await subgraph.as(caseworker, RECORD_PROGRESS, { c, i: { scores: [{ dimension: 'COPING', score: 5 }] } }))).toBe(
      'CONFLICT',
    );
  });
});

describe('the printable plan', () => {
  it("is HTML with the goal, the citizen's words, the milestones and the latest period, behind the same checks as the plan", async () => {
    const me = citizen(person());
    const plan = await createPlan(subgraph, me.id, {
      startDate: day(-40),
      longTermGoal: 'Uddannet anlægsgartner',
      citizenPerspective: 'Først tørlagt, så gartner.',
    });
    await addMilestone(subgraph, plan.id, { title: 'Blive tørlagt', deadline: day(-10) });
    await addMilestone(subgraph, plan.id, { title: 'Praktik hos gartner', deadline: day(20) });
    ok(
      await subgraph.as(caseworker, RECORD_PERIOD, {
        p: plan.id,
        i: { meetingDate: day(-1), pastPeriodStatus: 'Gode fremskridt', nextPeriodGoals: 'Start praktik' },
      }),
    );
    const res = await subgraph.as(me, `query($id: ID!) { plan(id: $id) { printableHtml } }`, { id: plan.id });
    expect(res.errors).toBeUndefined();
    const doc = parseDocument(res.data.plan.printableHtml);
    expect(doc.text('#goal')).toContain('Uddannet anlægsgartner');
    expect(doc.text('#citizen-perspective')).toContain('Først tørlagt, så gartner.');
    expect(doc.rows('tr.milestone')).toEqual([
      ['Blive tørlagt', day(-10), 'Planlagt – overskredet'],
      ['Praktik hos gartner', day(20), 'Planlagt'],
    ]);
    expect(doc.text('#period')).toContain('Gode fremskridt');
    const stranger = await subgraph.as(citizen(), `query($id: ID!) { plan(id: $id) { printableHtml } }`, { id: plan.id });
    expect(stranger.errors).toBeUndefined();
    expect(stranger.data).toEqual({ plan: null });
  });
});

describe('statistics', () => {
  it('counts milestones due in the period by where they stand, in SQL', async () => {
    // A period of its own in the past, so other tests' milestones do not count.
    const from = '2020-05-01';
    const to = '2020-05-31';
    for (let i = 0; i < 5; i += 1) {
      const plan = await createPlan(subgraph, person(), { startDate: '2020-01-01' });
      const achieved = await addMilestone(subgraph, plan.id, { deadline: '2020-05-02' });
      const missed = await addMilestone(subgraph, plan.id, { deadline: '2020-05-20' });
      await addMilestone(subgraph, plan.id, { deadline: '2020-06-15' }); // due outside the period
      ok(await subgraph.as(caseworker, SET_STATUS, { id: achieved.id, s: 'ACHIEVED', on: '2020-05-01' }));
      ok(await subgraph.as(caseworker, SET_STATUS, { id: missed.id, s: 'MISSED' }));
    }
    const draft = await createPlan(subgraph, person(), { startDate: '2020-01-01', status: 'DRAFT' });
    await addMilestone(subgraph, draft.id, { deadline: '2020-05-15' });
    let res: GraphQLResponse | undefined;
    const statements = await subgraph.countStatements(async () => {
      res = await subgraph.as(
        analyst,
        `query($f: Date!, $t: Date!) { milestoneStatistics(from: $f, to: $t) {
        achieved missed overdue open revised dropped achievementRate suppressed } }`,
        { f: from, t: to },
      );
    });
    // Published counts are perturbed (cell-key method): within ±2 of the truth, the rate from them.
    expect(res!.data.milestoneStatistics).toEqual({
      achieved: perturbedAround(5),
      missed: perturbedAround(5),
      overdue: 0,
      open: 0,
      revised: 0,
      dropped: 0,
      achievementRate: perturbedRateAround(5, 10),
      suppressed: [],
    });
    expect(statements).toBe(1);
    expect(errorCode(await subgraph.as(analyst, `{ milestoneStatistics(from: "2020-05-31", to: "2020-05-01") { achieved } }`))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('withholds buckets whose milestones belong to 1–4 citizens, however many milestones, for every role', async () => {
    const from = '2020-03-01';
    const to = '2020-03-31';
    const plans = [];
    for (let i = 0; i < 6; i += 1) plans.push(await createPlan(subgraph, person(), { startDate: '2020-01-01' }));
    const mark = async (plan: { id: string }, status: string | null, deadline = '2020-03-10') => {
      const m = await addMilestone(subgraph, plan.id, { deadline });
      if (status) ok(await subgraph.as(caseworker, SET_STATUS, { id: m.id, s: status, on: status === 'ACHIEVED' ? '2020-03-01' : null }));
    };
    for (const plan of plans.slice(0, 5)) await mark(plan, 'ACHIEVED');
    await mark(plans[0], 'MISSED');
    await mark(plans[1], 'MISSED');
    await mark(plans[2], null); // PLANNED past its deadline: overdue, one citizen
    // Six dropped milestones, all one citizen's: six events, one person.
    for (let i = 0; i < 6; i += 1) await mark(plans[5], 'DROPPED', `2020-03-${10 + i}`);
    const query = `query($f: Date!, $t: Date!) { milestoneStatistics(from: $f, to: $t) {
      achieved missed overdue open revised dropped achievementRate suppressed } }`;
    for (const who of [analyst, teamLead, caseworker]) {
      const res = await subgraph.as(who, query, { f: from, t: to });
      expect(res.errors).toBeUndefined();
      expect(res.data.milestoneStatistics).toEqual({
        achieved: perturbedAround(5),
        missed: 0,
        overdue: 0,
        open: 0,
        revised: 0,
        dropped: 0,
        // 5 of 8 decided, over 5 citizens, but computed from withheld counts: null too.
        achievementRate: null,
        suppressed: ['missed', 'overdue', 'dropped', 'achievementRate'],
      });
    }
  });

  it('averages first and latest score per dimension over citizens assessed at least twice, in one statement', async () => {
    const rec = (c: string, at: string, scores: { dimension: string; score: number }[]) =>
      subgraph.as(caseworker, RECORD_PROGRESS, { c, i: { assessedAt: at, scores } });
    // Five citizens from 2 to 6 on NETWORK; two of them also twice on BASIC_SKILLS.
    for (let i = 0; i < 5; i += 1) {
      const c = person();
      const basic = i < 2 ? [{ dimension: 'BASIC_SKILLS', score: 5 }] : [];
      ok(await rec(c, day(-200), [{ dimension: 'NETWORK', score: 2 + i }, ...basic]));
      ok(await rec(c, day(-1), [{ dimension: 'NETWORK', score: 6 + i }, ...basic]));
    }
    ok(await rec(person(), day(-2), [{ dimension: 'NETWORK', score: 10 }]));
    let res: GraphQLResponse | undefined;
    const statements = await subgraph.countStatements(async () => {
      res = await subgraph.as(analyst, `{ progressionStatistics { dimension citizens averageFirst averageLatest averageChange } }`);
    });
    expect(statements).toBe(1);
    const network = res!.data.progressionStatistics.find((s: { dimension: string }) => s.dimension === 'NETWORK');
    // 2..6 → 6..10 (averages 4 and 8); the citizen assessed once is left out. Published protected
    // against differencing: within 9/5 of the exact average (what one person can move it), on 0.1 steps.
    expect(network).toEqual(publishProgression({ dimension: ProgressDimension.NETWORK, citizens: 5, firstSum: 20, latestSum: 40 }));
    expect(Math.abs(network.averageFirst - 4)).toBeLessThanOrEqual(9 / 5 + 0.05);
    expect(Math.abs(network.averageLatest - 8)).toBeLessThanOrEqual(9 / 5 + 0.05);
    expect(network.citizens).toBe(5);
    // Two citizens on BASIC_SKILLS: fewer than 5, so the dimension is withheld.
    expect(res!.data.progressionStatistics.find((s: { dimension: string }) => s.dimension === 'BASIC_SKILLS')).toBeUndefined();
    for (const s of res!.data.progressionStatistics) expect(s.citizens).toBeGreaterThanOrEqual(5);
  });
});

describe('batching', () => {
  it('answers Citizen representations with plans, active plan, milestones and progress in a constant number of statements', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const c = person();
      ids.push(c);
      const plan = await createPlan(subgraph, c, { startDate: day(-20) });
      await addMilestone(subgraph, plan.id, { deadline: day(-1) });
      ok(await subgraph.as(caseworker, RECORD_PROGRESS, { c, i: { scores: [{ dimension: 'COPING', score: 5 }] } }));
    }
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { id
      plans { id } activePlan { id overdueMilestones { title updates { note } } milestones { plan { id } } } progress { scores { score } } } } }`;
    const run = async (n: number) => {
      let res: GraphQLResponse | undefined;
      const statements = await subgraph.countStatements(async () => {
        res = await subgraph.as(caseworker, query, { r: ids.slice(0, n).map((id) => ({ __typename: 'Citizen', id })) });
      });
      expect(res!.errors).toBeUndefined();
      expect(res!.data._entities).toHaveLength(n);
      expect(
        res!.data._entities.every((e: { activePlan: { overdueMilestones: unknown[] } }) => e.activePlan.overdueMilestones.length === 1),
      ).toBe(true);
      return statements;
    };
    const few = await run(2);
    const many = await run(12);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(6);
  });

  it('answers Plan and Milestone representations in one statement each, null for unknown ones', async () => {
    const plan = await createPlan(subgraph, person());
    const m = await addMilestone(subgraph, plan.id, { title: 'Ref', deadline: day(3) });
    let res: GraphQLResponse | undefined;
    const statements = await subgraph.countStatements(async () => {
      res = await subgraph.as(
        caseworker,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Plan { id } ... on Milestone { title } } }`,
        {
          r: [
            { __typename: 'Plan', id: plan.id },
            { __typename: 'Plan', id: randomUUID() },
            { __typename: 'Milestone', id: m.id },
            { __typename: 'Milestone', id: randomUUID() },
          ],
        },
      );
    });
    expect(res!.errors).toBeUndefined();
    expect(res!.data._entities).toEqual([{ id: plan.id }, null, { title: 'Ref' }, null]);
    expect(statements).toBe(2);
  });
});

describe('errors from inside', () => {
  it('masks an unexpected failure as INTERNAL_SERVER_ERROR without SQL in the message', async () => {
    const plan = await createPlan(subgraph, person());
    await subgraph.dataSource.query('ALTER TABLE plan_period RENAME TO plan_period_away');
    try {
      const res = await subgraph.as(caseworker, `query($id: ID!) { plan(id: $id) { periods { id } } }`, { id: plan.id });
      expect(errorCode(res)).toBe('INTERNAL_SERVER_ERROR');
      expect(res.errors![0].message).not.toMatch(/plan_period|relation|SELECT/i);
    } finally {
      await subgraph.dataSource.query('ALTER TABLE plan_period_away RENAME TO plan_period');
    }
  });
});

describe('progressionStatistics against differencing (issue 13)', () => {
  it("does not give one person's new score away between two answers", async () => {
    const rec = (c: string, at: string, score: number) =>
      subgraph.as(caseworker, RECORD_PROGRESS, { c, i: { assessedAt: at, scores: [{ dimension: 'DAILY_STRUCTURE', score }] } });
    const people = Array.from({ length: 12 }, () => person());
    for (const [i, c] of people.entries()) {
      ok(await rec(c, day(-300), 2 + (i % 5)));
      ok(await rec(c, day(-100), 4 + (i % 6)));
    }
    const cell = async () =>
      ok(
        await subgraph.as(analyst, `{ progressionStatistics { dimension citizens averageFirst averageLatest } }`),
      ).progressionStatistics.find((s: { dimension: string }) => s.dimension === 'DAILY_STRUCTURE');
    // Six times, one person's latest score goes up to 10 (by 6, 5, 4, 3, 2, 1), and the attacker
    // reads the change from the answers before and after: n × (after − before).
    const reads: { truth: number; read: number }[] = [];
    let before = await cell();
    for (const [i, c] of people.slice(0, 6).entries()) {
      ok(await rec(c, day(-1 - i), 10));
      const after = await cell();
      reads.push({ truth: 6 - i, read: Math.round((after.averageLatest - before.averageLatest) * 12) });
      expect(after.averageFirst).toBe(before.averageFirst);
      expect(after.citizens % 5).toBe(0);
      before = after;
    }
    // Exact averages would give every change exactly; protected, most readings are wrong.
    expect(reads.filter((r) => r.read === r.truth).length).toBeLessThanOrEqual(2);
  });
});
