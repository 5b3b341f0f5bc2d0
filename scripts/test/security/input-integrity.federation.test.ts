import { randomUUID } from 'node:crypto';
import { citizensSubgraph } from '@jobcenter/citizens';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { Actor, addDays, todayInCopenhagen } from '@jobcenter/kit';
import { errorCode, GraphQLResponse } from '@jobcenter/kit/testing';
import { meetingsSubgraph } from '@jobcenter/meetings';
import { placementsSubgraph } from '@jobcenter/placements';
import { plansSubgraph } from '@jobcenter/plans';
import { nextCvr } from '@jobcenter/placements/test/builders';

/**
 * Issue 13, "Integrity and bad input", through the gateway with all four subgraphs on real
 * HTTP: unknown references are refused before anything is stored, input at fault is
 * BAD_USER_INPUT naming the field (never an internal error), implausible dates are refused
 * with the bound, and a dangling reference is reported rather than silently nulled.
 */
const TEAM = 'Team Integrity';
const lead: Actor = { id: randomUUID(), role: 'TEAM_LEAD', name: 'Lone Friis', team: TEAM };
const today = todayInCopenhagen();
let f: TestFederation;
let inger: Actor;
let sofie: Actor;
let ulla: string;
let company: string;

const ok = <T = any>(res: GraphQLResponse<T>): T => {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
};
const refused = (res: GraphQLResponse, field: string, message?: RegExp) => {
  expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  if (message) expect(res.errors![0].message).toMatch(message);
};
const count = async (service: string, table: string) =>
  Number((await f.subgraphs[service].dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

beforeAll(async () => {
  f = await startTestFederation([citizensSubgraph, plansSubgraph, meetingsSubgraph, placementsSubgraph]);
  const staff = async (name: string, role: Actor['role']): Promise<Actor> => {
    const created = ok(
      await f.as(lead, `mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { id } }`, {
        i: { name, role, email: `${randomUUID()}@ryslinge.dk`, team: TEAM },
      }),
    ).createStaffMember;
    return { id: created.id, role, name, team: TEAM };
  };
  inger = await staff('Inger Holm', 'CASEWORKER');
  sofie = await staff('Sofie Berg', 'RESOURCE_CONSULTANT');
  ulla = ok(
    await f.as(
      inger,
      `mutation { registerCitizen(input: {
      cpr: "020787-1428", firstName: "Ulla", lastName: "Jensen", targetGroup: ACTIVITY_READY }) { id } }`,
    ),
  ).registerCitizen.id;
  for (const s of [inger, sofie]) {
    ok(
      await f.as(lead, `mutation($c: ID!, $s: ID!, $r: StaffRole!) { assignStaff(citizenId: $c, staffId: $s, role: $r) { id } }`, {
        c: ulla,
        s: s.id,
        r: s.role,
      }),
    );
  }
  company = ok(
    await f.as(inger, `mutation($i: RegisterCompanyInput!) { registerCompany(input: $i) { id } }`, {
      i: { cvr: nextCvr(), name: 'Kværndrup Kro', industry: 'Kro', size: 'SMALL', partnership: false, contacts: [] },
    }),
  ).registerCompany.id;
}, 90_000);
afterAll(() => f.stop());

const COURSE = `mutation($i: CreateGroupCourseInput!) { createGroupCourse(input: $i) { id facilitators { id name } } }`;
const courseInput = (facilitatorIds: string[], firstSessionAt = `${addDays(today, 30)}T08:00:00Z`) => ({
  title: 'Trivsel i hverdagen',
  topics: ['EVERYDAY_WELLBEING'],
  firstSessionAt,
  facilitatorIds,
});
const MEETING = `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id scheduledAt participants { staff { id name } } } }`;

describe('referenced ids', () => {
  it('refuses a group course with a facilitator who does not exist, and stores nothing (it used to store 8 sessions and answer data: null)', async () => {
    const [courses, sessions] = [await count('meetings', 'group_course'), await count('meetings', 'group_session')];
    const ghost = randomUUID();
    const res = await f.as(sofie, COURSE, { i: courseInput([sofie.id, ghost]) });
    refused(res, 'facilitatorIds', new RegExp(`no staff member with id ${ghost}`));
    expect(await count('meetings', 'group_course')).toBe(courses);
    expect(await count('meetings', 'group_session')).toBe(sessions);
    // With two real facilitators it is stored and answered in full.
    const made = ok(await f.as(sofie, COURSE, { i: courseInput([sofie.id, inger.id]) })).createGroupCourse;
    expect(made.facilitators.map((s: { name: string }) => s.name)).toEqual(['Sofie Berg', 'Inger Holm']);
  });

  it('refuses a meeting with an unknown staff participant or an unknown citizen, naming the field', async () => {
    const before = await count('meetings', 'meeting');
    const at = `${addDays(today, 10)}T09:00:00Z`;
    const participants = [
      { role: 'CASEWORKER', staffId: inger.id },
      { role: 'RESOURCE_CONSULTANT', staffId: randomUUID() },
    ];
    refused(
      await f.as(inger, MEETING, { i: { citizenId: ulla, kind: 'FOLLOW_UP', scheduledAt: at, durationMinutes: 60, participants } }),
      'participants.1.staffId',
    );
    refused(
      await f.as(inger, MEETING, { i: { citizenId: randomUUID(), kind: 'FOLLOW_UP', scheduledAt: at, durationMinutes: 60 } }),
      'citizenId',
    );
    expect(await count('meetings', 'meeting')).toBe(before);
  });

  it('refuses plans, progress, enrolment and placements for a citizen, company or consultant that does not exist', async () => {
    const nobody = randomUUID();
    refused(
      await f.as(inger, `mutation($c: ID!) { createPlan(citizenId: $c, input: { longTermGoal: "Job" }) { id } }`, { c: nobody }),
      'citizenId',
    );
    refused(
      await f.as(
        inger,
        `mutation($c: ID!) { recordProgress(citizenId: $c, input: { scores: [{ dimension: COPING, score: 5 }] }) { id } }`,
        { c: nobody },
      ),
      'citizenId',
    );
    const course = ok(await f.as(sofie, COURSE, { i: courseInput([sofie.id, inger.id], `${addDays(today, 60)}T08:00:00Z`) }))
      .createGroupCourse.id;
    refused(
      await f.as(sofie, `mutation($k: ID!, $c: ID!) { enrollInCourse(courseId: $k, citizenId: $c) { enrolledAt } }`, {
        k: course,
        c: nobody,
      }),
      'citizenId',
    );
    const propose = (i: Record<string, unknown>) =>
      f.as(inger, `mutation($i: ProposePlacementInput!) { proposePlacement(input: $i) { id } }`, {
        i: { citizenId: ulla, companyId: company, kind: 'INTERNSHIP', startDate: addDays(today, 7), endDate: addDays(today, 20), ...i },
      });
    refused(await propose({ citizenId: nobody }), 'citizenId');
    refused(await propose({ companyId: nobody }), 'companyId');
    refused(await propose({ jobConsultantId: nobody }), 'jobConsultantId');
    refused(
      await f.as(lead, `mutation($c: ID!, $s: ID!) { assignStaff(citizenId: $c, staffId: $s, role: JOB_CONSULTANT) { id } }`, {
        c: ulla,
        s: nobody,
      }),
      'staffId',
    );
    expect(await count('plans', 'plan')).toBe(0);
    expect(await count('placements', 'placement')).toBe(0);
  });

  it('reports a dangling reference in an answer as an error instead of a silent data: null', async () => {
    // A facilitator row naming nobody, as the old code could store: the answer must say something is missing.
    const course = ok(await f.as(sofie, COURSE, { i: courseInput([sofie.id, inger.id], `${addDays(today, 120)}T08:00:00Z`) }))
      .createGroupCourse.id;
    await f.subgraphs.meetings.dataSource.query(`UPDATE course_facilitator SET staff_id = $1 WHERE course_id = $2 AND staff_id = $3`, [
      randomUUID(),
      course,
      inger.id,
    ]);
    const res = await f.as(sofie, `query($id: ID!) { groupCourse(id: $id) { id facilitators { name } } }`, { id: course });
    expect(res.data?.groupCourse ?? null).toBeNull();
    expect(errorCode(res)).toBe('DANGLING_REFERENCE');
    expect(res.errors![0].path).toEqual(expect.arrayContaining(['groupCourse', 'facilitators']));
    expect(JSON.stringify(res)).not.toContain('valueCompletion');
  });
});

describe('input at fault is BAD_USER_INPUT, never an internal error', () => {
  it('refuses a NUL character in any text, in a variable or written in the query, at the gateway and at the subgraph', async () => {
    const register = `mutation($i: RegisterCitizenInput!) { registerCitizen(input: $i) { id } }`;
    const i = { cpr: '140391-1235', firstName: 'Per\u0000', lastName: 'Hansen', targetGroup: 'ACTIVITY_READY' };
    refused(await f.as(inger, register, { i }), 'firstName', /control character/);
    refused(await f.subgraphs.citizens.as(inger, register, { i }), 'firstName');
    refused(
      await f.as(inger, `mutation($id: ID!) { addMilestoneUpdate(id: $id, note: "a\\u0000b") { id } }`, { id: randomUUID() }),
      'note',
    );
    refused(await f.as(inger, `query($s: String) { citizens(first: 5, filter: { search: $s }) { totalCount } }`, { s: '\u0000' }), 's');
    expect(await count('citizens', 'citizen')).toBe(1);
  });

  it('refuses impossible dates and times as BAD_USER_INPUT, as variables and as literals, before any subgraph runs', async () => {
    const byVariable = await f.as(inger, `query($from: Date) { groupCourses(from: $from) { id } }`, { from: '2026-02-30' });
    refused(byVariable, 'from', /not a date/);
    const byLiteral = await f.as(inger, `{ groupCourses(from: "2026-02-30") { id } }`);
    expect(errorCode(byLiteral)).toBe('BAD_USER_INPUT');
    expect(byLiteral.errors![0].message).toMatch(/not a date/);
    const inInput = await f.as(inger, MEETING, {
      i: { citizenId: ulla, kind: 'FOLLOW_UP', scheduledAt: '2026-02-30T09:00:00Z', durationMinutes: 60 },
    });
    refused(inInput, 'scheduledAt', /not a valid time/i);
    const enrolled = await f.as(
      inger,
      `mutation { registerCitizen(input: { cpr: "140391-1235", firstName: "Per", lastName: "Hansen",
        targetGroup: ACTIVITY_READY, enrolledAt: "2026-13-01" }) { id } }`,
    );
    expect(errorCode(enrolled)).toBe('BAD_USER_INPUT');
  });

  it('refuses a forged or garbled page cursor as BAD_USER_INPUT naming `after`', async () => {
    const page = (after: string) => f.as(inger, `query($a: String) { citizens(first: 5, after: $a) { totalCount } }`, { a: after });
    const forged = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
    for (const cursor of [
      forged(['a', 'b', 'not-an-id']),
      forged(['a\u0000', 'b', randomUUID()]),
      forged([1, 2]),
      'garbage!!',
      'x'.repeat(5000),
    ]) {
      refused(await page(cursor), 'after', /cursor is not valid/);
    }
    expect(ok(await page(forged(['A', 'A', randomUUID()]))).citizens.totalCount).toBe(1);
  });
});

describe('implausible dates are refused with the bound', () => {
  const schedule = (scheduledAt: string) =>
    f.as(inger, MEETING, { i: { citizenId: ulla, kind: 'FOLLOW_UP', scheduledAt, durationMinutes: 60 } });

  it('meetings: not in year 9999 nor 0001; a meeting registered afterwards, two years back, is fine', async () => {
    refused(await schedule('9999-01-01T09:00:00Z'), 'scheduledAt', /at most 2 years ahead \(\d{4}-\d{2}-\d{2} at the latest\)/);
    refused(await schedule('0001-01-01T09:00:00Z'), 'scheduledAt', /records begin on 1990-01-01/);
    ok(await schedule(`${addDays(today, -730)}T09:00:00Z`));
  });

  it('milestone deadlines, enrolment, plans, placements, courses and assessments', async () => {
    refused(
      await f.as(
        inger,
        `mutation { registerCitizen(input: { cpr: "140391-1235", firstName: "Per", lastName: "Hansen",
        targetGroup: ACTIVITY_READY, enrolledAt: "9999-01-01" }) { id } }`,
      ),
      'enrolledAt',
      /at most 1 year ahead/,
    );
    refused(
      await f.as(inger, `mutation($c: ID!) { createPlan(citizenId: $c, input: { longTermGoal: "Job", startDate: "0999-01-01" }) { id } }`, {
        c: ulla,
      }),
      'startDate',
    );
    const plan = ok(
      await f.as(inger, `mutation($c: ID!, $d: Date) { createPlan(citizenId: $c, input: { longTermGoal: "Job", startDate: $d }) { id } }`, {
        c: ulla,
        d: addDays(today, -400),
      }),
    ).createPlan.id;
    const milestone = (deadline: string) =>
      f.as(inger, `mutation($p: ID!, $d: Date!) { addMilestone(planId: $p, input: { title: "CV", deadline: $d }) { id } }`, {
        p: plan,
        d: deadline,
      });
    refused(await milestone('9999-12-31'), 'deadline', /at most 5 years ahead/);
    ok(await milestone(addDays(today, -300)));
    refused(
      await f.as(
        inger,
        `mutation($c: ID!) { recordProgress(citizenId: $c, input: { assessedAt: "1026-05-01", scores: [{ dimension: COPING, score: 5 }] }) { id } }`,
        { c: ulla },
      ),
      'assessedAt',
    );
    refused(
      await f.as(sofie, COURSE, { i: courseInput([sofie.id, inger.id], '9999-03-01T08:00:00Z') }),
      'firstSessionAt',
      /at most 2 years ahead/,
    );
    const propose = (startDate: string, endDate: string) =>
      f.as(inger, `mutation($i: ProposePlacementInput!) { proposePlacement(input: $i) { id } }`, {
        i: { citizenId: ulla, companyId: company, kind: 'ORDINARY_JOB', startDate, endDate },
      });
    refused(await propose('9999-01-01', '9999-02-01'), 'startDate', /at most 5 years ahead/);
    refused(await propose(addDays(today, 7), '9999-02-01'), 'endDate', /at most 5 years ahead/);
  });
});
