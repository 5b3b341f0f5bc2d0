import { citizensSubgraph } from '@jobcenter/citizens';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { Actor, addDays, todayInCopenhagen } from '@jobcenter/kit';
import { lastDayOfMonths } from '@jobcenter/kit/calendar';
import { errorCode, TestSubgraph } from '@jobcenter/kit/testing';
import { placementsSubgraph } from '@jobcenter/placements';
import { plansSubgraph } from '@jobcenter/plans';
import {
  analyst,
  assignStaff,
  citizenActor,
  createStaff,
  nextCvr,
  ok,
  registerCitizen as registerUnassigned,
  staffActor,
} from '@jobcenter/placements/test/builders';

/**
 * Offers (issue 19): providers and referrals in the placements subgraph, called directly as the
 * gateway would and, for the seed stories, through the gateway with citizens and plans beside it.
 */
let federation: TestFederation;
let placements: TestSubgraph;
let citizens: TestSubgraph;
let inger: Actor;
let jens: Actor;
/** A caseworker with a caseload of her own, none of the citizens below. */
let mette: Actor;
const today = todayInCopenhagen();

beforeAll(async () => {
  federation = await startTestFederation([citizensSubgraph, plansSubgraph, placementsSubgraph]);
  placements = federation.subgraphs.placements;
  citizens = federation.subgraphs.citizens;
  inger = staffActor(await createStaff(citizens, { name: 'Inger Holm', role: 'CASEWORKER' }));
  jens = staffActor(await createStaff(citizens, { name: 'Jens Kjær', role: 'JOB_CONSULTANT' }));
  mette = staffActor(await createStaff(citizens, { name: 'Mette Skov', role: 'CASEWORKER' }));
}, 60_000);
afterAll(() => federation.stop());

/** A citizen in Inger's and Jens' caseload. */
async function registerCitizen(input: Record<string, unknown> = {}) {
  const citizen = await registerUnassigned(citizens, input);
  await assignStaff(citizens, citizen.id, [inger, jens] as { id: string; role: string }[], addDays(today, -400));
  return citizen;
}

const PROVIDER_FIELDS = 'id name kinds cvr civilSociety contact';
async function registerProvider(input: Record<string, unknown>, by: Actor = inger) {
  return placements.as(by, `mutation($i: RegisterProviderInput!) { registerProvider(input: $i) { ${PROVIDER_FIELDS} } }`, { i: input });
}

const REFERRAL_FIELDS =
  'id kind purpose status startDate endDate maxEndDate outcome result endedOn renewable rule { code source } citizen { id } provider { id name } renewals { previousEndDate newEndDate }';
const REFER = `mutation($i: ReferralInput!) { referCitizen(input: $i) { ${REFERRAL_FIELDS} } }`;
const SET_STATUS = `mutation($id: ID!, $s: ReferralStatus!, $o: String, $r: ReferralResult) {
  setReferralStatus(id: $id, status: $s, outcome: $o, result: $r) { ${REFERRAL_FIELDS} } }`;
const RENEW = `mutation($id: ID!) { renewReferral(id: $id) { ${REFERRAL_FIELDS} } }`;

const refer = (input: Record<string, unknown>, by: Actor = inger, api: { as: TestSubgraph['as'] } = placements) =>
  api.as(by, REFER, { i: input });
const setStatus = (id: string, s: string, extra: { o?: string; r?: string } = {}, by: Actor = inger) =>
  placements.as(by, SET_STATUS, { id, s, ...extra });

const events = async (referralId: string) =>
  (await placements.dataSource.query(`SELECT type, payload FROM outbox_event WHERE aggregate_id = $1 ORDER BY position`, [referralId])).map(
    (e: { type: string; payload: Record<string, unknown> }) => ({ type: e.type, ...e.payload }),
  );

describe('the provider register', () => {
  it('registers a provider with the kinds it offers, and finds it by kind', async () => {
    const cvr = nextCvr();
    const provider = ok(
      await registerProvider({
        name: ' Mentorhuset Test ',
        kinds: ['MENTOR', 'GUIDANCE', 'MENTOR'],
        cvr: `${cvr.slice(0, 4)} ${cvr.slice(4)}`,
        contact: 'tlf. 62 62 11 22',
      }),
    ).registerProvider;
    expect(provider).toMatchObject({ name: 'Mentorhuset Test', kinds: ['MENTOR', 'GUIDANCE'], cvr, civilSociety: false });
    const mentors = ok(await placements.as(jens, `{ providers(kind: MENTOR) { id kinds } }`)).providers;
    expect(mentors.map((p: { id: string }) => p.id)).toContain(provider.id);
    const treatment = ok(await placements.as(jens, `{ providers(kind: TREATMENT) { id } }`)).providers;
    expect(treatment.map((p: { id: string }) => p.id)).not.toContain(provider.id);
    expect(ok(await placements.as(analyst, `query($id: ID!) { provider(id: $id) { name } }`, { id: provider.id })).provider.name).toBe(
      'Mentorhuset Test',
    );
  });

  it('refuses a CVR number that fails the modulus-11 check at the field cvr', async () => {
    const res = await registerProvider({ name: 'Forkert CVR', kinds: ['UPSKILLING'], cvr: '12345678' });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.field).toBe('cvr');
    expect(res.errors![0].message).toMatch(/modulus-11/);
  });

  it('refuses a provider without kinds, and a CVR number registered twice (CONFLICT)', async () => {
    const none = await registerProvider({ name: 'Ingen tilbud', kinds: [] });
    expect(errorCode(none)).toBe('BAD_USER_INPUT');
    expect(none.errors![0].extensions!.field).toBe('kinds');
    const cvr = nextCvr();
    ok(await registerProvider({ name: 'AMU én', kinds: ['UPSKILLING'], cvr }));
    expect(errorCode(await registerProvider({ name: 'AMU to', kinds: ['UPSKILLING'], cvr }))).toBe('CONFLICT');
  });

  it('lets case staff register providers, not citizens or analysts', async () => {
    ok(await registerProvider({ name: 'Frivilligcenter', kinds: ['CIVIL_SOCIETY'], civilSociety: true }, jens));
    for (const actor of [analyst, citizenActor(inger.id)]) {
      expect(errorCode(await registerProvider({ name: 'Nej', kinds: ['GUIDANCE'] }, actor))).toBe('FORBIDDEN');
    }
    expect(errorCode(await placements.as(citizenActor(inger.id), `{ providers { id } }`))).toBe('FORBIDDEN');
  });
});

describe('referrals: rules and errors at their field', () => {
  let provider: { id: string };
  let mentorProvider: { id: string };
  let citizen: { id: string };
  beforeAll(async () => {
    provider = ok(await registerProvider({ name: 'AMU Fyn Test', kinds: ['UPSKILLING', 'EDUCATION'] })).registerProvider;
    mentorProvider = ok(await registerProvider({ name: 'Mentor Test', kinds: ['MENTOR'] })).registerProvider;
    citizen = await registerCitizen();
  });

  it.each([
    ['an unknown provider', () => ({ providerId: '00000000-0000-4000-8000-000000000000' }), 'providerId', /no provider/],
    ['a provider id that is no id', () => ({ providerId: 'amu' }), 'providerId', /no provider/],
    [
      'a kind the provider does not offer',
      () => ({ kind: 'TREATMENT' }),
      'kind',
      /does not offer TREATMENT; it offers UPSKILLING, EDUCATION/,
    ],
    ['dates reversed', () => ({ startDate: today, endDate: addDays(today, -1) }), 'endDate', /before the start date/],
    ['an unknown citizen', () => ({ citizenId: '00000000-0000-4000-8000-000000000001' }), 'citizenId', /no citizen/],
  ])('refuses %s with BAD_USER_INPUT', async (_what, change, field, message) => {
    const res = await refer({ citizenId: citizen.id, providerId: provider.id, kind: 'UPSKILLING', startDate: today, ...change() });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.field).toBe(field);
    expect(res.errors![0].message).toMatch(message);
  });

  it('refuses a mentor agreement past 6 months at endDate, naming LAB § 167 and the latest end date', async () => {
    const start = '2026-01-01';
    const res = await refer({
      citizenId: citizen.id,
      providerId: mentorProvider.id,
      kind: 'MENTOR',
      startDate: start,
      endDate: '2026-07-01',
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.field).toBe('endDate');
    expect(res.errors![0].message).toMatch(/LAB § 167.*LAB-167-MENTOR-6M.*2026-06-30/);
  });

  it('keeps one open referral per citizen and provider (CONFLICT), and allows a new one after the first is called off', async () => {
    const input = { citizenId: citizen.id, providerId: provider.id, kind: 'EDUCATION', startDate: today };
    const first = ok(await refer(input)).referCitizen;
    const again = await refer({ ...input, kind: 'UPSKILLING' });
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors![0].message).toMatch(/already has an open/);
    ok(await setStatus(first.id, 'CANCELLED', { o: 'Borgeren valgte et andet kursus.' }));
    expect(ok(await refer({ ...input, kind: 'UPSKILLING' })).referCitizen.status).toBe('PROPOSED');
  });

  it('holds the one-open-referral rule under simultaneous saves (the partial unique index)', async () => {
    const other = await registerCitizen();
    const input = { citizenId: other.id, providerId: provider.id, kind: 'UPSKILLING', startDate: today };
    const results = await Promise.all([refer(input), refer(input), refer(input)]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(2);
  });

  it('refuses moves outside the lifecycle with CONFLICT, and a result before the end at field result', async () => {
    const other = await registerCitizen();
    const r = ok(await refer({ citizenId: other.id, providerId: provider.id, kind: 'UPSKILLING', startDate: today })).referCitizen;
    const skip = await setStatus(r.id, 'COMPLETED');
    expect(errorCode(skip)).toBe('CONFLICT');
    expect(skip.errors![0].message).toBe('A referral that is PROPOSED cannot become COMPLETED; it can only become ACTIVE or CANCELLED.');
    const early = await setStatus(r.id, 'ACTIVE', { r: 'WORK' });
    expect(errorCode(early)).toBe('BAD_USER_INPUT');
    expect(early.errors![0].extensions!.field).toBe('result');
    ok(await setStatus(r.id, 'ACTIVE'));
    ok(await setStatus(r.id, 'COMPLETED', { r: 'COMPLETED_AS_PLANNED' }));
    const reopen = await setStatus(r.id, 'ACTIVE');
    expect(errorCode(reopen)).toBe('CONFLICT');
    expect(reopen.errors![0].message).toMatch(/cannot be changed any more/);
    expect(errorCode(await setStatus('00000000-0000-4000-8000-000000000009', 'ACTIVE'))).toBe('NOT_FOUND');
  });

  it('renews only referrals a rule limits (CONFLICT for a course)', async () => {
    const other = await registerCitizen();
    const r = ok(
      await refer({ citizenId: other.id, providerId: provider.id, kind: 'UPSKILLING', startDate: today, endDate: addDays(today, 20) }),
    ).referCitizen;
    expect(r).toMatchObject({ maxEndDate: null, rule: null, renewable: false });
    const res = await placements.as(inger, RENEW, { id: r.id });
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toMatch(/LAB § 167/);
  });
});

describe('referrals: who may see and change them', () => {
  let provider: { id: string };
  let citizen: { id: string };
  let referralId: string;
  beforeAll(async () => {
    provider = ok(await registerProvider({ name: 'Behandlingscenter Test', kinds: ['TREATMENT'] })).registerProvider;
    citizen = await registerCitizen();
    referralId = ok(
      await refer({ citizenId: citizen.id, providerId: provider.id, kind: 'TREATMENT', startDate: today, purpose: 'Behandling' }),
    ).referCitizen.id;
  });

  it("refuses a caseworker outside the citizen's caseload (FORBIDDEN) for reads and writes", async () => {
    expect(errorCode(await refer({ citizenId: citizen.id, providerId: provider.id, kind: 'TREATMENT', startDate: today }, mette))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await placements.as(mette, `query($id: ID!) { referral(id: $id) { id } }`, { id: referralId }))).toBe('FORBIDDEN');
    expect(errorCode(await setStatus(referralId, 'ACTIVE', {}, mette))).toBe('FORBIDDEN');
    expect(errorCode(await placements.as(mette, RENEW, { id: referralId }))).toBe('FORBIDDEN');
  });

  it('lets the citizen read their own referrals but not refer or change them', async () => {
    const me = citizenActor(citizen.id);
    const own = ok(
      await placements.as(
        me,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { referrals { id provider { name } } } } }`,
        {
          r: [{ __typename: 'Citizen', id: citizen.id }],
        },
      ),
    )._entities[0].referrals;
    expect(own).toEqual([{ id: referralId, provider: { name: 'Behandlingscenter Test' } }]);
    expect(errorCode(await refer({ citizenId: citizen.id, providerId: provider.id, kind: 'TREATMENT', startDate: today }, me))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await setStatus(referralId, 'CANCELLED', {}, me))).toBe('FORBIDDEN');
    // Another citizen's referral is answered as unknown.
    const stranger = await registerCitizen();
    expect(
      ok(await placements.as(citizenActor(stranger.id), `query($id: ID!) { referral(id: $id) { id } }`, { id: referralId })).referral,
    ).toBeNull();
  });

  it('refuses analysts the personal data (FORBIDDEN)', async () => {
    expect(errorCode(await placements.as(analyst, `query($id: ID!) { referral(id: $id) { id } }`, { id: referralId }))).toBe('FORBIDDEN');
  });

  it("puts every read and change on the citizen's access log", async () => {
    ok(await placements.as(jens, `query($id: ID!) { referral(id: $id) { id } }`, { id: referralId }));
    const log = await placements.dataSource.query(
      `SELECT DISTINCT operation, actor_role AS "actorRole" FROM kit_access_log WHERE citizen_id = $1 AND operation IN ('READ', 'CHANGE')`,
      [citizen.id],
    );
    expect(log).toEqual(
      expect.arrayContaining([
        { operation: 'CHANGE', actorRole: 'CASEWORKER' },
        { operation: 'READ', actorRole: 'JOB_CONSULTANT' },
        { operation: 'READ', actorRole: 'CITIZEN' },
      ]),
    );
  });
});

describe("Svend's story through the gateway: alcohol treatment, then a course towards landscape gardening", () => {
  it('refers, activates and completes both referrals with a coded result, and emits the events', async () => {
    const svend = await registerCitizen({ firstName: 'Svend', lastName: 'Madsen', targetGroup: 'ACTIVITY_READY' });
    const plan = ok(
      await federation.as(inger, `mutation($c: ID!, $i: CreatePlanInput!) { createPlan(citizenId: $c, input: $i) { id } }`, {
        c: svend.id,
        i: { longTermGoal: 'Tørlagt, og derefter uddannet anlægsgartner', startDate: addDays(today, -200) },
      }),
    ).createPlan;
    const milestone = ok(
      await federation.as(inger, `mutation($p: ID!, $i: AddMilestoneInput!) { addMilestone(planId: $p, input: $i) { id } }`, {
        p: plan.id,
        i: { title: 'Gennemføre alkoholbehandling og blive tørlagt', deadline: addDays(today, -20), responsible: 'CITIZEN' },
      }),
    ).addMilestone;
    const centre = ok(await registerProvider({ name: 'Alkoholbehandlingen Test', kinds: ['TREATMENT'] })).registerProvider;
    const amu = ok(await registerProvider({ name: 'AMU Grønne områder Test', kinds: ['UPSKILLING'], cvr: nextCvr() })).registerProvider;

    const treatment = ok(
      await refer(
        {
          citizenId: svend.id,
          providerId: centre.id,
          kind: 'TREATMENT',
          startDate: addDays(today, -180),
          endDate: addDays(today, -30),
          purpose: 'Intensivt behandlingsforløb med ugentlige samtaler',
          milestoneId: milestone.id,
        },
        inger,
        federation,
      ),
    ).referCitizen;
    expect(treatment).toMatchObject({
      status: 'PROPOSED',
      kind: 'TREATMENT',
      maxEndDate: null,
      provider: { name: 'Alkoholbehandlingen Test' },
    });
    ok(await federation.as(inger, SET_STATUS, { id: treatment.id, s: 'ACTIVE' }));
    const done = ok(
      await federation.as(inger, SET_STATUS, {
        id: treatment.id,
        s: 'COMPLETED',
        o: 'Færdigbehandlet og tørlagt',
        r: 'COMPLETED_AS_PLANNED',
      }),
    ).setReferralStatus;
    // Recorded after the fact: it ended on its agreed end date, not today.
    expect(done).toMatchObject({
      status: 'COMPLETED',
      result: 'COMPLETED_AS_PLANNED',
      outcome: 'Færdigbehandlet og tørlagt',
      endedOn: addDays(today, -30),
    });

    const course = ok(
      await refer(
        { citizenId: svend.id, providerId: amu.id, kind: 'UPSKILLING', startDate: addDays(today, -10), endDate: addDays(today, 11) },
        jens,
        federation,
      ),
    ).referCitizen;
    ok(await federation.as(jens, SET_STATUS, { id: course.id, s: 'ACTIVE' }));
    ok(await federation.as(jens, SET_STATUS, { id: course.id, s: 'COMPLETED', r: 'EDUCATION' }));

    const page = ok(
      await federation.as(
        inger,
        `query($id: ID!) { citizen(id: $id) { firstName referrals { kind status result provider { name } milestone { id title } } } }`,
        { id: svend.id },
      ),
    ).citizen;
    expect(page.referrals).toEqual([
      { kind: 'UPSKILLING', status: 'COMPLETED', result: 'EDUCATION', provider: { name: 'AMU Grønne områder Test' }, milestone: null },
      {
        kind: 'TREATMENT',
        status: 'COMPLETED',
        result: 'COMPLETED_AS_PLANNED',
        provider: { name: 'Alkoholbehandlingen Test' },
        milestone: { id: milestone.id, title: 'Gennemføre alkoholbehandling og blive tørlagt' },
      },
    ]);

    expect(await events(treatment.id)).toEqual([
      expect.objectContaining({
        type: 'referral.created',
        status: 'PROPOSED',
        kind: 'TREATMENT',
        civilSociety: false,
        milestoneId: milestone.id,
      }),
      expect.objectContaining({ type: 'referral.statusChanged', status: 'ACTIVE', previousStatus: 'PROPOSED', result: null }),
      expect.objectContaining({
        type: 'referral.statusChanged',
        status: 'COMPLETED',
        previousStatus: 'ACTIVE',
        result: 'COMPLETED_AS_PLANNED',
        endDate: addDays(today, -30),
      }),
    ]);
    // The free-text purpose and outcome never enter an event.
    const payloads = JSON.stringify(await events(treatment.id));
    expect(payloads).not.toMatch(/tørlagt|behandlingsforløb/i);
  });
});

describe("Ulla's story through the gateway: a mentor for 6 months, renewed 6 months at a time (LAB § 167)", () => {
  it('enforces the 6-month maximum and renews from the day after the end', async () => {
    const ulla = await registerCitizen({ firstName: 'Ulla', lastName: 'Jensen', targetGroup: 'ACTIVITY_READY' });
    const mentor = ok(await registerProvider({ name: 'Mentorhuset Ulla Test', kinds: ['MENTOR'] })).registerProvider;
    const start = addDays(today, -35);
    const max = lastDayOfMonths(start, 6);

    const tooLong = await refer(
      { citizenId: ulla.id, providerId: mentor.id, kind: 'MENTOR', startDate: start, endDate: addDays(max, 1) },
      inger,
      federation,
    );
    expect(errorCode(tooLong)).toBe('BAD_USER_INPUT');
    expect(tooLong.errors![0].extensions!.field).toBe('endDate');
    expect(tooLong.errors![0].message).toMatch(/LAB § 167/);

    // Without an end date the agreement runs the whole 6 months.
    const referral = ok(
      await refer({ citizenId: ulla.id, providerId: mentor.id, kind: 'MENTOR', startDate: start }, inger, federation),
    ).referCitizen;
    expect(referral).toMatchObject({
      endDate: max,
      maxEndDate: max,
      renewable: true,
      rule: { code: 'LAB-167-MENTOR-6M', source: 'LAB § 167' },
    });
    ok(await federation.as(inger, SET_STATUS, { id: referral.id, s: 'ACTIVE' }));

    const renewed = ok(await federation.as(inger, RENEW, { id: referral.id })).renewReferral;
    const next = lastDayOfMonths(addDays(max, 1), 6);
    expect(renewed).toMatchObject({
      status: 'ACTIVE',
      endDate: next,
      maxEndDate: next,
      renewals: [{ previousEndDate: max, newEndDate: next }],
    });
    expect((await events(referral.id)).at(-1)).toEqual({
      type: 'referral.renewed',
      referralId: referral.id,
      kind: 'MENTOR',
      endDate: next,
      previousEndDate: max,
    });

    ok(await federation.as(inger, SET_STATUS, { id: referral.id, s: 'CANCELLED', r: 'DROPPED_OUT', o: 'Ulla stoppede efter aftale' }));
    const ended = await federation.as(inger, RENEW, { id: referral.id });
    expect(errorCode(ended)).toBe('CONFLICT');

    // The caseload shows only offers under way.
    const active = ok(
      await federation.as(inger, `query($id: ID!) { citizen(id: $id) { activeReferrals { id } } }`, { id: ulla.id }),
    ).citizen;
    expect(active.activeReferrals).toEqual([]);
  });
});
