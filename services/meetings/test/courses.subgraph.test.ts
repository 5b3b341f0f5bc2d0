import { randomUUID } from 'node:crypto';
import type { Actor } from '@jobcenter/kit';
import { errorCode, startTestGrants, startTestSubgraph, TestGrants, TestSubgraph } from '@jobcenter/kit/testing';
import { meetingsSubgraph } from '../src/server';
import { analyst, caseworker, citizen, consultant, createCourse, daysFromNow, enroll, scheduleMeeting, teamLead } from './builders';

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

const COURSE_MUTATION = `mutation($input: CreateGroupCourseInput!) { createGroupCourse(input: $input) { id } }`;
const courseInput = (facilitatorIds: string[], extra: Record<string, unknown> = {}) => ({
  title: 'Trivsel i hverdagen',
  topics: ['EVERYDAY_WELLBEING'],
  firstSessionAt: daysFromNow(60).toISOString(),
  facilitatorIds,
  ...extra,
});

describe('createGroupCourse', () => {
  it('creates 8 weekly 90-minute sessions that keep 10:00 Copenhagen time across the October change', async () => {
    const anders = consultant();
    const sofie = consultant('Sofie Berg');
    const course = await createCourse(subgraph, anders, {
      firstSessionAt: new Date('2026-10-15T08:00:00Z'),
      facilitatorIds: [anders.id, sofie.id],
    });
    expect(course).toMatchObject({
      startDate: '2026-10-15',
      endDate: '2026-12-03',
      capacity: 12,
      facilitators: [{ id: anders.id }, { id: sofie.id }],
    });
    expect(course.sessions.map((s) => s.startsAt)).toEqual([
      '2026-10-15T08:00:00.000Z',
      '2026-10-22T08:00:00.000Z',
      '2026-10-29T09:00:00.000Z',
      '2026-11-05T09:00:00.000Z',
      '2026-11-12T09:00:00.000Z',
      '2026-11-19T09:00:00.000Z',
      '2026-11-26T09:00:00.000Z',
      '2026-12-03T09:00:00.000Z',
    ]);
    expect(course.sessions.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect((course.sessions as any[]).every((s) => s.durationMinutes === 90)).toBe(true);
  });

  it.each([
    ['one facilitator', () => courseInput([randomUUID()]), 'facilitatorIds'],
    [
      'the same facilitator twice',
      () => {
        const id = randomUUID();
        return courseInput([id, id]);
      },
      'facilitatorIds',
    ],
    ['three facilitators', () => courseInput([randomUUID(), randomUUID(), randomUUID()]), 'facilitatorIds'],
    ['13 places', () => courseInput([randomUUID(), randomUUID()], { capacity: 13 }), 'capacity'],
  ])('refuses %s with BAD_USER_INPUT', async (_what, input, field) => {
    const res = await subgraph.as(consultant(), COURSE_MUTATION, { input: input() });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.field).toBe(field);
  });

  it('is a CONFLICT when a facilitator has a meeting at one of the session times', async () => {
    const anders = consultant();
    const m = await scheduleMeeting(subgraph, anders, { citizenId: person(anders), scheduledAt: new Date('2027-02-17T09:30:00Z') });
    const res = await subgraph.as(anders, COURSE_MUTATION, {
      input: courseInput([anders.id, randomUUID()], { firstSessionAt: '2027-02-03T09:00:00Z' }),
    });
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toContain(`meeting ${m.id}`);
    expect(res.errors![0].message).toContain('Wednesday 17 February 2027, 10:30–11:30 (Copenhagen time)');
  });

  it('refuses a facilitator the citizens service does not know, naming the field, and stores nothing', async () => {
    const ghost = randomUUID();
    grants.forget(ghost);
    const count = async () => Number((await subgraph.dataSource.query('SELECT count(*)::int AS n FROM group_session'))[0].n);
    const before = await count();
    const res = await subgraph.as(consultant(), COURSE_MUTATION, { input: courseInput([randomUUID(), ghost]) });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'facilitatorIds' });
    expect(res.errors![0].message).toContain(ghost);
    expect(await count()).toBe(before);
  });

  it('is FORBIDDEN for citizens', async () => {
    const res = await subgraph.as(citizen(), COURSE_MUTATION, { input: courseInput([randomUUID(), randomUUID()]) });
    expect(errorCode(res)).toBe('FORBIDDEN');
  });
});

describe('enrollInCourse', () => {
  it('never overbooks: of five enrolments for the last place sent at once, exactly one gets it', async () => {
    const anders = consultant();
    const course = await createCourse(subgraph, anders, {
      firstSessionAt: daysFromNow(30),
      facilitatorIds: [anders.id, randomUUID()],
      capacity: 3,
    });
    for (let i = 0; i < 2; i += 1) expect((await enroll(subgraph, anders, course.id, person(anders))).errors).toBeUndefined();

    const results = await Promise.all(Array.from({ length: 5 }, () => enroll(subgraph, anders, course.id, person(anders))));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    const refused = results.filter((r) => r.errors);
    expect(refused.map(errorCode)).toEqual(Array(4).fill('CONFLICT'));
    expect(refused[0].errors![0].message).toBe('"Trivsel i hverdagen" is full: all 3 places are taken.');

    const read = await subgraph.as(
      anders,
      `query($id: ID!) { groupCourse(id: $id) { enrolledCount seatsLeft enrollments { citizen { id } } } }`,
      { id: course.id },
    );
    expect(read.data.groupCourse).toMatchObject({ enrolledCount: 3, seatsLeft: 0 });
    expect(read.data.groupCourse.enrollments).toHaveLength(3);
  });

  it('is a CONFLICT for a citizen already enrolled, also when both requests arrive together', async () => {
    const anders = consultant();
    const course = await createCourse(subgraph, anders, { firstSessionAt: daysFromNow(31), facilitatorIds: [anders.id, randomUUID()] });
    const per = person(anders);
    const both = await Promise.all([enroll(subgraph, anders, course.id, per), enroll(subgraph, anders, course.id, per)]);
    expect(both.filter((r) => !r.errors)).toHaveLength(1);
    const again = await enroll(subgraph, anders, course.id, per);
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors![0].message).toMatch(/already enrolled/);
  });

  it('is NOT_FOUND for an unknown course, FORBIDDEN for analysts; reading an unknown course is null', async () => {
    const missing = await enroll(subgraph, consultant(), randomUUID(), randomUUID());
    expect(errorCode(missing)).toBe('NOT_FOUND');
    expect(errorCode(await enroll(subgraph, analyst, randomUUID(), randomUUID()))).toBe('FORBIDDEN');
    for (const id of [randomUUID(), 'course-1']) {
      const read = await subgraph.as(consultant(), `query($id: ID!) { groupCourse(id: $id) { id } }`, { id });
      expect(read.errors).toBeUndefined();
      expect(read.data.groupCourse).toBeNull();
    }
  });
});

describe('attendance', () => {
  it('records attendance per session and gives an attendance rate per enrolment, excuses not counted against', async () => {
    const anders = consultant();
    const course = await createCourse(subgraph, anders, { firstSessionAt: daysFromNow(-22, 8), facilitatorIds: [anders.id, randomUUID()] });
    const ulla = person(anders);
    const line = person(anders);
    await enroll(subgraph, anders, course.id, ulla);
    await enroll(subgraph, anders, course.id, line);
    const record = (session: number, who: string, status: string) =>
      subgraph.as(
        anders,
        `mutation($s: ID!, $c: ID!, $st: AttendanceStatus!) { recordAttendance(sessionId: $s, citizenId: $c, status: $st) { status citizen { id } } }`,
        {
          s: course.sessions[session - 1].id,
          c: who,
          st: status,
        },
      );
    expect((await record(1, ulla, 'PRESENT')).data.recordAttendance).toEqual({ status: 'PRESENT', citizen: { id: ulla } });
    await record(2, ulla, 'ABSENT');
    await record(3, ulla, 'EXCUSED');
    await record(2, ulla, 'PRESENT'); // corrected
    await record(1, line, 'ABSENT');

    const read = await subgraph.as(
      anders,
      `query($id: ID!) { groupCourse(id: $id) {
        enrollments { citizen { id } attendanceRate } sessions { number attendance { citizen { id } status } } } }`,
      { id: course.id },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data.groupCourse.enrollments).toEqual([
      { citizen: { id: ulla }, attendanceRate: 1 },
      { citizen: { id: line }, attendanceRate: 0 },
    ]);
    expect(read.data.groupCourse.sessions[1]).toEqual({ number: 2, attendance: [{ citizen: { id: ulla }, status: 'PRESENT' }] });

    // Ulla sees her own attendance, not Line's.
    const own = await subgraph.as(
      citizen(ulla),
      `query($id: ID!) { groupCourse(id: $id) { enrollments { citizen { id } } sessions { attendance { citizen { id } } } } }`,
      { id: course.id },
    );
    expect(own.data.groupCourse.enrollments).toEqual([{ citizen: { id: ulla } }]);
    expect(own.data.groupCourse.sessions[0].attendance).toEqual([{ citizen: { id: ulla } }]);

    const stats = await subgraph.as(
      analyst,
      `query($f: Date!, $t: Date!) { groupCourseStatistics(from: $f, to: $t) { courses seats enrolled occupancyRate attendanceRate suppressed } }`,
      {
        f: course.startDate,
        t: course.startDate,
      },
    );
    // Two citizens on the course: too few to show their enrolment or attendance (small-cell suppression).
    expect(stats.data.groupCourseStatistics).toEqual({
      courses: 1,
      seats: 12,
      enrolled: 0,
      occupancyRate: null,
      attendanceRate: null,
      suppressed: ['enrolled', 'occupancyRate', 'attendanceRate'],
    });
    const roster = await subgraph.as(analyst, `query($id: ID!) { groupCourse(id: $id) { title enrollments { attendanceRate } } }`, {
      id: course.id,
    });
    expect(errorCode(roster)).toBe('FORBIDDEN');
  });

  it('refuses attendance for a citizen not enrolled or a session not yet begun (BAD_USER_INPUT), an unknown session (NOT_FOUND)', async () => {
    const anders = consultant();
    const course = await createCourse(subgraph, anders, { firstSessionAt: daysFromNow(-8, 12), facilitatorIds: [anders.id, randomUUID()] });
    const per = person(anders);
    await enroll(subgraph, anders, course.id, per);
    const q = `mutation($s: ID!, $c: ID!) { recordAttendance(sessionId: $s, citizenId: $c, status: PRESENT) { status } }`;
    const notEnrolled = await subgraph.as(anders, q, { s: course.sessions[0].id, c: randomUUID() });
    expect(errorCode(notEnrolled)).toBe('BAD_USER_INPUT');
    expect(notEnrolled.errors![0].extensions!.field).toBe('citizenId');
    const future = await subgraph.as(anders, q, { s: course.sessions[7].id, c: per });
    expect(errorCode(future)).toBe('BAD_USER_INPUT');
    expect(future.errors![0].message).toMatch(/Session 8 has not started/);
    expect(errorCode(await subgraph.as(anders, q, { s: randomUUID(), c: per }))).toBe('NOT_FOUND');
  });
});

describe('the Citizen and StaffMember extensions', () => {
  const CITIZEN_FIELDS = `... on Citizen { id nextMeeting { id } lastNetworkMeeting { id } networkMeetingOverdue followUpDue followUpDueOn
    meetings { id participants { role } } groupEnrollments { attendanceRate course { title } } }`;

  it('answers the cadence from the meetings and the enrolment date the gateway passes', async () => {
    const anders = consultant();
    const svend = person(anders);
    const network = await scheduleMeeting(subgraph, anders, {
      citizenId: svend,
      kind: 'NETWORK_MEETING',
      scheduledAt: daysFromNow(-100, 6),
    });
    await subgraph.as(anders, `mutation($id: ID!) { recordMeetingOutcome(id: $id, input: { status: HELD }) { id } }`, { id: network.id });
    const next = await scheduleMeeting(subgraph, anders, { citizenId: svend, kind: 'WALK_AND_TALK', scheduledAt: daysFromNow(5, 6) });
    const res = await subgraph.as(anders, `query($r: [_Any!]!) { _entities(representations: $r) { ${CITIZEN_FIELDS} } }`, {
      r: [
        { __typename: 'Citizen', id: svend, enrolledAt: '2026-01-01' },
        { __typename: 'Citizen', id: person(anders), enrolledAt: '2020-01-01' },
        { __typename: 'Citizen', id: person(anders), enrolledAt: new Date().toISOString().slice(0, 10) },
      ],
    });
    expect(res.errors).toBeUndefined();
    const [s, longAgo, fresh] = res.data._entities;
    expect(s).toMatchObject({
      nextMeeting: { id: next.id },
      lastNetworkMeeting: { id: network.id },
      networkMeetingOverdue: true,
      followUpDue: false,
    });
    expect(s.meetings).toHaveLength(2);
    expect(longAgo).toMatchObject({ networkMeetingOverdue: true, nextMeeting: null, meetings: [], followUpDue: true });
    expect(fresh.networkMeetingOverdue).toBe(false);
  });

  it('costs the same few SQL statements for 2 citizens as for 12 (DataLoader)', async () => {
    const anders = consultant();
    const course = await createCourse(subgraph, anders, { firstSessionAt: daysFromNow(90), facilitatorIds: [anders.id, randomUUID()] });
    const ids = Array.from({ length: 12 }, () => person(anders));
    for (const [i, id] of ids.entries()) {
      await scheduleMeeting(subgraph, anders, { citizenId: id, scheduledAt: daysFromNow(40 + i) });
      await enroll(subgraph, anders, course.id, id);
    }
    const ask = (some: string[]) =>
      subgraph.as(anders, `query($r: [_Any!]!) { _entities(representations: $r) { ${CITIZEN_FIELDS} } }`, {
        r: some.map((id) => ({ __typename: 'Citizen', id, enrolledAt: '2026-01-01' })),
      });
    const few = await subgraph.countStatements(() => ask(ids.slice(0, 2)));
    const many = await subgraph.countStatements(async () => {
      const res = await ask(ids);
      expect(res.errors).toBeUndefined();
      expect(res.data._entities).toHaveLength(12);
      expect(res.data._entities.every((c: any) => c.groupEnrollments[0].course.title === 'Trivsel i hverdagen')).toBe(true);
    });
    expect(many).toBe(few);
    // One more than before issue 18: the follow-up intervals set per citizen, read for followUpDue.
    expect(many).toBeLessThanOrEqual(7);
  });

  it('is FORBIDDEN for analysts and staff outside the caseload; another citizen sees what an unknown id gives', async () => {
    const anders = consultant();
    const per = person(anders);
    await scheduleMeeting(subgraph, anders, { citizenId: per, scheduledAt: daysFromNow(12) });
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { meetings { id } groupEnrollments { enrolledAt } } } }`;
    const r = [{ __typename: 'Citizen', id: per }];
    expect(errorCode(await subgraph.as(analyst, q, { r }))).toBe('FORBIDDEN');
    expect(errorCode(await subgraph.as(consultant('Ole Vest'), q, { r }))).toBe('FORBIDDEN');
    const stranger = citizen();
    const other = await subgraph.as(stranger, q, { r });
    expect(other).toEqual(await subgraph.as(stranger, q, { r: [{ __typename: 'Citizen', id: randomUUID() }] }));
    expect(other.data._entities).toEqual([{ meetings: [], groupEnrollments: [] }]);
    const own = await subgraph.as(citizen(per), q, { r });
    expect(own.errors).toBeUndefined();
    expect(own.data._entities[0].meetings).toHaveLength(1);
  });

  it("merges a consultant's meetings and course sessions in the agenda, a week at a time, in constant statements", async () => {
    const sofie = consultant('Sofie Berg');
    const anders = consultant();
    const inger = caseworker();
    await createCourse(subgraph, sofie, {
      firstSessionAt: new Date('2027-09-06T07:00:00Z'),
      facilitatorIds: [sofie.id, anders.id],
      title: 'Motion og velvære',
    });
    const m1 = await scheduleMeeting(subgraph, sofie, { citizenId: person(sofie), scheduledAt: new Date('2027-09-07T08:00:00Z') });
    const m2 = await scheduleMeeting(subgraph, inger, {
      citizenId: person(inger, sofie),
      kind: 'NETWORK_MEETING',
      scheduledAt: new Date('2027-09-06T12:00:00Z'),
      participants: [
        { role: 'CASEWORKER', staffId: inger.id },
        { role: 'RESOURCE_CONSULTANT', staffId: sofie.id },
      ],
    });
    const cancelled = await scheduleMeeting(subgraph, sofie, { citizenId: person(sofie), scheduledAt: new Date('2027-09-08T08:00:00Z') });
    await subgraph.as(sofie, `mutation($id: ID!) { cancelMeeting(id: $id, reason: "x") { id } }`, { id: cancelled.id });
    await scheduleMeeting(subgraph, sofie, { citizenId: person(sofie), scheduledAt: new Date('2027-09-14T08:00:00Z') }); // next week

    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on StaffMember { id
        agenda(from: "2027-09-06T00:00:00Z", to: "2027-09-13T00:00:00Z") { id }
        agendaItems(from: "2027-09-06T00:00:00Z", to: "2027-09-13T00:00:00Z") { kind title startsAt meeting { id } session { number course { title } } } } } }`;
    const res = await subgraph.as(teamLead, q, {
      r: [
        { __typename: 'StaffMember', id: sofie.id },
        { __typename: 'StaffMember', id: inger.id },
      ],
    });
    expect(res.errors).toBeUndefined();
    const [s, i] = res.data._entities;
    expect(s.agenda).toEqual([{ id: m2.id }, { id: m1.id }]);
    expect(s.agendaItems).toEqual([
      {
        kind: 'GROUP_SESSION',
        title: 'Motion og velvære, session 1 of 8',
        startsAt: '2027-09-06T07:00:00.000Z',
        meeting: null,
        session: { number: 1, course: { title: 'Motion og velvære' } },
      },
      { kind: 'MEETING', title: 'Network meeting', startsAt: '2027-09-06T12:00:00.000Z', meeting: { id: m2.id }, session: null },
      { kind: 'MEETING', title: 'Follow-up conversation', startsAt: '2027-09-07T08:00:00.000Z', meeting: { id: m1.id }, session: null },
    ]);
    expect(i.agenda).toEqual([{ id: m2.id }]);

    const staff = Array.from({ length: 10 }, () => ({ __typename: 'StaffMember', id: randomUUID() }));
    const two = await subgraph.countStatements(() => subgraph.as(teamLead, q, { r: staff.slice(0, 2) }));
    const ten = await subgraph.countStatements(() => subgraph.as(teamLead, q, { r: staff }));
    expect(ten).toBe(two);

    const bad = await subgraph.as(
      teamLead,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on StaffMember { agenda(from: "2027-09-13T00:00:00Z", to: "2027-09-06T00:00:00Z") { id } } } }`,
      { r: staff.slice(0, 1) },
    );
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    const forbidden = await subgraph.as(analyst, q, { r: staff.slice(0, 1) });
    expect(errorCode(forbidden)).toBe('FORBIDDEN');
  });
});
