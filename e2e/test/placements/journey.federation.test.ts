import { citizensSubgraph } from '@jobcenter/citizens';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { addDays, todayInCopenhagen } from '@jobcenter/kit';
import { errorCode } from '@jobcenter/kit/testing';
import { plansSubgraph } from '@jobcenter/plans';
import { placementsSubgraph } from '@jobcenter/placements';
import { lastDayOfMonths, lastDayOfWeeks } from '@jobcenter/kit/calendar';
import { assignStaff, citizenActor, nextCpr, nextCvr, ok, staffActor, teamLead, TEAM } from '@jobcenter/placements/test/builders';

/** Through the gateway, with the citizens and plans subgraphs: what a job consultant's tool sees. */
let federation: TestFederation;
let jens: ReturnType<typeof staffActor>;
/** Bent's caseworker, a real staff member: the caseload policy follows assignments. */
let caseworker: ReturnType<typeof staffActor>;
const today = todayInCopenhagen();

beforeAll(async () => {
  federation = await startTestFederation([citizensSubgraph, plansSubgraph, placementsSubgraph]);
  const staff = ok(
    await federation.as(
      teamLead,
      `mutation { createStaffMember(input: {
      name: "Jens Kjær", role: JOB_CONSULTANT, email: "jens.kjaer.${Date.now()}@ryslinge.dk", team: "${TEAM}" }) { id name role team } }`,
    ),
  ).createStaffMember;
  jens = staffActor(staff);
  caseworker = staffActor(
    ok(
      await federation.as(
        teamLead,
        `mutation { createStaffMember(input: {
      name: "Inger Holm", role: CASEWORKER, email: "inger.holm.${Date.now()}@ryslinge.dk", team: "${TEAM}" }) { id name role team } }`,
      ),
    ).createStaffMember,
  );
}, 60_000);
afterAll(() => federation.stop());

async function citizenWithPlan(firstName: string, lastName: string, targetGroup: string, goal: string) {
  const c = ok(
    await federation.as(caseworker, `mutation($i: RegisterCitizenInput!) { registerCitizen(input: $i) { id } }`, {
      i: { cpr: nextCpr(), firstName, lastName, targetGroup },
    }),
  ).registerCitizen;
  await assignStaff({ as: federation.as }, c.id, [caseworker, jens], addDays(today, -240));
  ok(
    await federation.as(caseworker, `mutation($c: ID!, $i: CreatePlanInput!) { createPlan(citizenId: $c, input: $i) { id } }`, {
      c: c.id,
      i: { longTermGoal: goal, startDate: addDays(today, -240) },
    }),
  );
  return c.id as string;
}

const PROPOSE = `mutation($i: ProposePlacementInput!) { proposePlacement(input: $i) { id status maxEndDate targetGroupAtStart } }`;
/** Bent's and the others' kick-offs are not the point here (pathway.federation.test.ts holds them): each start records why. */
const START = ', startWithoutKickoffReason: "Opstartsmødet blev holdt før systemet kom i brug"';
const step = (mutation: string, args = '') => `mutation($id: ID!) { ${mutation}(id: $id${args}) { id status outcome } }`;
const followUp = `mutation($id: ID!, $i: FollowUpInput!) { recordPlacementFollowUp(id: $id, input: $i) { followUps { date } } }`;

describe("Bent's journey: internship at the inn → 6 months' wage subsidy → a permanent full-time job", () => {
  let bent: string;
  let kro: string;
  const internStart = addDays(today, -230);
  const internEnd = lastDayOfWeeks(internStart, 4);
  const subsidyStart = addDays(internEnd, 1);
  const subsidyEnd = lastDayOfMonths(subsidyStart, 6);

  it('registers Kværndrup Kro, which the consultant then finds by CVR', async () => {
    bent = await citizenWithPlan('Bent', 'Nielsen', 'JOB_READY', 'Arbejde som kok igen, uden at ryggen sætter grænsen');
    const cvr = nextCvr();
    kro = ok(
      await federation.as(jens, `mutation($i: RegisterCompanyInput!) { registerCompany(input: $i) { id } }`, {
        i: {
          cvr,
          name: 'Kværndrup Kro',
          industry: 'Kro og restaurant',
          size: 'SMALL',
          partnership: true,
          contacts: [{ name: 'Kromutter', phone: '+45 62 27 10 01' }],
        },
      }),
    ).registerCompany.id;
    const found = ok(
      await federation.as(jens, `query($c: String!) { companyByCvr(cvr: $c) { id name partnership } }`, { c: cvr }),
    ).companyByCvr;
    expect(found).toEqual({ id: kro, name: 'Kværndrup Kro', partnership: true });
  });

  it('refuses a 5-week internship for a job-ready citizen, naming the latest end date', async () => {
    const tooLong = await federation.as(jens, PROPOSE, {
      i: { citizenId: bent, companyId: kro, kind: 'INTERNSHIP', startDate: internStart, endDate: lastDayOfWeeks(internStart, 5) },
    });
    expect(errorCode(tooLong)).toBe('BAD_USER_INPUT');
    expect(tooLong.errors![0].message).toContain(`4 weeks: starting ${internStart}, the latest allowed end date is ${internEnd}`);
  });

  it('takes the internship from proposal to completion with another placement as the outcome', async () => {
    const p = ok(
      await federation.as(jens, PROPOSE, {
        i: {
          citizenId: bent,
          companyId: kro,
          kind: 'INTERNSHIP',
          purpose: 'CLARIFICATION',
          startDate: internStart,
          endDate: internEnd,
          hoursPerWeek: 25,
        },
      }),
    ).proposePlacement;
    expect(p).toMatchObject({ status: 'PROPOSED', maxEndDate: internEnd, targetGroupAtStart: 'JOB_READY' });
    expect(ok(await federation.as(jens, step('agreePlacement'), { id: p.id })).agreePlacement.status).toBe('AGREED');
    expect(ok(await federation.as(jens, step('startPlacement', START), { id: p.id })).startPlacement.status).toBe('ACTIVE');
    ok(
      await federation.as(jens, followUp, {
        id: p.id,
        i: { date: addDays(internStart, 7), note: 'Kroen er glad for Bent; ryggen holder.' },
      }),
    );
    ok(
      await federation.as(jens, followUp, {
        id: p.id,
        i: { date: addDays(internStart, 21), note: 'Kroen vil ansætte Bent i løntilskud.' },
      }),
    );
    const done = ok(
      await federation.as(jens, step('completePlacement', `, outcome: OTHER_PLACEMENT, endedOn: "${internEnd}"`), { id: p.id }),
    );
    expect(done.completePlacement).toMatchObject({ status: 'COMPLETED', outcome: 'OTHER_PLACEMENT' });
  });

  it("refuses 7 months' private wage subsidy, then runs 6 months to ordinary employment", async () => {
    const tooLong = await federation.as(jens, PROPOSE, {
      i: {
        citizenId: bent,
        companyId: kro,
        kind: 'WAGE_SUBSIDY_PRIVATE',
        startDate: subsidyStart,
        endDate: lastDayOfMonths(subsidyStart, 7),
      },
    });
    expect(errorCode(tooLong)).toBe('BAD_USER_INPUT');
    expect(tooLong.errors![0].message).toMatch(/LAB §§ 68–69.*6 months.*latest allowed end date is/);
    const p = ok(
      await federation.as(jens, PROPOSE, {
        i: {
          citizenId: bent,
          companyId: kro,
          kind: 'WAGE_SUBSIDY_PRIVATE',
          purpose: 'UPSKILLING',
          startDate: subsidyStart,
          endDate: subsidyEnd,
          hoursPerWeek: 37,
        },
      }),
    ).proposePlacement;
    expect(p.maxEndDate).toBe(subsidyEnd);
    ok(await federation.as(jens, step('agreePlacement'), { id: p.id }));
    ok(await federation.as(jens, step('startPlacement', START), { id: p.id }));
    for (const days of [30, 90, 170]) {
      ok(
        await federation.as(jens, followUp, { id: p.id, i: { date: addDays(subsidyStart, days), note: `Opfølgning efter ${days} dage` } }),
      );
    }
    const done = ok(
      await federation.as(jens, step('completePlacement', `, outcome: ORDINARY_EMPLOYMENT, endedOn: "${subsidyEnd}"`), { id: p.id }),
    );
    expect(done.completePlacement).toMatchObject({ status: 'COMPLETED', outcome: 'ORDINARY_EMPLOYMENT' });
  });

  it("shows Bent's whole story on his record, to his caseworker and to Bent himself", async () => {
    const QUERY = `query($id: ID!) { citizen(id: $id) { firstName activePlan { longTermGoal } activePlacement { id }
      placements { kind status outcome startDate endDate company { name } followUps { date } jobConsultant { name } } } }`;
    const expected = {
      firstName: 'Bent',
      activePlan: { longTermGoal: 'Arbejde som kok igen, uden at ryggen sætter grænsen' },
      activePlacement: null,
      placements: [
        {
          kind: 'WAGE_SUBSIDY_PRIVATE',
          status: 'COMPLETED',
          outcome: 'ORDINARY_EMPLOYMENT',
          startDate: subsidyStart,
          endDate: subsidyEnd,
          company: { name: 'Kværndrup Kro' },
          followUps: [30, 90, 170].map((d) => ({ date: addDays(subsidyStart, d) })),
          jobConsultant: { name: 'Jens Kjær' },
        },
        {
          kind: 'INTERNSHIP',
          status: 'COMPLETED',
          outcome: 'OTHER_PLACEMENT',
          startDate: internStart,
          endDate: internEnd,
          company: { name: 'Kværndrup Kro' },
          followUps: [{ date: addDays(internStart, 7) }, { date: addDays(internStart, 21) }],
          jobConsultant: { name: 'Jens Kjær' },
        },
      ],
    };
    expect(ok(await federation.as(caseworker, QUERY, { id: bent })).citizen).toEqual(expected);
    const own = ok(
      await federation.as(citizenActor(bent, 'Bent'), `query($id: ID!) { citizen(id: $id) { placements { kind outcome } } }`, { id: bent }),
    );
    expect(own.citizen.placements).toEqual([
      { kind: 'WAGE_SUBSIDY_PRIVATE', outcome: 'ORDINARY_EMPLOYMENT' },
      { kind: 'INTERNSHIP', outcome: 'OTHER_PLACEMENT' },
    ]);
  });

  it('counts the journey in the placement statistics an analyst sees', async () => {
    const stats = ok(
      await federation.as(
        { id: jens.id, role: 'ANALYST', name: 'Karin Dahl', team: TEAM },
        `query($f: Date!, $t: Date!) { placementStatistics(from: $f, to: $t) { completed toOrdinaryEmployment toEducation employmentRate byKind { key count } suppressed } }`,
        { f: internStart, t: today },
      ),
    ).placementStatistics;
    // Bent's two placements are one person's: the analyst sees that figures are withheld, not Bent's story.
    expect(stats).toMatchObject({ completed: 0, toOrdinaryEmployment: 0, toEducation: 0, employmentRate: null });
    expect(stats.suppressed).toEqual(
      expect.arrayContaining(['completed', 'toOrdinaryEmployment', 'byKind.INTERNSHIP', 'byKind.WAGE_SUBSIDY_PRIVATE']),
    );
    expect(stats.byKind).toEqual(expect.arrayContaining([{ key: 'FLEXJOB', count: 0 }]));
    expect(stats.byKind.map((c: { key: string }) => c.key)).not.toContain('INTERNSHIP');
  });
});

describe("the job consultant's list", () => {
  let svendPlacement: string;
  let linePlacement: string;

  beforeAll(async () => {
    const svend = await citizenWithPlan('Svend', 'Madsen', 'ACTIVITY_READY', 'Uddannet anlægsgartner, derefter fast arbejde');
    const line = await citizenWithPlan('Line', 'Petersen', 'EDUCATION_READY', 'Ordinært job, derefter uddannelse på SU');
    const gartner = ok(
      await federation.as(
        jens,
        `mutation($c: String!) { registerCompany(input: { cvr: $c, name: "Ringe Anlægsgartner ApS", size: SMALL }) { id } }`,
        { c: nextCvr() },
      ),
    ).registerCompany.id;
    const faber = ok(
      await federation.as(jens, `mutation($c: String!) { registerCompany(input: { cvr: $c, name: "Faber A/S", size: LARGE }) { id } }`, {
        c: nextCvr(),
      }),
    ).registerCompany.id;
    const start = async (input: Record<string, unknown>) => {
      const id = ok(await federation.as(jens, PROPOSE, { i: input })).proposePlacement.id;
      ok(await federation.as(jens, step('agreePlacement'), { id }));
      ok(await federation.as(jens, step('startPlacement', START), { id }));
      return id as string;
    };
    svendPlacement = await start({
      citizenId: svend,
      companyId: gartner,
      kind: 'WAGE_SUBSIDY_PRIVATE',
      startDate: addDays(today, -30),
      endDate: addDays(today, 120),
    });
    ok(await federation.as(jens, followUp, { id: svendPlacement, i: { date: addDays(today, -20), note: 'Godt i gang' } }));
    linePlacement = await start({
      citizenId: line,
      companyId: faber,
      kind: 'ORDINARY_JOB',
      startDate: addDays(today, -60),
      endDate: addDays(today, 10),
    });
    ok(await federation.as(jens, followUp, { id: linePlacement, i: { note: 'Vikariatet slutter snart' } }));
  }, 60_000);

  it("lists Jens's active placements with the citizens' names and plan goals", async () => {
    const res = ok(
      await federation.as(
        jens,
        `query($id: ID!) { staffMember(id: $id) { name
        placements(status: ACTIVE) { id endDate company { name } citizen { firstName lastName activePlan { longTermGoal } } } } }`,
        { id: jens.id },
      ),
    );
    expect(res.staffMember).toEqual({
      name: 'Jens Kjær',
      placements: [
        {
          id: linePlacement,
          endDate: addDays(today, 10),
          company: { name: 'Faber A/S' },
          citizen: { firstName: 'Line', lastName: 'Petersen', activePlan: { longTermGoal: 'Ordinært job, derefter uddannelse på SU' } },
        },
        {
          id: svendPlacement,
          endDate: addDays(today, 120),
          company: { name: 'Ringe Anlægsgartner ApS' },
          citizen: {
            firstName: 'Svend',
            lastName: 'Madsen',
            activePlan: { longTermGoal: 'Uddannet anlægsgartner, derefter fast arbejde' },
          },
        },
      ],
    });
  });

  it('narrows the list to placements ending within 14 days', async () => {
    const res = ok(
      await federation.as(jens, `query($id: ID!) { staffMember(id: $id) { placements(endingWithinDays: 14) { citizen { firstName } } } }`, {
        id: jens.id,
      }),
    );
    expect(res.staffMember.placements).toEqual([{ citizen: { firstName: 'Line' } }]);
  });

  it('says what needs attention today and why', async () => {
    const res = ok(
      await federation.as(
        jens,
        `query($id: ID!) { staffMember(id: $id) {
        placementsNeedingAttention { reasons placement { citizen { firstName } lastFollowUpDate } } } }`,
        { id: jens.id },
      ),
    );
    expect(res.staffMember.placementsNeedingAttention).toEqual([
      { reasons: ['ENDING_SOON'], placement: { citizen: { firstName: 'Line' }, lastFollowUpDate: today } },
      { reasons: ['NO_RECENT_FOLLOW_UP'], placement: { citizen: { firstName: 'Svend' }, lastFollowUpDate: addDays(today, -20) } },
    ]);
  });

  it('is FORBIDDEN for an analyst, and UNAUTHENTICATED without a token', async () => {
    const asAnalyst = await federation.as(
      { id: jens.id, role: 'ANALYST', name: 'Karin Dahl', team: TEAM },
      `query($id: ID!) { staffMember(id: $id) { placements { id } } }`,
      { id: jens.id },
    );
    expect(errorCode(asAnalyst)).toBe('FORBIDDEN');
    const anonymous = await federation.request(`{ placementStatistics(from: "2026-01-01", to: "2026-12-31") { active } }`);
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
  });
});
