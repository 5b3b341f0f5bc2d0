import { citizensSubgraph } from '@jobcenter/citizens';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { Actor, addDays, MAX_NOISE, todayInCopenhagen } from '@jobcenter/kit';
import { errorCode, GraphQLResponse } from '@jobcenter/kit/testing';
import { plansSubgraph } from '@jobcenter/plans';
import { analyst, citizen, nextCpr, ok, teamLead, TEAM } from '@jobcenter/plans/test/builders';
import { parseDocument } from '@jobcenter/plans/test/html';

let federation: TestFederation;
/** Inger, a real staff member in the citizens service, who is caseworker for the 50 citizens. */
let caseworker: Actor;
const today = todayInCopenhagen();
const tag = `Caseload${Date.now()}`;
const people: { id: string; firstName: string; planId: string }[] = [];

async function registerWithPlan(i: number) {
  const registered = ok(
    await federation.as(caseworker, `mutation($i: RegisterCitizenInput!) { registerCitizen(input: $i) { id firstName } }`, {
      i: { cpr: nextCpr(), firstName: `Borger${String(i).padStart(2, '0')}`, lastName: tag, targetGroup: 'ACTIVITY_READY' },
    }),
  ).registerCitizen;
  ok(
    await federation.as(
      caseworker,
      `mutation($c: ID!, $s: ID!) { assignStaff(citizenId: $c, staffId: $s, role: CASEWORKER, from: "2026-01-01") { id } }`,
      {
        c: registered.id,
        s: caseworker.id,
      },
    ),
  );
  const plan = ok(
    await federation.as(caseworker, `mutation($c: ID!, $i: CreatePlanInput!) { createPlan(citizenId: $c, input: $i) { id } }`, {
      c: registered.id,
      i: { longTermGoal: `Mål for ${registered.firstName}`, startDate: addDays(today, -60) },
    }),
  ).createPlan;
  for (const [title, offset] of [
    ['Overskredet skridt', -3],
    ['Kommende skridt', 10],
  ] as const) {
    ok(
      await federation.as(caseworker, `mutation($p: ID!, $i: AddMilestoneInput!) { addMilestone(planId: $p, input: $i) { id } }`, {
        p: plan.id,
        i: { title, deadline: addDays(today, offset) },
      }),
    );
  }
  people.push({ ...registered, planId: plan.id });
}

beforeAll(async () => {
  federation = await startTestFederation([citizensSubgraph, plansSubgraph]);
  const staff = ok(
    await federation.as(teamLead, `mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { id name role team } }`, {
      i: { name: 'Inger Holm', role: 'CASEWORKER', team: TEAM, email: `inger.${Date.now()}@ryslinge.dk` },
    }),
  ).createStaffMember;
  caseworker = { id: staff.id, role: 'CASEWORKER', name: staff.name, team: staff.team };
  for (let i = 0; i < 50; i += 1) await registerWithPlan(i);
}, 120_000);
afterAll(() => federation.stop());

const CASELOAD = `query($f: CitizenFilter, $n: Int) { citizens(filter: $f, first: $n) { nodes {
  id firstName lastName
  activePlan { longTermGoal nextMilestoneDeadline overdueMilestones { title deadline overdue } }
} } }`;

describe("a caseworker's caseload through the gateway", () => {
  it('returns each citizen with their active plan and overdue milestones', async () => {
    const res = await federation.as(caseworker, CASELOAD, { f: { search: tag }, n: 5 });
    expect(res.errors).toBeUndefined();
    expect(res.data.citizens.nodes).toHaveLength(5);
    for (const node of res.data.citizens.nodes) {
      expect(node.activePlan).toEqual({
        longTermGoal: `Mål for ${node.firstName}`,
        nextMilestoneDeadline: addDays(today, 10),
        overdueMilestones: [{ title: 'Overskredet skridt', deadline: addDays(today, -3), overdue: true }],
      });
    }
  });

  it('costs the same number of SQL statements for 5 and for 50 citizens', async () => {
    const count = async (n: number) => {
      let res: GraphQLResponse | undefined;
      const statements = await federation.countStatements(async () => {
        res = await federation.as(caseworker, CASELOAD, { f: { search: tag }, n });
      });
      expect(res!.errors).toBeUndefined();
      expect(res!.data.citizens.nodes).toHaveLength(n);
      expect(
        res!.data.citizens.nodes.every(
          (c: { activePlan: { overdueMilestones: unknown[] } }) => c.activePlan.overdueMilestones.length === 1,
        ),
      ).toBe(true);
      return statements;
    };
    // Warm the caseload grants for all 50 first: the grant cache lives 30 s, and on a loaded machine
    // the setup alone can outlast it, so one count would include the look-up and the other not.
    await federation.as(caseworker, CASELOAD, { f: { search: tag }, n: 50 });
    const five = await count(5);
    const fifty = await count(50);
    expect(fifty).toBe(five);
    // citizens: the page and its total count, and the caseload check of the names; plans: the
    // active plans and their milestones, and (unless still cached) one batched grants look-up.
    expect(fifty).toBeGreaterThanOrEqual(5);
    expect(fifty).toBeLessThanOrEqual(6);
  });
});

describe('identity through the gateway', () => {
  it("resolves a plan's citizen from the citizens service; a citizen reads their own plan and printout, nothing of someone else's", async () => {
    const [me, other] = people;
    const own = await federation.as(
      citizen(me.id),
      `query($id: ID!) { citizen(id: $id) { firstName activePlan { longTermGoal printableHtml } } }`,
      { id: me.id },
    );
    expect(own.errors).toBeUndefined();
    expect(own.data.citizen.activePlan.longTermGoal).toBe(`Mål for ${me.firstName}`);
    expect(own.data.citizen.activePlan.printableHtml).toContain('Overskredet skridt');
    const cross = await federation.as(
      caseworker,
      `query($id: ID!) { plan(id: $id) { citizen { firstName lastName } milestones { title } } }`,
      { id: me.planId },
    );
    expect(cross.errors).toBeUndefined();
    expect(cross.data.plan.citizen).toEqual({ firstName: me.firstName, lastName: tag });
    const printout = await federation.as(citizen(me.id), `query($id: ID!) { citizen(id: $id) { printablePlan(language: EN) } }`, {
      id: me.id,
    });
    expect(printout.errors).toBeUndefined();
    const doc = parseDocument(printout.data.citizen.printablePlan);
    expect(doc.text('#citizen')).toBe(`Plan for: ${me.firstName} ${tag}`);
    expect(doc.text('#goal')).toContain(`Mål for ${me.firstName}`);
    expect(doc.rows('tr.milestone').map((r) => r[0])).toEqual(['Overskredet skridt', 'Kommende skridt']);
    // Another citizen's plan: what an id that does not exist gives.
    const theirs = await federation.as(citizen(me.id), `query($id: ID!) { plan(id: $id) { longTermGoal } }`, { id: other.planId });
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data).toEqual({ plan: null });
  });

  it("gives an analyst milestone statistics but FORBIDDEN on a citizen's plan", async () => {
    const stats = await federation.as(analyst, `query($f: Date!, $t: Date!) { milestoneStatistics(from: $f, to: $t) { overdue open } }`, {
      f: addDays(today, -5),
      t: addDays(today, 15),
    });
    expect(stats.errors).toBeUndefined();
    // At least 50 of each were made above; published counts are cell-key perturbed by up to MAX_NOISE.
    expect(stats.data.milestoneStatistics.overdue).toBeGreaterThanOrEqual(50 - MAX_NOISE);
    expect(stats.data.milestoneStatistics.open).toBeGreaterThanOrEqual(50 - MAX_NOISE);
    const plan = await federation.as(analyst, `query($id: ID!) { citizen(id: $id) { status activePlan { longTermGoal } } }`, {
      id: people[0].id,
    });
    expect(errorCode(plan)).toBe('FORBIDDEN');
  });

  it('is UNAUTHENTICATED without a token', async () => {
    const res = await federation.request('{ progressionStatistics { dimension } }');
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });
});
