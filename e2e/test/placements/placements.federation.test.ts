import { randomUUID } from 'node:crypto';
import { citizensSubgraph } from '@jobcenter/citizens';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { Actor, addDays, todayInCopenhagen } from '@jobcenter/kit';
import { errorCode, postGraphQL, TestSubgraph } from '@jobcenter/kit/testing';
import { placementsSubgraph } from '@jobcenter/placements';
import { perturbedAround } from '@jobcenter/kit/testing';
import {
  act,
  analyst,
  assignStaff,
  citizenActor,
  createStaff,
  nextCvr,
  ok,
  proposePlacement,
  registerCitizen as registerUnassigned,
  registerCompany,
  staffActor,
} from '@jobcenter/placements/test/builders';

/**
 * The placements subgraph over HTTP, called directly as the gateway would. The citizens subgraph
 * runs beside it because proposing and starting a placement asks it for the target group.
 */
let federation: TestFederation;
let placements: TestSubgraph;
let citizens: TestSubgraph;
let jens: { id: string; name: string; role: string; team: string };
let inger: { id: string; name: string; role: string; team: string };
/** Inger, the caseworker assigned (with Jens) to every citizen the tests register. */
let caseworker: Actor;
let company: { id: string; cvr: string };
const today = todayInCopenhagen();

beforeAll(async () => {
  federation = await startTestFederation([citizensSubgraph, placementsSubgraph]);
  placements = federation.subgraphs.placements;
  citizens = federation.subgraphs.citizens;
  jens = await createStaff(citizens, { name: 'Jens Kjær', role: 'JOB_CONSULTANT' });
  inger = await createStaff(citizens, { name: 'Inger Holm', role: 'CASEWORKER' });
  caseworker = staffActor(inger);
  company = await registerCompany(placements, { name: 'Kværndrup Kro', size: 'SMALL', partnership: true });
}, 60_000);
afterAll(() => federation.stop());

const consultant = () => staffActor(jens);
/** These tests are about the lifecycle, not the kick-off (e2e/test/placements/pathway.federation.test.ts): each start records why. */
const START = ', startWithoutKickoffReason: "Opstartsmødet holdes ikke i denne test"';

/** A citizen in Inger's and Jens' caseload. */
async function registerCitizen(api: TestSubgraph, input: Record<string, unknown> = {}) {
  const citizen = await registerUnassigned(api, input);
  await assignStaff(api, citizen.id, [inger, jens]);
  return citizen;
}

async function agreedPlacement(citizenId: string, startDate: string, endDate: string, kind = 'INTERNSHIP') {
  const proposed = ok(
    await proposePlacement(placements, consultant(), { citizenId, companyId: company.id, kind, startDate, endDate }),
  ).proposePlacement;
  ok(await act(placements, consultant(), 'agreePlacement', proposed.id));
  return proposed.id as string;
}

describe('the database schema', () => {
  it('is exactly what the migrations make (no drift between entities and migrations)', async () => {
    const pending = await placements.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});

describe('companies', () => {
  it('registers a company with contacts and finds it by CVR, spaces allowed', async () => {
    const cvr = nextCvr();
    const res = await placements.as(
      consultant(),
      `mutation($i: RegisterCompanyInput!) { registerCompany(input: $i) {
        id cvr name industry size partnership contacts { name phone email } } }`,
      {
        i: {
          cvr,
          name: ' Ringe Anlægsgartner ApS ',
          industry: 'Anlægsgartner',
          size: 'SMALL',
          partnership: true,
          contacts: [{ name: 'Poul Gartner', phone: '+45 62 62 20 02' }],
        },
      },
    );
    expect(ok(res).registerCompany).toMatchObject({
      cvr,
      name: 'Ringe Anlægsgartner ApS',
      size: 'SMALL',
      partnership: true,
      contacts: [{ name: 'Poul Gartner', phone: '+45 62 62 20 02', email: null }],
    });
    const spaced = `${cvr.slice(0, 2)} ${cvr.slice(2, 4)} ${cvr.slice(4, 6)} ${cvr.slice(6)}`;
    const found = await placements.as(analyst, `query($c: String!) { companyByCvr(cvr: $c) { name } }`, { c: spaced });
    expect(ok(found).companyByCvr).toEqual({ name: 'Ringe Anlægsgartner ApS' });
  });

  it("refuses a company's contact persons through _entities to whoever company(id) refuses (a citizen, a service)", async () => {
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Company { name contacts { name phone } } } }`;
    const r = [{ __typename: 'Company', id: company.id }];
    const service: Actor = { id: 'plans', role: 'SERVICE', name: 'plans' };
    for (const actor of [citizenActor(randomUUID()), service]) {
      const byId = await placements.as(actor, `query($id: ID!) { company(id: $id) { name } }`, { id: company.id });
      expect(errorCode(byId)).toBe('FORBIDDEN');
      const res = await placements.as(actor, ENTITIES, { r });
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(JSON.stringify(res)).not.toContain('Kværndrup');
    }
    expect(ok(await placements.as(analyst, ENTITIES, { r }))._entities[0].name).toBe('Kværndrup Kro');
  });

  it('is a CONFLICT for a CVR number already registered', async () => {
    const res = await placements.as(consultant(), `mutation($c: String!) { registerCompany(input: { cvr: $c, name: "Igen" }) { id } }`, {
      c: company.cvr,
    });
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toContain(`CVR number ${company.cvr} is already registered`);
  });

  it('lets only one of simultaneous registrations of one CVR number through', async () => {
    const cvr = nextCvr();
    const register = () =>
      placements.as(consultant(), `mutation($c: String!) { registerCompany(input: { cvr: $c, name: "Faber A/S" }) { id } }`, { c: cvr });
    const results = await Promise.all([register(), register(), register()]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(2);
  });

  it('refuses a CVR number failing modulus-11 with BAD_USER_INPUT naming the field', async () => {
    const res = await placements.as(consultant(), `mutation { registerCompany(input: { cvr: "35182102", name: "Forkert" }) { id } }`);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.field).toBe('cvr');
    expect(res.errors![0].message).toMatch(/modulus-11/);
  });

  it('says which contact field is wrong', async () => {
    const res = await placements.as(
      consultant(),
      `mutation($c: String!) { registerCompany(input: { cvr: $c, name: "X", contacts: [{ name: "A", email: "nope" }] }) { id } }`,
      { c: nextCvr() },
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/email: must be an e-mail address/);
  });

  it('returns null for an unknown or malformed company id, without an error', async () => {
    const res = await placements.as(consultant(), `query($a: ID!) { a: company(id: $a) { id } b: company(id: "not-a-uuid") { id } }`, {
      a: randomUUID(),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: null, b: null });
  });

  it('is FORBIDDEN for citizens to look companies up, and for analysts to register them', async () => {
    const asCitizen = await placements.as(citizenActor(randomUUID()), `query($id: ID!) { company(id: $id) { name } }`, { id: company.id });
    expect(errorCode(asCitizen)).toBe('FORBIDDEN');
    const asAnalyst = await placements.as(analyst, `mutation($c: String!) { registerCompany(input: { cvr: $c, name: "X" }) { id } }`, {
      c: nextCvr(),
    });
    expect(errorCode(asAnalyst)).toBe('FORBIDDEN');
  });
});

describe('proposePlacement', () => {
  it('snapshots the target group the citizens service records, and shows the latest allowed end date', async () => {
    const c = await registerCitizen(citizens, { targetGroup: 'JOB_READY' });
    const res = await proposePlacement(placements, consultant(), {
      citizenId: c.id,
      companyId: company.id,
      kind: 'INTERNSHIP',
      startDate: '2026-03-02',
      endDate: '2026-03-20',
      purpose: 'CLARIFICATION',
    });
    expect(ok(res).proposePlacement).toMatchObject({
      status: 'PROPOSED',
      targetGroupAtStart: 'JOB_READY',
      maxEndDate: '2026-03-29',
      citizen: { id: c.id },
      company: { id: company.id, name: 'Kværndrup Kro' },
    });
    const more = await placements.as(
      consultant(),
      `query($id: ID!) { placement(id: $id) { jobConsultant { id } rule { code source maxLength extension } extendableUntil } }`,
      { id: res.data.proposePlacement.id },
    );
    expect(ok(more).placement).toEqual({
      jobConsultant: { id: jens.id },
      rule: { code: 'LAB-61-INTERNSHIP-4W', source: 'LAB § 61', maxLength: '4 weeks', extension: null },
      extendableUntil: '2026-03-29',
    });
  });

  it('refuses an internship one day past the maximum with BAD_USER_INPUT naming rule, limit and latest end date', async () => {
    const c = await registerCitizen(citizens, { targetGroup: 'JOB_READY' });
    const res = await proposePlacement(placements, consultant(), {
      citizenId: c.id,
      companyId: company.id,
      kind: 'INTERNSHIP',
      startDate: '2026-03-02',
      endDate: '2026-03-30',
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.field).toBe('endDate');
    expect(res.errors![0].message).toMatch(
      /LAB § 61, rule LAB-61-INTERNSHIP-4W\) may last at most 4 weeks.*latest allowed end date is 2026-03-29/,
    );
  });

  it('uses the recorded target group, not one a client could claim: 13 weeks for an activity-ready citizen', async () => {
    const c = await registerCitizen(citizens, { targetGroup: 'ACTIVITY_READY' });
    const res = await proposePlacement(placements, consultant(), {
      citizenId: c.id,
      companyId: company.id,
      kind: 'INTERNSHIP',
      startDate: '2026-03-02',
      endDate: '2026-05-31',
    });
    expect(ok(res).proposePlacement).toMatchObject({ targetGroupAtStart: 'ACTIVITY_READY', maxEndDate: '2026-05-31' });
    // The input type has no target group at all: a client cannot send one.
    const claim = await proposePlacement(placements, consultant(), {
      citizenId: c.id,
      companyId: company.id,
      kind: 'INTERNSHIP',
      startDate: '2026-03-02',
      endDate: '2026-05-31',
      targetGroup: 'SICKNESS_BENEFIT',
    });
    expect(errorCode(claim)).toBe('BAD_USER_INPUT');
  });

  it('is BAD_USER_INPUT naming the field for a citizen the citizens service does not know, a company or a job consultant that does not exist', async () => {
    const c = await registerCitizen(citizens);
    const base = { citizenId: c.id, companyId: company.id, kind: 'INTERNSHIP', startDate: '2026-03-02', endDate: '2026-03-10' };
    for (const [input, field, what] of [
      [{ ...base, citizenId: randomUUID() }, 'citizenId', 'citizen'],
      [{ ...base, companyId: randomUUID() }, 'companyId', 'company'],
      [{ ...base, jobConsultantId: randomUUID() }, 'jobConsultantId', 'staff member'],
    ] as const) {
      const res = await proposePlacement(placements, caseworker, input);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(res.errors![0].message).toMatch(new RegExp(`^${field}: there is no ${what} with id `));
    }
  });

  it('says what is wrong with the hours per week', async () => {
    const c = await registerCitizen(citizens);
    const res = await proposePlacement(placements, consultant(), {
      citizenId: c.id,
      companyId: company.id,
      kind: 'INTERNSHIP',
      startDate: '2026-03-02',
      endDate: '2026-03-10',
      hoursPerWeek: 60,
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/hoursPerWeek: must be at most 48 hours/);
  });

  it('refuses an end date before the start date', async () => {
    const c = await registerCitizen(citizens);
    const res = await proposePlacement(placements, consultant(), {
      citizenId: c.id,
      companyId: company.id,
      kind: 'INTERNSHIP',
      startDate: '2026-03-02',
      endDate: '2026-03-01',
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/before the start date/);
  });

  it('is INTERNAL_SERVER_ERROR, with nothing saved or leaked, when the citizens service cannot be reached', async () => {
    const c = await registerCitizen(citizens);
    const saved = process.env.CITIZENS_URL;
    process.env.CITIZENS_URL = 'http://127.0.0.1:9/graphql';
    try {
      const res = await proposePlacement(placements, consultant(), {
        citizenId: c.id,
        companyId: company.id,
        kind: 'INTERNSHIP',
        startDate: '2026-03-02',
        endDate: '2026-03-10',
      });
      expect(errorCode(res)).toBe('INTERNAL_SERVER_ERROR');
      expect(res.errors![0].message).not.toMatch(/127\.0\.0\.1|fetch|citizens/);
    } finally {
      process.env.CITIZENS_URL = saved;
    }
    const list = await placements.as(
      caseworker,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { placements { id } } } }`,
      { r: [{ __typename: 'Citizen', id: c.id }] },
    );
    expect(ok(list)._entities).toEqual([{ placements: [] }]);
  });
});

describe('placementLimit (the legal maximum before proposing)', () => {
  const LIMIT = `query($citizenId: ID!, $kind: PlacementKind!, $startDate: Date!) {
    placementLimit(citizenId: $citizenId, kind: $kind, startDate: $startDate) {
      targetGroup maxEndDate refusal rule { code source maxLength extension } } }`;

  it("gives the latest end date and the rule for the citizen's recorded target group, the one a proposal is judged by", async () => {
    const c = await registerCitizen(citizens, { targetGroup: 'JOB_READY' });
    const res = await placements.as(consultant(), LIMIT, { citizenId: c.id, kind: 'INTERNSHIP', startDate: '2026-03-02' });
    expect(ok(res).placementLimit).toEqual({
      targetGroup: 'JOB_READY',
      maxEndDate: '2026-03-29',
      refusal: null,
      rule: { code: 'LAB-61-INTERNSHIP-4W', source: 'LAB § 61', maxLength: '4 weeks', extension: null },
    });
    const day = await proposePlacement(placements, consultant(), {
      citizenId: c.id,
      companyId: company.id,
      kind: 'INTERNSHIP',
      startDate: '2026-03-02',
      endDate: '2026-03-30',
    });
    expect(res.data!.placementLimit.maxEndDate).toBe('2026-03-29');
    expect(errorCode(day)).toBe('BAD_USER_INPUT');
  });

  it('has no maximum for an ordinary job, and says when no rule allows the kind for the group', async () => {
    const c = await registerCitizen(citizens, { targetGroup: 'FAMILY_SUPPORT' });
    const job = await placements.as(consultant(), LIMIT, { citizenId: c.id, kind: 'ORDINARY_JOB', startDate: '2026-03-02' });
    expect(ok(job).placementLimit).toEqual({ targetGroup: 'FAMILY_SUPPORT', maxEndDate: null, refusal: null, rule: null });
    const intern = await placements.as(consultant(), LIMIT, { citizenId: c.id, kind: 'INTERNSHIP', startDate: '2026-03-02' });
    expect(ok(intern).placementLimit).toMatchObject({
      maxEndDate: null,
      rule: null,
      refusal: expect.stringMatching(/No rule in force on 2026-03-02 allows INTERNSHIP/),
    });
  });

  it('is FORBIDDEN outside the caseload and for analysts and citizens; an unknown citizen is BAD_USER_INPUT at citizenId, as for proposePlacement', async () => {
    const c = await registerUnassigned(citizens);
    const stranger = await placements.as(consultant(), LIMIT, { citizenId: c.id, kind: 'INTERNSHIP', startDate: '2026-03-02' });
    expect(errorCode(stranger)).toBe('FORBIDDEN');
    for (const who of [analyst, citizenActor(c.id)]) {
      expect(errorCode(await placements.as(who, LIMIT, { citizenId: c.id, kind: 'INTERNSHIP', startDate: '2026-03-02' }))).toBe(
        'FORBIDDEN',
      );
    }
    const unknown = await placements.as(consultant(), LIMIT, { citizenId: randomUUID(), kind: 'INTERNSHIP', startDate: '2026-03-02' });
    expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0].extensions?.field).toBe('citizenId');
  });
});

describe('the lifecycle', () => {
  it('runs PROPOSED → AGREED → ACTIVE → COMPLETED with an outcome', async () => {
    const c = await registerCitizen(citizens);
    const id = await agreedPlacement(c.id, addDays(today, -10), addDays(today, 30));
    expect(ok(await act(placements, consultant(), 'startPlacement', id, START)).startPlacement.status).toBe('ACTIVE');
    const done = await act(placements, consultant(), 'completePlacement', id, ', outcome: EDUCATION');
    expect(ok(done).completePlacement).toMatchObject({ status: 'COMPLETED', outcome: 'EDUCATION' });
  });

  it.each([
    ['start a PROPOSED placement', [], 'startPlacement', '', /PROPOSED cannot be started; only AGREED placements can/],
    ['agree twice', ['agreePlacement'], 'agreePlacement', '', /AGREED cannot be agreed/],
    ['complete an AGREED placement', ['agreePlacement'], 'completePlacement', ', outcome: EDUCATION', /AGREED cannot be completed/],
    [
      'cancel a COMPLETED placement',
      ['agreePlacement', 'startPlacement', 'completePlacement'],
      'cancelPlacement',
      ', reason: "x"',
      /COMPLETED cannot be cancelled/,
    ],
  ])('is a CONFLICT to %s', async (_what, before, mutation, args, message) => {
    const c = await registerCitizen(citizens);
    const id = ok(
      await proposePlacement(placements, consultant(), {
        citizenId: c.id,
        companyId: company.id,
        kind: 'INTERNSHIP',
        startDate: addDays(today, -5),
        endDate: addDays(today, 20),
      }),
    ).proposePlacement.id;
    for (const step of before) {
      ok(
        await act(
          placements,
          consultant(),
          step,
          id,
          step === 'completePlacement' ? ', outcome: EDUCATION' : step === 'startPlacement' ? START : '',
        ),
      );
    }
    const res = await act(placements, consultant(), mutation, id, args);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toMatch(message);
  });

  it("calls an agreed placement off with a reason (Ulla's internship)", async () => {
    const c = await registerCitizen(citizens);
    const id = await agreedPlacement(c.id, today, addDays(today, 30));
    const res = await placements.as(
      consultant(),
      `mutation($id: ID!) { cancelPlacement(id: $id, reason: "Ulla fik det for skidt; aflyst i samråd") { status cancelReason endedOn } }`,
      { id },
    );
    expect(ok(res).cancelPlacement).toEqual({
      status: 'CANCELLED',
      cancelReason: 'Ulla fik det for skidt; aflyst i samråd',
      endedOn: today,
    });
    const empty = await placements.as(consultant(), `mutation($id: ID!) { cancelPlacement(id: $id, reason: "  ") { status } }`, { id });
    expect(errorCode(empty)).toBe('BAD_USER_INPUT');
  });

  it('is NOT_FOUND to act on a placement that does not exist', async () => {
    for (const mutation of ['agreePlacement', 'startPlacement', 'completePlacement']) {
      const res = await act(
        placements,
        consultant(),
        mutation,
        randomUUID(),
        mutation === 'completePlacement' ? ', outcome: EDUCATION' : '',
      );
      expect(errorCode(res)).toBe('NOT_FOUND');
    }
  });

  it('refuses to start a second overlapping placement (CONFLICT) but allows one after the first ends', async () => {
    const c = await registerCitizen(citizens);
    const first = await agreedPlacement(c.id, addDays(today, -20), addDays(today, 10));
    const overlapping = await agreedPlacement(c.id, addDays(today, 5), addDays(today, 40));
    const later = await agreedPlacement(c.id, addDays(today, 11), addDays(today, 40));
    ok(await act(placements, consultant(), 'startPlacement', first, START));
    const clash = await act(placements, consultant(), 'startPlacement', overlapping, START);
    expect(errorCode(clash)).toBe('CONFLICT');
    expect(clash.errors![0].message).toMatch(/already has an active INTERNSHIP placement/);
    expect(ok(await act(placements, consultant(), 'startPlacement', later, START)).startPlacement.status).toBe('ACTIVE');
  });

  it('lets exactly one of many simultaneous starts of overlapping placements through', async () => {
    const c = await registerCitizen(citizens);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push(await agreedPlacement(c.id, addDays(today, -i), addDays(today, 20 + i)));
    const results = await Promise.all(ids.map((id) => act(placements, consultant(), 'startPlacement', id, START)));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(4);
    const active = await placements.as(
      caseworker,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { activePlacement { id } placements { status } } } }`,
      { r: [{ __typename: 'Citizen', id: c.id }] },
    );
    const [entity] = ok(active)._entities;
    expect(entity.placements.filter((p: { status: string }) => p.status === 'ACTIVE')).toHaveLength(1);
    expect(ids).toContain(entity.activePlacement.id);
  });
});

describe('the target group at the start', () => {
  const updateGroup = (id: string, targetGroup: string) =>
    citizens.as(
      caseworker,
      `mutation($id: ID!, $g: TargetGroup!) { updateCitizen(id: $id, expectedVersion: 1, input: { targetGroup: $g }) { targetGroup } }`,
      { id, g: targetGroup },
    );

  it('is read again when the placement starts, and snapshotted', async () => {
    const c = await registerCitizen(citizens, { targetGroup: 'ACTIVITY_READY' });
    const id = await agreedPlacement(c.id, addDays(today, -3), addDays(today, 20));
    ok(await updateGroup(c.id, 'SICKNESS_BENEFIT'));
    const res = await placements.as(consultant(), `mutation($id: ID!) { startPlacement(id: $id${START}) { status targetGroupAtStart } }`, {
      id,
    });
    expect(ok(res).startPlacement).toEqual({ status: 'ACTIVE', targetGroupAtStart: 'SICKNESS_BENEFIT' });
  });

  it('is a CONFLICT to start a placement the new target group no longer allows, naming the rule', async () => {
    const c = await registerCitizen(citizens, { targetGroup: 'ACTIVITY_READY' });
    const id = await agreedPlacement(c.id, '2026-03-02', '2026-05-31');
    ok(await updateGroup(c.id, 'JOB_READY'));
    const res = await act(placements, consultant(), 'startPlacement', id, START);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toMatch(/changed to JOB_READY.*LAB-61-INTERNSHIP-4W.*2026-03-29/);
  });
});

describe('follow-ups and extensions', () => {
  it('records dated follow-ups, refusing a date in the future', async () => {
    const c = await registerCitizen(citizens);
    const id = await agreedPlacement(c.id, addDays(today, -30), addDays(today, 30));
    ok(await act(placements, consultant(), 'startPlacement', id, START));
    const record = (date: string | null, note: string) =>
      placements.as(
        consultant(),
        `mutation($id: ID!, $i: FollowUpInput!) { recordPlacementFollowUp(id: $id, input: $i) { followUps { date note } lastFollowUpDate } }`,
        { id, i: { date, note } },
      );
    ok(await record(addDays(today, -16), 'Første opfølgning'));
    const res = ok(await record(null, 'I dag')).recordPlacementFollowUp;
    expect(res).toEqual({
      followUps: [
        { date: addDays(today, -16), note: 'Første opfølgning' },
        { date: today, note: 'I dag' },
      ],
      lastFollowUpDate: today,
    });
    const tomorrow = await record(addDays(today, 1), 'I morgen');
    expect(errorCode(tomorrow)).toBe('BAD_USER_INPUT');
    expect(tomorrow.errors![0].message).toMatch(/cannot be in the future/);
  });

  it('is a CONFLICT to extend an active placement into another active one', async () => {
    const c = await registerCitizen(citizens);
    const first = await agreedPlacement(c.id, addDays(today, -10), addDays(today, 5));
    const second = await agreedPlacement(c.id, addDays(today, 10), addDays(today, 30), 'ORDINARY_JOB');
    ok(await act(placements, consultant(), 'startPlacement', first, START));
    ok(await act(placements, consultant(), 'startPlacement', second, START));
    const res = await placements.as(
      consultant(),
      `mutation($id: ID!, $e: Date!) { extendPlacement(id: $id, endDate: $e, justification: "Mere tid") { endDate } }`,
      { id: first, e: addDays(today, 12) },
    );
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toMatch(/already has an active ORDINARY_JOB placement/);
  });

  it('is a CONFLICT to follow up on a cancelled placement', async () => {
    const c = await registerCitizen(citizens);
    const id = await agreedPlacement(c.id, today, addDays(today, 20));
    ok(await placements.as(consultant(), `mutation($id: ID!) { cancelPlacement(id: $id, reason: "Aflyst") { id } }`, { id }));
    const res = await placements.as(consultant(), `mutation($id: ID!) { recordPlacementFollowUp(id: $id, input: { note: "x" }) { id } }`, {
      id,
    });
    expect(errorCode(res)).toBe('CONFLICT');
  });

  it('extends a 13-week internship with a justification to 26 weeks, and not a day more', async () => {
    const c = await registerCitizen(citizens, { targetGroup: 'SICKNESS_BENEFIT' });
    const id = await agreedPlacement(c.id, '2026-03-02', '2026-05-31');
    const extend = (endDate: string) =>
      placements.as(
        consultant(),
        `mutation($id: ID!, $e: Date!) { extendPlacement(id: $id, endDate: $e, justification: "Afklaring kræver mere tid") {
          endDate maxEndDate extendableUntil extensions { previousEndDate newEndDate justification } } }`,
        { id, e: endDate },
      );
    const refused = await extend('2026-08-31');
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toMatch(/LAB-61-INTERNSHIP-13W.*latest allowed end date is 2026-08-30/);
    expect(ok(await extend('2026-08-30')).extendPlacement).toEqual({
      endDate: '2026-08-30',
      maxEndDate: '2026-05-31',
      extendableUntil: '2026-11-29',
      extensions: [{ previousEndDate: '2026-05-31', newEndDate: '2026-08-30', justification: 'Afklaring kræver mere tid' }],
    });
    const shorter = await extend('2026-08-01');
    expect(errorCode(shorter)).toBe('BAD_USER_INPUT');
  });
});

describe('who may see placements', () => {
  let citizenId: string;
  let placementId: string;
  beforeAll(async () => {
    citizenId = (await registerCitizen(citizens)).id;
    placementId = await agreedPlacement(citizenId, today, addDays(today, 20));
  });

  it('lets the citizen read their own placement; another citizen gets what an unknown id gives', async () => {
    const own = await placements.as(citizenActor(citizenId), `query($id: ID!) { placement(id: $id) { id company { name } } }`, {
      id: placementId,
    });
    expect(ok(own).placement).toEqual({ id: placementId, company: { name: 'Kværndrup Kro' } });
    const stranger = citizenActor(randomUUID());
    const other = await placements.as(stranger, `query($id: ID!) { placement(id: $id) { id company { name } } }`, { id: placementId });
    expect(other).toEqual(
      await placements.as(stranger, `query($id: ID!) { placement(id: $id) { id company { name } } }`, { id: randomUUID() }),
    );
    expect(other.data).toEqual({ placement: null });
  });

  it("is FORBIDDEN for staff outside the citizen's caseload, by id, by entity and on every change", async () => {
    const ole = staffActor(await createStaff(citizens, { name: 'Ole Vest', role: 'JOB_CONSULTANT' }));
    const reads = [
      await placements.as(ole, `query($id: ID!) { placement(id: $id) { id company { name } } }`, { id: placementId }),
      await placements.as(ole, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Placement { id startDate } } }`, {
        r: [{ __typename: 'Placement', id: placementId }],
      }),
      await placements.as(ole, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { placements { id } } } }`, {
        r: [{ __typename: 'Citizen', id: citizenId }],
      }),
      await act(placements, ole, 'cancelPlacement', placementId, ', reason: "x"'),
      await proposePlacement(placements, ole, {
        citizenId,
        companyId: company.id,
        kind: 'INTERNSHIP',
        startDate: today,
        endDate: addDays(today, 5),
      }),
    ];
    for (const res of reads) {
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(JSON.stringify(res)).not.toContain(placementId);
    }
    // A company's placements and a colleague's list show him none of them.
    const lists = await placements.as(
      ole,
      `query($id: ID!, $r: [_Any!]!) { company(id: $id) { placements { id } }
      _entities(representations: $r) { ... on StaffMember { placements { id } } } }`,
      { id: company.id, r: [{ __typename: 'StaffMember', id: jens.id }] },
    );
    expect(ok(lists)).toEqual({ company: { placements: [] }, _entities: [{ placements: [] }] });
  });

  it('gives analysts FORBIDDEN on placements but the statistics', async () => {
    const res = await placements.as(analyst, `query($id: ID!) { placement(id: $id) { id } }`, { id: placementId });
    expect(errorCode(res)).toBe('FORBIDDEN');
    const list = await placements.as(
      analyst,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { placements { id } } } }`,
      { r: [{ __typename: 'Citizen', id: citizenId }] },
    );
    expect(errorCode(list)).toBe('FORBIDDEN');
    const stats = await placements.as(analyst, `{ placementStatistics(from: "2020-01-01", to: "2030-12-31") { active } }`);
    expect(stats.errors).toBeUndefined();
  });

  it('is FORBIDDEN for a citizen to change a placement', async () => {
    const res = await act(placements, citizenActor(citizenId), 'cancelPlacement', placementId, ', reason: "x"');
    expect(errorCode(res)).toBe('FORBIDDEN');
  });

  it('returns null for a placement that does not exist', async () => {
    const res = await placements.as(caseworker, `query($id: ID!) { placement(id: $id) { id } }`, { id: randomUUID() });
    expect(res.errors).toBeUndefined();
    expect(res.data.placement).toBeNull();
  });

  it('is UNAUTHENTICATED without the gateway assertion', async () => {
    const res = await postGraphQL(placements.url, '{ placementStatistics(from: "2026-01-01", to: "2026-12-31") { active } }');
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });
});

describe('batched extensions of Citizen and StaffMember', () => {
  it('costs the same SQL statements for 2 and for 20 citizens and staff members', async () => {
    const people: string[] = [];
    const staff: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const c = await registerCitizen(citizens);
      people.push(c.id);
      staff.push(randomUUID());
      const p = ok(
        await proposePlacement(placements, caseworker, {
          citizenId: c.id,
          companyId: company.id,
          kind: 'INTERNSHIP',
          startDate: addDays(today, -3),
          endDate: addDays(today, 10),
          jobConsultantId: jens.id,
        }),
      ).proposePlacement;
      await placements.dataSource.query('UPDATE placement SET job_consultant_id = $1 WHERE id = $2', [staff[i], p.id]);
      ok(await act(placements, caseworker, 'agreePlacement', p.id));
      ok(
        await placements.as(caseworker, `mutation($id: ID!) { recordPlacementFollowUp(id: $id, input: { note: "ok" }) { id } }`, {
          id: p.id,
        }),
      );
    }
    const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Citizen { placements { id company { name } followUps { date } maxEndDate } activePlacement { id } }
      ... on StaffMember { placements(status: AGREED, endingWithinDays: 14) { id attentionReasons company { cvr } } placementsNeedingAttention { reasons } } } }`;
    const count = async (n: number) => {
      const r = [
        ...people.slice(0, n).map((id) => ({ __typename: 'Citizen', id })),
        ...staff.slice(0, n).map((id) => ({ __typename: 'StaffMember', id })),
      ];
      let res: any;
      const statements = await placements.countStatements(async () => {
        res = await placements.as(caseworker, QUERY, { r });
      });
      const entities = ok(res)._entities;
      expect(entities).toHaveLength(2 * n);
      expect(
        entities
          .slice(0, n)
          .every(
            (e: any) =>
              e.placements.length === 1 && e.placements[0].company.name === 'Kværndrup Kro' && e.placements[0].followUps.length === 1,
          ),
      ).toBe(true);
      expect(entities.slice(n).every((e: any) => e.placements.length === 1)).toBe(true);
      return statements;
    };
    const two = await count(2);
    const twenty = await count(20);
    expect(twenty).toBe(two);
    // placements by citizen, by staff (one filter), active ones by staff, companies, follow-ups.
    expect(twenty).toBe(5);
  });
});

describe('statistics', () => {
  /** Placements put straight into the table, in a period of their own: only the figures matter here. */
  async function insert(n: number, kind: string, status: string, outcome: string | null) {
    for (let i = 0; i < n; i += 1) {
      await placements.dataSource.query(
        `INSERT INTO placement (citizen_id, company_id, kind, start_date, end_date, status, target_group_at_start, outcome, ended_on)
         VALUES ($1, $2, $3, '2015-02-02', '2015-03-20', $4, 'ACTIVITY_READY', $5, $6)`,
        [randomUUID(), company.id, kind, status, outcome, status === 'COMPLETED' ? '2015-03-20' : null],
      );
    }
  }

  it('withholds kinds and outcomes of 1–4 citizens, with the next smallest beside them, for every role', async () => {
    await insert(5, 'INTERNSHIP', 'COMPLETED', 'ORDINARY_EMPLOYMENT');
    await insert(5, 'WAGE_SUBSIDY_PRIVATE', 'COMPLETED', 'EDUCATION');
    await insert(2, 'FLEXJOB', 'COMPLETED', 'ENDED_WITHOUT_RESULT');
    await insert(6, 'ORDINARY_JOB', 'ACTIVE', null);
    const query = `{ placementStatistics(from: "2015-03-01", to: "2015-03-31") {
      active completed byKind { key count } toOrdinaryEmployment toEducation employmentRate suppressed } }`;
    for (const who of [analyst, consultant(), caseworker]) {
      const res = await placements.as(who, query);
      expect(res.errors).toBeUndefined();
      // Shown counts are perturbed (cell-key method): within ±2 of the true ones.
      expect(res.data.placementStatistics).toEqual({
        active: perturbedAround(6),
        completed: perturbedAround(12),
        // FLEXJOB (2 citizens) is withheld, and INTERNSHIP (the next smallest) with it: 18 − 11 gives 7, not 2.
        byKind: [
          { key: 'WAGE_SUBSIDY_PRIVATE', count: perturbedAround(5) },
          { key: 'WAGE_SUBSIDY_PUBLIC', count: 0 },
          { key: 'ORDINARY_JOB', count: perturbedAround(6) },
        ],
        // Two ended otherwise: completed − employment − education would show it, so employment goes too.
        toOrdinaryEmployment: 0,
        toEducation: perturbedAround(5),
        employmentRate: null,
        suppressed: ['toOrdinaryEmployment', 'byKind.INTERNSHIP', 'byKind.FLEXJOB', 'employmentRate'],
      });
    }
  });
});
