import { copenhagenDate, subgraphClient } from '@jobcenter/kit';
import { errorCode, startTestGrants, startTestSubgraph, TestGrants, TestSubgraph } from '@jobcenter/kit/testing';
import { meetingsSubgraph } from '../src/server';
import { caseworker, citizenInCaseloadOf, consultant, createCourse, daysFromNow, enroll, recordOutcome, scheduleMeeting } from './builders';

/** The period's meetings, agreements and attendance that plans copies into a report (services only). */

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

const MATERIAL = `query($c: ID!, $f: Date!, $t: Date!, $r: String!, $a: ID!) {
  reportMaterial(citizenId: $c, from: $f, to: $t, actorRole: $r, actorId: $a) {
    meetings { kind scheduledAt status summary }
    agreements { text responsible status deadline agreedOn }
    attendance { courseTitle sessions present absent excused } } }`;
const day = (offset: number) => copenhagenDate(daysFromNow(offset));

describe('reportMaterial', () => {
  it("gives the period's meetings with minutes, their agreements and course attendance, and logs the read under the drafting staff member", async () => {
    const anders = consultant();
    const inger = caseworker();
    const familie = citizenInCaseloadOf(grants, anders, inger);
    const visit = await scheduleMeeting(subgraph, anders, { citizenId: familie, kind: 'HOME_VISIT', scheduledAt: daysFromNow(-10) });
    await recordOutcome(subgraph, anders, visit.id, {
      status: 'HELD',
      summary: 'Morgenrutinen virker: børnene kommer i skole til tiden.',
      agreements: [{ text: 'Fast sengetid kl. 20', responsible: 'CITIZEN', deadline: day(20) }],
    });
    // Before the period: not quoted.
    const old = await scheduleMeeting(subgraph, anders, { citizenId: familie, kind: 'FOLLOW_UP', scheduledAt: daysFromNow(-40) });
    await recordOutcome(subgraph, anders, old.id, { status: 'HELD', summary: 'Gammelt referat' });
    const course = await createCourse(subgraph, anders, {
      firstSessionAt: daysFromNow(-15),
      facilitatorIds: [anders.id, consultant('Mette Berg').id],
    });
    expect((await enroll(subgraph, anders, course.id, familie)).errors).toBeUndefined();
    const attend = (n: number, status: string) =>
      subgraph.as(
        anders,
        `mutation($s: ID!, $c: ID!, $st: AttendanceStatus!) { recordAttendance(sessionId: $s, citizenId: $c, status: $st) { status } }`,
        {
          s: course.sessions[n].id,
          c: familie,
          st: status,
        },
      );
    expect((await attend(0, 'PRESENT')).errors).toBeUndefined();
    expect((await attend(1, 'EXCUSED')).errors).toBeUndefined();

    const asPlans = subgraphClient('plans', 'meetings', subgraph.url);
    const data = await asPlans.query<any>(MATERIAL, { c: familie, f: day(-30), t: day(0), r: 'CASEWORKER', a: inger.id });
    expect(data.reportMaterial.meetings).toEqual([
      expect.objectContaining({ kind: 'HOME_VISIT', status: 'HELD', summary: 'Morgenrutinen virker: børnene kommer i skole til tiden.' }),
    ]);
    expect(data.reportMaterial.agreements).toEqual([
      { text: 'Fast sengetid kl. 20', responsible: 'CITIZEN', status: 'OPEN', deadline: day(20), agreedOn: day(-10) },
    ]);
    expect(data.reportMaterial.attendance).toEqual([
      { courseTitle: 'Trivsel i hverdagen', sessions: 3, present: 1, absent: 0, excused: 1 },
    ]);

    const logged = await subgraph.dataSource.query(
      `SELECT actor_id, actor_role, kind, operation FROM kit_access_log WHERE citizen_id = $1 AND operation_name = 'reportMaterial'`,
      [familie],
    );
    expect(logged).toEqual([
      { actor_id: inger.id, actor_role: 'CASEWORKER', kind: 'meetings, agreements and attendance (report drafting)', operation: 'READ' },
    ]);
  });

  it('is for services only, on behalf of case staff', async () => {
    const anders = consultant();
    const familie = citizenInCaseloadOf(grants, anders);
    const vars = { c: familie, f: day(-30), t: day(0), r: 'RESOURCE_CONSULTANT', a: anders.id };
    expect(errorCode(await subgraph.as(anders, MATERIAL, vars))).toBe('FORBIDDEN');
    await expect(subgraphClient('plans', 'meetings', subgraph.url).query(MATERIAL, { ...vars, r: 'CITIZEN' })).rejects.toThrow(
      /case staff/,
    );
  });
});
