import { randomUUID } from 'node:crypto';
import {
  errorCode,
  perturbedAround,
  perturbedRateAround,
  postGraphQL,
  startTestGrants,
  startTestSubgraph,
  TestGrants,
  TestSubgraph,
} from '@jobcenter/kit/testing';
import { meetingsSubgraph } from '../src/server';
import type { Actor } from '@jobcenter/kit';
import {
  analyst,
  caseworker,
  citizen,
  consultant,
  createCourse,
  daysFromNow,
  jobConsultant,
  MEETING_FIELDS,
  recordOutcome,
  scheduleMeeting,
  teamLead,
} from './builders';

let subgraph: TestSubgraph;
let grants: TestGrants;

beforeAll(async () => {
  grants = await startTestGrants();
  subgraph = await startTestSubgraph(meetingsSubgraph);
});
afterAll(async () => {
  await subgraph.stop();
  await grants.stop();
});

/** A citizen in the caseload of these staff members (as assignments in the citizens service). */
function person(...staff: Actor[]): ReturnType<typeof randomUUID> {
  const id = randomUUID();
  for (const s of staff) grants.assign(s, id);
  return id;
}

describe('the database schema', () => {
  it('is exactly what the migrations make (no drift between entities and migrations)', async () => {
    const pending = await subgraph.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});

describe('identity at the subgraph', () => {
  it('refuses a request without the gateway assertion (UNAUTHENTICATED)', async () => {
    const res = await postGraphQL(subgraph.url, '{ meetingStatistics(from: "2026-01-01", to: "2026-12-31") { held } }');
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });
});

describe('scheduleMeeting', () => {
  it('books a network meeting with the four participants and a relative', async () => {
    const anders = consultant();
    const inger = caseworker();
    const jens = jobConsultant();
    const per = person(anders, inger, jens);
    const when = daysFromNow(7);
    const res = await subgraph.as(
      anders,
      `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { ${MEETING_FIELDS} } }`,
      {
        input: {
          citizenId: per,
          kind: 'NETWORK_MEETING',
          scheduledAt: when.toISOString(),
          durationMinutes: 90,
          location: ' Jobcentret, mødelokale 2 ',
          participants: [
            { role: 'CITIZEN' },
            { role: 'RESOURCE_CONSULTANT', staffId: anders.id },
            { role: 'CASEWORKER', staffId: inger.id },
            { role: 'JOB_CONSULTANT', staffId: jens.id },
            { role: 'RELATIVE', name: 'Hanne Hansen' },
          ],
        },
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.scheduleMeeting).toMatchObject({
      kind: 'NETWORK_MEETING',
      scheduledAt: when.toISOString(),
      endsAt: new Date(when.getTime() + 90 * 60_000).toISOString(),
      location: 'Jobcentret, mødelokale 2',
      status: 'PLANNED',
      summary: null,
      agreements: [],
      citizen: { id: per },
      participants: [
        { role: 'CITIZEN', name: null, staff: null },
        { role: 'RESOURCE_CONSULTANT', name: null, staff: { id: anders.id } },
        { role: 'CASEWORKER', name: null, staff: { id: inger.id } },
        { role: 'JOB_CONSULTANT', name: null, staff: { id: jens.id } },
        { role: 'RELATIVE', name: 'Hanne Hansen', staff: null },
      ],
    });
  });

  it('makes the staff member booking the participant when none are given', async () => {
    const sofie = consultant('Sofie Berg');
    const m = await scheduleMeeting(subgraph, sofie, { citizenId: person(sofie), kind: 'WALK_AND_TALK', scheduledAt: daysFromNow(3) });
    expect((m as any).participants).toEqual([{ role: 'RESOURCE_CONSULTANT', name: 'Sofie Berg', staff: { id: sofie.id } }]);
  });

  it("is a CONFLICT that says only 'busy then' when the clashing meeting is of a citizen the booker may not see", async () => {
    const anders = consultant();
    const ole = { ...caseworker('Ole Vest'), team: 'Team Vest' };
    const theirs = await scheduleMeeting(subgraph, anders, { citizenId: person(anders), scheduledAt: new Date('2027-03-09T09:00:00Z') });
    const res = await subgraph.as(ole, `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, {
      input: {
        citizenId: person(ole),
        kind: 'HOME_VISIT',
        scheduledAt: '2027-03-09T09:30:00Z',
        durationMinutes: 60,
        participants: [
          { role: 'CASEWORKER', staffId: ole.id },
          { role: 'RESOURCE_CONSULTANT', staffId: anders.id },
        ],
      },
    });
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toBe(
      `Staff member ${anders.id} is already booked at that time. Choose another time or another participant.`,
    );
    expect(JSON.stringify(res)).not.toContain(theirs.id);
    expect(JSON.stringify(res)).not.toMatch(/follow-up|Copenhagen/);
  });

  it('is a CONFLICT when a participant is already in an overlapping meeting, naming it and its Copenhagen time', async () => {
    const anders = consultant();
    const inger = caseworker();
    // 2 March 2027 09:00 UTC is 10:00 in Copenhagen (winter time). Inger works with that citizen too, so she may see it.
    const first = await scheduleMeeting(subgraph, anders, {
      citizenId: person(anders, inger),
      scheduledAt: new Date('2027-03-02T09:00:00Z'),
    });
    const res = await subgraph.as(inger, `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, {
      input: {
        citizenId: person(inger),
        kind: 'HOME_VISIT',
        scheduledAt: '2027-03-02T09:30:00Z',
        durationMinutes: 60,
        participants: [
          { role: 'CASEWORKER', staffId: inger.id },
          { role: 'RESOURCE_CONSULTANT', staffId: anders.id },
        ],
      },
    });
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toContain(`Staff member ${anders.id} is already booked`);
    expect(res.errors![0].message).toContain(`meeting ${first.id} (follow-up conversation)`);
    expect(res.errors![0].message).toContain('Tuesday 2 March 2027, 10:00–11:00 (Copenhagen time)');
    // The workbench shows the meeting in the way from the extensions, without parsing the message.
    expect(res.errors![0].extensions?.clash).toEqual({
      kind: 'MEETING',
      id: first.id,
      staffId: anders.id,
      startsAt: '2027-03-02T09:00:00.000Z',
      endsAt: '2027-03-02T10:00:00.000Z',
      meetingKind: 'FOLLOW_UP',
      label: 'follow-up conversation',
    });
    expect(res.data).toBeNull();
  });

  it('accepts a meeting that starts as the previous one ends (back-to-back)', async () => {
    const anders = consultant();
    await scheduleMeeting(subgraph, anders, { citizenId: person(anders), scheduledAt: new Date('2027-03-03T09:00:00Z') });
    const next = await scheduleMeeting(subgraph, anders, { citizenId: person(anders), scheduledAt: new Date('2027-03-03T10:00:00Z') });
    const before = await scheduleMeeting(subgraph, anders, { citizenId: person(anders), scheduledAt: new Date('2027-03-03T08:00:00Z') });
    expect([next.status, before.status]).toEqual(['PLANNED', 'PLANNED']);
  });

  it('is a CONFLICT when a facilitator has a group session then, and a cancelled meeting frees the time', async () => {
    const anders = consultant();
    const sofie = consultant('Sofie Berg');
    const course = await createCourse(subgraph, anders, {
      firstSessionAt: new Date('2027-04-06T08:00:00Z'),
      facilitatorIds: [anders.id, sofie.id],
    });
    const res = await subgraph.as(sofie, `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, {
      input: { citizenId: person(sofie), kind: 'FOLLOW_UP', scheduledAt: '2027-04-13T09:00:00Z', durationMinutes: 30 },
    });
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toContain(`session 2 of group course "Trivsel i hverdagen" (session ${course.sessions[1].id})`);
    expect(res.errors![0].message).toContain('Tuesday 13 April 2027, 10:00–11:30 (Copenhagen time)');

    const m = await scheduleMeeting(subgraph, anders, { citizenId: person(anders), scheduledAt: new Date('2027-06-15T09:00:00Z') });
    await subgraph.as(anders, `mutation($id: ID!) { cancelMeeting(id: $id, reason: "Borger syg") { status } }`, { id: m.id });
    const again = await scheduleMeeting(subgraph, anders, { citizenId: person(anders), scheduledAt: new Date('2027-06-15T09:00:00Z') });
    expect(again.status).toBe('PLANNED');
  });

  it('books only one of two overlapping meetings sent for the same consultant at the same moment', async () => {
    const anders = consultant();
    const send = () =>
      subgraph.as(anders, `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, {
        input: { citizenId: person(anders), kind: 'FOLLOW_UP', scheduledAt: '2027-06-01T09:00:00Z', durationMinutes: 60 },
      });
    const results = await Promise.all([send(), send(), send(), send()]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT').length).toBe(3);
  });

  it.each([
    ['a citizen id that is not an id', { citizenId: 'per' }, 'citizenId'],
    ['a staff role without a staff id', { participants: [{ role: 'CASEWORKER' }] }, 'participants.0.staffId'],
    ['a relative without a name', { participants: [{ role: 'RELATIVE' }] }, 'participants.0.name'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_what, change, field) => {
    const anders = consultant();
    const res = await subgraph.as(anders, `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, {
      input: { citizenId: person(anders), kind: 'FOLLOW_UP', scheduledAt: daysFromNow(2).toISOString(), durationMinutes: 60, ...change },
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.field).toBe(field);
  });

  it('says a zero-minute meeting is not a meeting (BAD_USER_INPUT)', async () => {
    const anders = consultant();
    const res = await subgraph.as(anders, `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, {
      input: { citizenId: person(anders), kind: 'FOLLOW_UP', scheduledAt: daysFromNow(2).toISOString(), durationMinutes: 0 },
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/durationMinutes: must be at least 5 minutes/);
  });

  it('is FORBIDDEN for citizens and analysts', async () => {
    const per = randomUUID();
    for (const actor of [citizen(per), analyst]) {
      const res = await subgraph.as(actor, `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, {
        input: { citizenId: per, kind: 'FOLLOW_UP', scheduledAt: daysFromNow(2).toISOString(), durationMinutes: 60 },
      });
      expect(errorCode(res)).toBe('FORBIDDEN');
    }
  });
});

describe('reading a meeting', () => {
  it('returns null, without an error, for an id that names no meeting', async () => {
    for (const id of [randomUUID(), 'not-a-uuid']) {
      const res = await subgraph.as(caseworker(), `query($id: ID!) { meeting(id: $id) { id } }`, { id });
      expect(res.errors).toBeUndefined();
      expect(res.data.meeting).toBeNull();
    }
  });

  it('lets the citizen read their own meeting, minutes included, but not anyone else’s', async () => {
    const anders = consultant();
    const per = person(anders);
    const m = await scheduleMeeting(subgraph, anders, { citizenId: per, scheduledAt: daysFromNow(-1) });
    await recordOutcome(subgraph, anders, m.id, { status: 'HELD', summary: 'Per har fundet et højskoleophold.' });
    const own = await subgraph.as(citizen(per), `query($id: ID!) { meeting(id: $id) { summary status } }`, { id: m.id });
    expect(own.data.meeting).toEqual({ summary: 'Per har fundet et højskoleophold.', status: 'HELD' });
    // Someone else's meeting gives exactly what an unknown id gives.
    const other = await subgraph.as(citizen(), `query($id: ID!) { meeting(id: $id) { summary } }`, { id: m.id });
    expect(other).toEqual(await subgraph.as(citizen(), `query($id: ID!) { meeting(id: $id) { summary } }`, { id: randomUUID() }));
    expect(other.data).toEqual({ meeting: null });
  });

  it('is FORBIDDEN for analysts: meetings are personal data', async () => {
    const anders = consultant();
    const m = await scheduleMeeting(subgraph, anders, { citizenId: person(anders), scheduledAt: daysFromNow(5) });
    const res = await subgraph.as(analyst, `query($id: ID!) { meeting(id: $id) { id } }`, { id: m.id });
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(res.errors![0].message).toMatch(/statistics only/);
  });
});

describe('recordMeetingOutcome', () => {
  it('records a held meeting with minutes and agreements', async () => {
    const anders = consultant();
    const m = await scheduleMeeting(subgraph, anders, { citizenId: person(anders), kind: 'NETWORK_MEETING', scheduledAt: daysFromNow(-2) });
    const res = await subgraph.as(
      anders,
      `mutation($id: ID!) { recordMeetingOutcome(id: $id, input: {
        status: HELD, summary: " Status for perioden: god fremgang. ",
        agreements: [{ text: "Svend kontakter AA-gruppen", deadline: "2027-01-15" }, { text: "Jens finder praktiksted" }] })
      { status summary agreements { text deadline } amendments { id } } }`,
      { id: m.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.recordMeetingOutcome).toEqual({
      status: 'HELD',
      summary: 'Status for perioden: god fremgang.',
      agreements: [
        { text: 'Svend kontakter AA-gruppen', deadline: '2027-01-15' },
        { text: 'Jens finder praktiksted', deadline: null },
      ],
      amendments: [],
    });
  });

  it('keeps the history when held minutes are amended', async () => {
    const anders = consultant();
    const inger = caseworker();
    const m = await scheduleMeeting(subgraph, anders, { citizenId: person(anders, inger), scheduledAt: daysFromNow(-3) });
    await recordOutcome(subgraph, anders, m.id, { status: 'HELD', summary: 'Første udgave', agreements: [{ text: 'A' }] });
    const res = await subgraph.as(
      inger,
      `mutation($id: ID!) { recordMeetingOutcome(id: $id, input: { status: HELD, summary: "Rettet udgave" })
      { summary agreements { text } amendments { amendedBy previousStatus previousSummary previousAgreements { text } } } }`,
      { id: m.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.recordMeetingOutcome).toEqual({
      summary: 'Rettet udgave',
      agreements: [],
      amendments: [{ amendedBy: inger.id, previousStatus: 'HELD', previousSummary: 'Første udgave', previousAgreements: [{ text: 'A' }] }],
    });
  });

  it('records a lawful excuse as EXCUSED, not a no-show', async () => {
    const anders = consultant();
    const m = await scheduleMeeting(subgraph, anders, { citizenId: person(anders), scheduledAt: daysFromNow(-1, 7) });
    expect(await recordOutcome(subgraph, anders, m.id, { status: 'EXCUSED', reason: 'Lægetid' })).toEqual({ id: m.id, status: 'EXCUSED' });
  });

  it('refuses an outcome for a meeting that has not started (BAD_USER_INPUT)', async () => {
    const anders = consultant();
    const m = await scheduleMeeting(subgraph, anders, { citizenId: person(anders), scheduledAt: daysFromNow(1) });
    const res = await subgraph.as(anders, `mutation($id: ID!) { recordMeetingOutcome(id: $id, input: { status: HELD }) { id } }`, {
      id: m.id,
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/not started yet/);
  });

  it('is a CONFLICT on a cancelled meeting and NOT_FOUND for an unknown one', async () => {
    const anders = consultant();
    const m = await scheduleMeeting(subgraph, anders, { citizenId: person(anders), scheduledAt: daysFromNow(-1, 11) });
    await subgraph.as(anders, `mutation($id: ID!) { cancelMeeting(id: $id, reason: "Aflyst") { id } }`, { id: m.id });
    const cancelled = await subgraph.as(anders, `mutation($id: ID!) { recordMeetingOutcome(id: $id, input: { status: HELD }) { id } }`, {
      id: m.id,
    });
    expect(errorCode(cancelled)).toBe('CONFLICT');
    const unknown = randomUUID();
    const missing = await subgraph.as(anders, `mutation($id: ID!) { recordMeetingOutcome(id: $id, input: { status: HELD }) { id } }`, {
      id: unknown,
    });
    expect(errorCode(missing)).toBe('NOT_FOUND');
    expect(missing.errors![0].message).toBe(`Meeting ${unknown} does not exist.`);
  });

  it('is FORBIDDEN for the citizen the meeting is about', async () => {
    const anders = consultant();
    const per = person(anders);
    const m = await scheduleMeeting(subgraph, anders, { citizenId: per, scheduledAt: daysFromNow(-1, 13) });
    const res = await subgraph.as(citizen(per), `mutation($id: ID!) { recordMeetingOutcome(id: $id, input: { status: HELD }) { id } }`, {
      id: m.id,
    });
    expect(errorCode(res)).toBe('FORBIDDEN');
  });
});

describe('cancelMeeting and rescheduleMeeting', () => {
  it('cancels with a reason; a second cancel is a CONFLICT; an empty reason is BAD_USER_INPUT', async () => {
    const anders = consultant();
    const m = await scheduleMeeting(subgraph, anders, { citizenId: person(anders), scheduledAt: daysFromNow(4) });
    const empty = await subgraph.as(anders, `mutation($id: ID!) { cancelMeeting(id: $id, reason: "  ") { id } }`, { id: m.id });
    expect(errorCode(empty)).toBe('BAD_USER_INPUT');
    const res = await subgraph.as(anders, `mutation($id: ID!) { cancelMeeting(id: $id, reason: "Per er syg") { status cancelReason } }`, {
      id: m.id,
    });
    expect(res.data.cancelMeeting).toEqual({ status: 'CANCELLED', cancelReason: 'Per er syg' });
    const again = await subgraph.as(anders, `mutation($id: ID!) { cancelMeeting(id: $id, reason: "igen") { id } }`, { id: m.id });
    expect(errorCode(again)).toBe('CONFLICT');
    const unknown = await subgraph.as(anders, `mutation { cancelMeeting(id: "nope", reason: "x") { id } }`);
    expect(errorCode(unknown)).toBe('NOT_FOUND');
  });

  it('moves a planned meeting, checking the calendar but not against itself', async () => {
    const anders = consultant();
    const m = await scheduleMeeting(subgraph, anders, { citizenId: person(anders), scheduledAt: new Date('2027-07-01T08:00:00Z') });
    const busy = await scheduleMeeting(subgraph, anders, { citizenId: person(anders), scheduledAt: new Date('2027-07-01T11:00:00Z') });
    const overlapSelf = await subgraph.as(
      anders,
      `mutation($id: ID!) { rescheduleMeeting(id: $id, scheduledAt: "2027-07-01T08:30:00Z") { scheduledAt endsAt } }`,
      { id: m.id },
    );
    expect(overlapSelf.data.rescheduleMeeting).toEqual({ scheduledAt: '2027-07-01T08:30:00.000Z', endsAt: '2027-07-01T09:30:00.000Z' });
    const clash = await subgraph.as(
      anders,
      `mutation($id: ID!) { rescheduleMeeting(id: $id, scheduledAt: "2027-07-01T10:30:00Z") { id } }`,
      { id: m.id },
    );
    expect(errorCode(clash)).toBe('CONFLICT');
    expect(clash.errors![0].message).toContain(busy.id);
  });
});

describe('statistics', () => {
  it('counts outcomes in SQL, withholds those of 1–4 citizens for every role, and is FORBIDDEN for citizens', async () => {
    const anders = consultant();
    const base = new Date('2026-03-10T07:00:00Z');
    const at = (h: number) => new Date(base.getTime() + h * 3_600_000);
    const meet = async (h: number, status: string | null) => {
      const per = person(anders);
      const { id } = await scheduleMeeting(subgraph, anders, { citizenId: per, scheduledAt: at(h) });
      if (status === 'CANCELLED') await subgraph.as(anders, `mutation($id: ID!) { cancelMeeting(id: $id, reason: "x") { id } }`, { id });
      else if (status) await recordOutcome(subgraph, anders, id, { status, ...(status === 'EXCUSED' ? { reason: 'Lægetid' } : {}) });
      return per;
    };
    // Five citizens' meetings held; one citizen's no-show, one excused, one cancelled.
    const people: string[] = [];
    for (let h = 0; h < 5; h += 1) people.push(await meet(h, 'HELD'));
    const per = await meet(5, 'NO_SHOW');
    people.push(per, await meet(6, 'EXCUSED'), await meet(7, 'CANCELLED'));
    // Six of them have a meeting planned (an open case); the other two have none (closed cases).
    for (const [n, c] of people.slice(0, 6).entries()) {
      await scheduleMeeting(subgraph, anders, {
        citizenId: c,
        scheduledAt: new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 7, 8 + n)),
      });
    }

    const query = `{ meetingStatistics(from: "2026-03-10", to: "2026-03-10") {
        held noShow excused cancelled planned attendanceRate networkMeetingsOverdue suppressed } }`;
    for (const who of [analyst, teamLead, anders]) {
      const res = await subgraph.as(who, query);
      expect(res.errors).toBeUndefined();
      // 5 of 6 attended, but the one no-show would be singled out: withheld, and the rate with it.
      expect(res.data.meetingStatistics).toEqual({
        held: perturbedAround(5),
        noShow: 0,
        excused: 0,
        cancelled: 0,
        planned: 0,
        attendanceRate: null,
        networkMeetingsOverdue: 0,
        suppressed: ['noShow', 'excused', 'cancelled', 'attendanceRate'],
      });
    }
    // By July, the six open cases (first seen 2026-03-10, no network meeting) are overdue: enough to show. The two
    // without a planned meeting are not counted.
    const later = await subgraph.as(
      teamLead,
      `{ meetingStatistics(from: "2026-03-01", to: "2026-07-01") { networkMeetingsOverdue suppressed } }`,
    );
    // Published counts are perturbed (cell-key method): within ±2 of the truth.
    expect(later.data.meetingStatistics.networkMeetingsOverdue).toEqual(perturbedAround(6));
    expect(later.data.meetingStatistics.suppressed).not.toContain('networkMeetingsOverdue');
    // A network meeting held within 3 months of July 1 takes an open case off; one held earlier does not.
    const heldNetworkMeeting = async (c: string, when: string) => {
      const { id } = await scheduleMeeting(subgraph, anders, { citizenId: c, kind: 'NETWORK_MEETING', scheduledAt: new Date(when) });
      await recordOutcome(subgraph, anders, id, { status: 'HELD' });
    };
    await heldNetworkMeeting(people[0], '2026-05-15T08:00:00Z');
    await heldNetworkMeeting(people[1], '2026-03-20T08:00:00Z');
    const after = await subgraph.as(teamLead, `{ meetingStatistics(from: "2026-03-01", to: "2026-07-01") { networkMeetingsOverdue } }`);
    expect(after.data.meetingStatistics.networkMeetingsOverdue).toEqual(perturbedAround(5));

    expect(errorCode(await subgraph.as(citizen(per), `{ meetingStatistics(from: "2026-03-10", to: "2026-03-10") { held } }`))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await subgraph.as(analyst, `{ meetingStatistics(from: "2026-03-10", to: "2026-03-01") { held } }`))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('shows an attendance rate over 5 citizens when neither part is small', async () => {
    const anders = consultant();
    const base = new Date('2026-04-14T07:00:00Z');
    for (let i = 0; i < 10; i += 1) {
      const { id } = await scheduleMeeting(subgraph, anders, {
        citizenId: person(anders),
        scheduledAt: new Date(base.getTime() + i * 3_600_000),
      });
      await recordOutcome(subgraph, anders, id, { status: i < 5 ? 'HELD' : 'NO_SHOW' });
    }
    const res = await subgraph.as(
      analyst,
      `{ meetingStatistics(from: "2026-04-14", to: "2026-04-14") { held noShow attendanceRate suppressed } }`,
    );
    expect(res.data.meetingStatistics).toEqual({
      held: perturbedAround(5),
      noShow: perturbedAround(5),
      attendanceRate: perturbedRateAround(5, 10),
      suppressed: [],
    });
  });
});
