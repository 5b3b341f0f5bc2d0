import { citizensSubgraph } from '@jobcenter/citizens';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { addDays, EventFeedConsumer, todayInCopenhagen } from '@jobcenter/kit';
import { lastDayOfMonths, lastDayOfWeeks } from '@jobcenter/kit/calendar';
import { errorCode } from '@jobcenter/kit/testing';
import { meetingsSubgraph } from '@jobcenter/meetings';
import { placementsSubgraph } from '@jobcenter/placements';
import { createKickoffConsumer } from '@jobcenter/placements/pathway/kickoff-consumer';
import { assignStaff, nextCpr, nextCvr, ok, staffActor, teamLead, TEAM } from '@jobcenter/placements/test/builders';

/**
 * Per's story (seed 002, the partnership model) through the gateway: an internship at the
 * workshop that becomes wage subsidy at the same company, one pathway; the kick-off meeting is
 * booked in meetings with the placement, and the placement starts only once placements has
 * heard (meetings' event feed, the kit's EventFeedConsumer) that it was held, or with a reason.
 * The consumer runs as in production (polling); the tests wait for what it writes, never a
 * fixed time.
 */
let federation: TestFederation;
let consumer: EventFeedConsumer;
let jens: ReturnType<typeof staffActor>;
let inger: ReturnType<typeof staffActor>;
let anders: ReturnType<typeof staffActor>;
const today = todayInCopenhagen();

const staff = async (name: string, role: string) =>
  staffActor(
    ok(
      await federation.as(teamLead, `mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { id name role team } }`, {
        i: { name, role, email: `${name.split(' ')[0].toLowerCase()}.${Date.now()}@ryslinge.dk`, team: TEAM },
      }),
    ).createStaffMember,
  );

beforeAll(async () => {
  federation = await startTestFederation([citizensSubgraph, meetingsSubgraph, placementsSubgraph]);
  consumer = createKickoffConsumer(federation.subgraphs.placements.dataSource, federation.subgraphs.meetings.url, { pollIntervalMs: 100 });
  consumer.start();
  jens = await staff('Jens Kjær', 'JOB_CONSULTANT');
  inger = await staff('Inger Holm', 'CASEWORKER');
  anders = await staff('Anders Bak', 'RESOURCE_CONSULTANT');
}, 60_000);
afterAll(async () => {
  await consumer?.stop();
  await federation?.stop();
});

async function citizen(firstName: string, targetGroup = 'ACTIVITY_READY') {
  const c = ok(
    await federation.as(inger, `mutation($i: RegisterCitizenInput!) { registerCitizen(input: $i) { id } }`, {
      i: { cpr: nextCpr(), firstName, lastName: 'Jensen', targetGroup },
    }),
  ).registerCitizen;
  await assignStaff({ as: federation.as }, c.id, [inger, jens, anders], addDays(today, -200));
  return c.id as string;
}

async function company(name: string) {
  return ok(
    await federation.as(jens, `mutation($i: RegisterCompanyInput!) { registerCompany(input: $i) { id } }`, {
      i: { cvr: nextCvr(), name, size: 'SMALL', partnership: true, contacts: [{ name: 'Værkfører Bo Hansen', phone: '+45 62 27 11 00' }] },
    }),
  ).registerCompany.id as string;
}

const PROPOSE = `mutation($i: ProposePlacementInput!) { proposePlacement(input: $i) { id status kind } }`;
const propose = (i: Record<string, unknown>) => federation.as(jens, PROPOSE, { i });
const START = `mutation($id: ID!, $r: String) { startPlacement(id: $id, startWithoutKickoffReason: $r) { id status startWithoutKickoffReason } }`;
const start = (id: string, reason?: string) => federation.as(jens, START, { id, r: reason ?? null });

async function agreed(i: Record<string, unknown>) {
  const id = ok(await propose(i)).proposePlacement.id as string;
  ok(await federation.as(jens, `mutation($id: ID!) { agreePlacement(id: $id) { id } }`, { id }));
  return id;
}

const SCHEDULE = `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id kind status placement { id } } }`;
const kickoffInput = (citizenId: string, placementId: string | null, at: string, kind = 'PLACEMENT_KICKOFF') => ({
  citizenId,
  kind,
  scheduledAt: `${at}T08:00:00.000Z`,
  durationMinutes: 60,
  location: 'Værkstedet',
  placementId,
  participants: [
    { role: 'JOB_CONSULTANT', staffId: jens.id },
    { role: 'RESOURCE_CONSULTANT', staffId: anders.id },
    { role: 'EMPLOYER', name: 'Værkfører Bo Hansen' },
  ],
});

/** Waits until placements' kick-off table (fed by the consumer) has this meeting in this status. */
async function consumerHasSeen(meetingId: string, status: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows: { status: string }[] = await federation.subgraphs.placements.dataSource.query(
      `SELECT status FROM placement_kickoff WHERE meeting_id = $1`,
      [meetingId],
    );
    if (rows[0]?.status === status) return;
    if (Date.now() > deadline) {
      throw new Error(
        `the kick-off consumer had not seen ${meetingId} as ${status} after ${timeoutMs} ms: ${JSON.stringify(consumer.status())}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("Per's pathway: upskilling first, then an internship at the workshop that becomes wage subsidy at the same company", () => {
  let per: string;
  let workshop: string;
  let internship: string;
  let subsidy: string;
  let kickoff: string;
  const internStart = addDays(today, -100);
  const internEnd = lastDayOfWeeks(internStart, 13);
  const subsidyStart = addDays(internEnd, 1);
  const subsidyEnd = lastDayOfMonths(subsidyStart, 6);

  beforeAll(async () => {
    per = await citizen('Per');
    workshop = await company('Ryslinge Auto- og Cykelværksted');
    internship = await agreed({
      citizenId: per,
      companyId: workshop,
      kind: 'INTERNSHIP',
      purpose: 'UPSKILLING',
      startDate: internStart,
      endDate: internEnd,
      hoursPerWeek: 20,
    });
  });

  it('records the upskilling course he takes before the internship as a completed referral, beside his placements', async () => {
    const amu = ok(
      await federation.as(jens, `mutation($i: RegisterProviderInput!) { registerProvider(input: $i) { id } }`, {
        i: { name: 'AMU Fyn, værkstedsfag', kinds: ['UPSKILLING'], cvr: nextCvr() },
      }),
    ).registerProvider;
    const course = ok(
      await federation.as(jens, `mutation($i: ReferralInput!) { referCitizen(input: $i) { id status } }`, {
        i: {
          citizenId: per,
          providerId: amu.id,
          kind: 'UPSKILLING',
          startDate: addDays(internStart, -42),
          endDate: addDays(internStart, -14),
          purpose: 'Truckcertifikat og grundlæggende værkstedssikkerhed før praktikken',
        },
      }),
    ).referCitizen;
    const SET = `mutation($id: ID!, $s: ReferralStatus!, $r: ReferralResult) { setReferralStatus(id: $id, status: $s, result: $r) { status result endedOn } }`;
    ok(await federation.as(jens, SET, { id: course.id, s: 'ACTIVE' }));
    expect(ok(await federation.as(jens, SET, { id: course.id, s: 'COMPLETED', r: 'COMPLETED_AS_PLANNED' })).setReferralStatus).toEqual({
      status: 'COMPLETED',
      result: 'COMPLETED_AS_PLANNED',
      endedOn: addDays(internStart, -14),
    });
    const record = ok(
      await federation.as(
        jens,
        `query($id: ID!) { citizen(id: $id) { referrals { kind status provider { name } } placements { id kind } } }`,
        {
          id: per,
        },
      ),
    ).citizen;
    expect(record.referrals).toEqual([{ kind: 'UPSKILLING', status: 'COMPLETED', provider: { name: 'AMU Fyn, værkstedsfag' } }]);
    expect(record.placements).toEqual([{ id: internship, kind: 'INTERNSHIP' }]);
  });

  it('refuses to start the internship before a kick-off is held, saying what to do', async () => {
    const res = await start(internship);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toMatch(/kick-off meeting \(opstartsmøde\) must be held first/);
    expect(res.errors![0].message).toMatch(/startWithoutKickoffReason/);
    expect(res.errors![0].extensions?.kickoff).toBe('NOT_HELD');
  });

  it("refuses a kick-off meeting that names another citizen's placement, or a meeting kind that is not about a placement", async () => {
    const bent = await citizen('Bent');
    const other = ok(
      await propose({ citizenId: bent, companyId: workshop, kind: 'INTERNSHIP', startDate: today, endDate: addDays(today, 20) }),
    ).proposePlacement.id;
    const foreign = await federation.as(jens, SCHEDULE, { i: kickoffInput(per, other, addDays(internStart, -3)) });
    expect(errorCode(foreign)).toBe('BAD_USER_INPUT');
    expect(foreign.errors![0].extensions?.field).toBe('placementId');
    const wrongKind = await federation.as(jens, SCHEDULE, { i: kickoffInput(per, internship, addDays(internStart, -3), 'FOLLOW_UP') });
    expect(errorCode(wrongKind)).toBe('BAD_USER_INPUT');
    expect(wrongKind.errors![0].extensions?.field).toBe('placementId');
  });

  it('books the kick-off in meetings with the placement; a planned kick-off is not enough to start', async () => {
    const booked = ok(await federation.as(jens, SCHEDULE, { i: kickoffInput(per, internship, addDays(internStart, -3)) })).scheduleMeeting;
    expect(booked).toMatchObject({ kind: 'PLACEMENT_KICKOFF', status: 'PLANNED', placement: { id: internship } });
    kickoff = booked.id;
    const seen = ok(await federation.as(jens, `query($id: ID!) { placement(id: $id) { kickoff { id status } } }`, { id: internship }));
    expect(seen.placement.kickoff).toEqual({ id: kickoff, status: 'PLANNED' });
    await consumerHasSeen(kickoff, 'PLANNED');
    expect(errorCode(await start(internship))).toBe('CONFLICT');
  });

  it('starts the internship once the kick-off is recorded as held and placements has heard of it', async () => {
    ok(
      await federation.as(jens, `mutation($id: ID!, $i: MeetingOutcomeInput!) { recordMeetingOutcome(id: $id, input: $i) { status } }`, {
        id: kickoff,
        i: { status: 'HELD', summary: 'Opgaver, arbejdstider og kontaktperson aftalt med værkføreren.' },
      }),
    );
    await consumerHasSeen(kickoff, 'HELD');
    const started = ok(await start(internship)).startPlacement;
    expect(started).toEqual({ id: internship, status: 'ACTIVE', startWithoutKickoffReason: null });
    ok(
      await federation.as(jens, `mutation($id: ID!, $i: FollowUpInput!) { recordPlacementFollowUp(id: $id, input: $i) { id } }`, {
        id: internship,
        i: { date: addDays(internStart, 14), note: 'Per møder stabilt; værkføreren vil gerne fortsætte i løntilskud.' },
      }),
    );
  });

  it('refuses continuations that break the pathway rules, each at its field', async () => {
    const elsewhere = await company('Faber A/S');
    const base = { citizenId: per, companyId: workshop, kind: 'WAGE_SUBSIDY_PRIVATE', startDate: subsidyStart, endDate: subsidyEnd };
    const otherCompany = await propose({ ...base, companyId: elsewhere, continuesPlacementId: internship });
    expect(errorCode(otherCompany)).toBe('BAD_USER_INPUT');
    expect(otherCompany.errors![0].extensions?.field).toBe('continuesPlacementId');
    expect(otherCompany.errors![0].message).toMatch(/at another company/);

    const earlier = await propose({
      ...base,
      startDate: addDays(internStart, -1),
      endDate: addDays(internStart, 60),
      continuesPlacementId: internship,
    });
    expect(errorCode(earlier)).toBe('BAD_USER_INPUT');
    expect(earlier.errors![0].extensions?.field).toBe('startDate');

    const bent = await citizen('Bent');
    const bentsOwn = await propose({ ...base, citizenId: bent, continuesPlacementId: internship });
    expect(errorCode(bentsOwn)).toBe('BAD_USER_INPUT');
    expect(bentsOwn.errors![0].message).toMatch(/another citizen/);

    const proposedOnly = ok(
      await propose({ ...base, kind: 'ORDINARY_JOB', startDate: addDays(subsidyEnd, 1), endDate: addDays(subsidyEnd, 400) }),
    ).proposePlacement.id;
    const ofProposed = await propose({
      ...base,
      kind: 'ORDINARY_JOB',
      startDate: addDays(subsidyEnd, 1),
      endDate: addDays(subsidyEnd, 400),
      continuesPlacementId: proposedOnly,
    });
    expect(errorCode(ofProposed)).toBe('BAD_USER_INPUT');
    expect(ofProposed.errors![0].message).toMatch(/PROPOSED placement cannot be continued/);
    ok(
      await federation.as(jens, `mutation($id: ID!) { cancelPlacement(id: $id, reason: "Foreslået for tidligt") { id } }`, {
        id: proposedOnly,
      }),
    );
  });

  it('proposes the wage subsidy as the continuation of the internship; a second continuation is a CONFLICT', async () => {
    ok(
      await federation.as(
        jens,
        `mutation($id: ID!) { completePlacement(id: $id, outcome: OTHER_PLACEMENT, endedOn: "${internEnd}") { status } }`,
        { id: internship },
      ),
    );
    const continuation = {
      citizenId: per,
      companyId: workshop,
      kind: 'WAGE_SUBSIDY_PRIVATE',
      purpose: 'UPSKILLING',
      startDate: subsidyStart,
      endDate: subsidyEnd,
      continuesPlacementId: internship,
    };
    subsidy = ok(await propose(continuation)).proposePlacement.id;
    const again = await propose(continuation);
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors![0].message).toMatch(new RegExp(`already continued by placement ${subsidy}`));
    const events: { payload: { continuesPlacementId: string | null } }[] = await federation.subgraphs.placements.dataSource.query(
      `SELECT payload FROM outbox_event WHERE type = 'placement.proposed' AND aggregate_id = $1`,
      [subsidy],
    );
    expect(events.map((e) => e.payload.continuesPlacementId)).toEqual([internship]);
  });

  it('starts the wage subsidy without a new kick-off when the consultant records why, and shows the reason', async () => {
    ok(await federation.as(jens, `mutation($id: ID!) { agreePlacement(id: $id) { id } }`, { id: subsidy }));
    const reason = 'Samme arbejdsplads og kontaktperson som i praktikken; aftalt ved sidste opfølgning';
    const started = ok(await start(subsidy, `  ${reason} `)).startPlacement;
    expect(started).toEqual({ id: subsidy, status: 'ACTIVE', startWithoutKickoffReason: reason });
  });

  it('shows one pathway through the gateway: internship → wage subsidy, with the kick-off and who is who', async () => {
    const q = `query($id: ID!) { placement(id: $id) {
      id previous { id kind } next { id }
      pathway { id kind status startDate company { name } kickoff { status } startWithoutKickoffReason citizen { firstName } }
    } }`;
    const fromSubsidy = ok(await federation.as(inger, q, { id: subsidy })).placement;
    expect(fromSubsidy.previous).toEqual({ id: internship, kind: 'INTERNSHIP' });
    expect(fromSubsidy.next).toBeNull();
    expect(fromSubsidy.pathway.map((p: { kind: string; status: string }) => [p.kind, p.status])).toEqual([
      ['INTERNSHIP', 'COMPLETED'],
      ['WAGE_SUBSIDY_PRIVATE', 'ACTIVE'],
    ]);
    expect(fromSubsidy.pathway[0]).toMatchObject({
      company: { name: 'Ryslinge Auto- og Cykelværksted' },
      kickoff: { status: 'HELD' },
      startWithoutKickoffReason: null,
      citizen: { firstName: 'Per' },
    });
    expect(fromSubsidy.pathway[1].kickoff).toBeNull();
    const fromInternship = ok(await federation.as(inger, q, { id: internship })).placement;
    expect(fromInternship.next).toEqual({ id: subsidy });
    expect(fromInternship.pathway.map((p: { id: string }) => p.id)).toEqual([internship, subsidy]);
  });

  it('lets Per see his own pathway, and nobody else', async () => {
    const q = `query($id: ID!) { placement(id: $id) { pathway { kind } } }`;
    const own = ok(await federation.as({ id: per, role: 'CITIZEN', name: 'Per Jensen' }, q, { id: subsidy })).placement;
    expect(own.pathway.map((p: { kind: string }) => p.kind)).toEqual(['INTERNSHIP', 'WAGE_SUBSIDY_PRIVATE']);
    const bent = await citizen('Bent');
    expect(ok(await federation.as({ id: bent, role: 'CITIZEN', name: 'Bent' }, q, { id: subsidy })).placement).toBeNull();
  });
});
