import { addDays, todayInCopenhagen } from '@jobcenter/kit';
import { startTestGrants, startTestSubgraph, TestGrants, TestSubgraph } from '@jobcenter/kit/testing';
import { DEMO_TEAM, demoCitizens, demoStaff } from '@jobcenter/demo-cast';
import { meetingsSubgraph } from '../src/server';
import { teamLead } from './builders';

let subgraph: TestSubgraph;
let grants: TestGrants;

beforeAll(async () => {
  grants = await startTestGrants();
  // The demo team's caseloads as the citizens service's demo data has them (Bent's ended).
  for (const key of ['per', 'ulla', 'svend', 'line'] as const)
    grants.assign({ id: demoStaff.inger.id, team: DEMO_TEAM }, demoCitizens[key].id);
  subgraph = await startTestSubgraph(meetingsSubgraph);
});
afterAll(async () => {
  await subgraph.stop();
  await grants.stop();
});

describe('demo data for the seed stories', () => {
  it('loads once into an empty database', async () => {
    expect(await meetingsSubgraph.seedDemo!(subgraph.dataSource)).toBe(true);
    expect(await meetingsSubgraph.seedDemo!(subgraph.dataSource)).toBe(false);
  });

  it('shows the rhythm: follow-ups every 14 days, network meetings, overdue where the story says so', async () => {
    const today = todayInCopenhagen();
    // Enrolment dates as the citizens service's demo data has them.
    const enrolled = { per: 150, ulla: 190, svend: 200, line: 170 } as const;
    const res = await subgraph.as(
      teamLead,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen {
        id networkMeetingOverdue nextMeeting { kind } lastNetworkMeeting { summary agreements { text } }
        meetings(kind: WALK_AND_TALK) { status }
        groupEnrollments { attendanceRate course { title sessions { number } } } } } }`,
      {
        r: (Object.keys(enrolled) as (keyof typeof enrolled)[]).map((k) => ({
          __typename: 'Citizen',
          id: demoCitizens[k].id,
          enrolledAt: addDays(today, -enrolled[k]),
        })),
      },
    );
    expect(res.errors).toBeUndefined();
    const [per, ulla, svend, line] = res.data._entities;
    expect(per.networkMeetingOverdue).toBe(false);
    expect(per.lastNetworkMeeting.agreements).toHaveLength(3);
    expect(per.nextMeeting).toEqual({ kind: 'WALK_AND_TALK' });
    expect(ulla.networkMeetingOverdue).toBe(false);
    expect(svend.networkMeetingOverdue).toBe(true);
    expect(line.networkMeetingOverdue).toBe(true);
    expect(line.lastNetworkMeeting).toBeNull();
    expect(per.groupEnrollments).toEqual([{ attendanceRate: 1, course: { title: 'Trivsel i hverdagen', sessions: expect.any(Array) } }]);
    expect(per.groupEnrollments[0].course.sessions).toHaveLength(8);
    expect(ulla.groupEnrollments[0].attendanceRate).toBe(0.667);
    expect(svend.groupEnrollments[0].attendanceRate).toBe(1);
  });

  it("puts the course sessions and follow-ups in Anders' agenda without double-booking him", async () => {
    const from = new Date(Date.now() - 60 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 60 * 86_400_000).toISOString();
    const res = await subgraph.as(
      teamLead,
      `query($r: [_Any!]!, $from: DateTime!, $to: DateTime!) { _entities(representations: $r) {
        ... on StaffMember { agendaItems(from: $from, to: $to) { kind startsAt endsAt } } } }`,
      {
        r: [{ __typename: 'StaffMember', id: demoStaff.anders.id }],
        from,
        to,
      },
    );
    expect(res.errors).toBeUndefined();
    const items: { kind: string; startsAt: string; endsAt: string }[] = res.data._entities[0].agendaItems;
    expect(items.filter((i) => i.kind === 'GROUP_SESSION').length).toBeGreaterThanOrEqual(8);
    expect(items.filter((i) => i.kind === 'MEETING').length).toBeGreaterThanOrEqual(10);
    for (let i = 1; i < items.length; i += 1) expect(items[i].startsAt >= items[i - 1].endsAt).toBe(true);
  });
});
