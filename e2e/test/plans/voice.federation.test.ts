import { citizensSubgraph } from '@jobcenter/citizens';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { Actor, addDays, todayInCopenhagen } from '@jobcenter/kit';
import { errorCode } from '@jobcenter/kit/testing';
import { plansSubgraph } from '@jobcenter/plans';
import { nextCpr, ok, teamLead, TEAM } from '@jobcenter/plans/test/builders';

/**
 * The citizen's voice end to end through the gateway: a real citizen and caseworker (citizens
 * service: who holds whom), the citizen scores, proposes, comments and confirms; the caseworker
 * decides; both read the plan with its voice; every read and change is on the access log.
 */
let federation: TestFederation;
let caseworker: Actor;
let me: Actor;
const today = todayInCopenhagen();

beforeAll(async () => {
  federation = await startTestFederation([citizensSubgraph, plansSubgraph]);
  const staff = ok(
    await federation.as(teamLead, `mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { id name role team } }`, {
      i: { name: 'Inger Holm', role: 'CASEWORKER', team: TEAM, email: `inger.voice.${Date.now()}@ryslinge.dk` },
    }),
  ).createStaffMember;
  caseworker = { id: staff.id, role: 'CASEWORKER', name: staff.name, team: staff.team };
  const registered = ok(
    await federation.as(caseworker, `mutation($i: RegisterCitizenInput!) { registerCitizen(input: $i) { id firstName } }`, {
      i: { cpr: nextCpr(), firstName: 'Ulla', lastName: 'Stemme', targetGroup: 'ACTIVITY_READY' },
    }),
  ).registerCitizen;
  ok(
    await federation.as(
      caseworker,
      `mutation($c: ID!, $s: ID!) { assignStaff(citizenId: $c, staffId: $s, role: CASEWORKER, from: "2026-01-01") { id } }`,
      { c: registered.id, s: caseworker.id },
    ),
  );
  me = { id: registered.id, role: 'CITIZEN', name: 'Ulla Stemme' };
}, 120_000);
afterAll(() => federation?.stop());

const VOICE = `query($id: ID!) { citizen(id: $id) {
  progress { assessedBy scores { dimension score } }
  activePlan { id version changedSinceConfirmed confirmations { planVersion agrees comment }
    comments { authorRole authorName text milestone { title } }
    milestones { id title status proposedByCitizen declineReason } } } }`;

describe("the citizen's voice through the gateway", () => {
  it('citizen and caseworker each have their say, and both read the same plan', async () => {
    const plan = ok(
      await federation.as(
        caseworker,
        `mutation($c: ID!) { createPlan(citizenId: $c, input: { longTermGoal: "Job i en børnehave" }) { id } }`,
        {
          c: me.id,
        },
      ),
    ).createPlan;
    ok(
      await federation.as(
        caseworker,
        `mutation($c: ID!) { recordProgress(citizenId: $c, input: { scores: [{ dimension: COPING, score: 3 }] }) { id } }`,
        {
          c: me.id,
        },
      ),
    );
    ok(
      await federation.as(
        me,
        `mutation($c: ID!) { recordSelfAssessment(citizenId: $c, input: { scores: [{ dimension: COPING, score: 6 }] }) { id } }`,
        {
          c: me.id,
        },
      ),
    );
    const proposal = ok(
      await federation.as(
        me,
        `mutation($p: ID!, $d: Date!) { proposeMilestone(planId: $p, input: { title: "Praktik i børnehave", deadline: $d }) { id } }`,
        {
          p: plan.id,
          d: addDays(today, 30),
        },
      ),
    ).proposeMilestone;
    ok(
      await federation.as(me, `mutation($p: ID!, $m: ID) { addPlanComment(planId: $p, text: "Jeg glæder mig.", milestoneId: $m) { id } }`, {
        p: plan.id,
        m: proposal.id,
      }),
    );
    ok(await federation.as(me, `mutation($p: ID!) { confirmPlan(planId: $p, agrees: true) { id } }`, { p: plan.id }));
    const refused = await federation.as(caseworker, `mutation($p: ID!) { confirmPlan(planId: $p, agrees: true) { id } }`, { p: plan.id });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    ok(
      await federation.as(caseworker, `mutation($id: ID!) { decideMilestoneProposal(id: $id, accept: true) { status } }`, {
        id: proposal.id,
      }),
    );

    for (const who of [me, caseworker]) {
      const citizen = ok(await federation.as(who, VOICE, { id: me.id })).citizen;
      expect(citizen.progress).toEqual([
        { assessedBy: 'STAFF', scores: [{ dimension: 'COPING', score: 3 }] },
        { assessedBy: 'CITIZEN', scores: [{ dimension: 'COPING', score: 6 }] },
      ]);
      expect(citizen.activePlan).toMatchObject({
        version: 2,
        changedSinceConfirmed: true,
        confirmations: [{ planVersion: 1, agrees: true, comment: null }],
        comments: [
          { authorRole: 'CITIZEN', authorName: 'Ulla Stemme', text: 'Jeg glæder mig.', milestone: { title: 'Praktik i børnehave' } },
        ],
        milestones: [{ title: 'Praktik i børnehave', status: 'PLANNED', proposedByCitizen: true, declineReason: null }],
      });
    }

    // Every read and change is on the citizen's access log in plans (Citizen.accessLog needs all four domains).
    const log = await federation.subgraphs.plans.dataSource.query(
      `SELECT DISTINCT operation, actor_role AS "actorRole" FROM kit_access_log WHERE citizen_id = $1 AND operation IN ('READ', 'CHANGE')`,
      [me.id],
    );
    for (const entry of [
      { operation: 'CHANGE', actorRole: 'CASEWORKER' },
      { operation: 'READ', actorRole: 'CASEWORKER' },
      { operation: 'CHANGE', actorRole: 'CITIZEN' },
      { operation: 'READ', actorRole: 'CITIZEN' },
    ]) {
      expect(log).toContainEqual(entry);
    }
  });

  it('shows a text over the limit at its field through the gateway', async () => {
    const plan = ok(await federation.as(me, `query($id: ID!) { citizen(id: $id) { activePlan { id } } }`, { id: me.id })).citizen
      .activePlan;
    const res = await federation.as(me, `mutation($p: ID!, $t: String!) { addPlanComment(planId: $p, text: $t) { id } }`, {
      p: plan.id,
      t: 'x'.repeat(4001),
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.field).toBe('text');
  });
});
