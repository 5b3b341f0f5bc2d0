import type { Actor } from '@jobcenter/kit';
import { citizensSubgraph } from '@jobcenter/citizens';
import { plansSubgraph } from '@jobcenter/plans';
import { DEMO_TEAM, demoCitizens, demoStaff } from '@jobcenter/demo-cast';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { meetingsSubgraph } from '@jobcenter/meetings';

let federation: TestFederation;
const anders: Actor = { ...demoStaff.anders, role: 'RESOURCE_CONSULTANT', team: DEMO_TEAM };
const inger: Actor = { ...demoStaff.inger, role: 'CASEWORKER', team: DEMO_TEAM };

beforeAll(async () => {
  federation = await startTestFederation([citizensSubgraph, plansSubgraph, meetingsSubgraph]);
  for (const definition of [citizensSubgraph, plansSubgraph, meetingsSubgraph]) {
    expect(await definition.seedDemo!(federation.subgraphs[definition.name].dataSource)).toBe(true);
  }
}, 120_000);
afterAll(() => federation.stop());

describe('the demo federation (what `npm start` shows)', () => {
  it("shows Anders' next two weeks: course sessions and meetings with the citizens' names", async () => {
    const from = new Date();
    const to = new Date(from.getTime() + 14 * 86_400_000);
    const res = await federation.as(
      anders,
      `query($id: ID!, $from: DateTime!, $to: DateTime!) { staffMember(id: $id) {
        name agendaItems(from: $from, to: $to) { kind title meeting { citizen { firstName } } } } }`,
      {
        id: anders.id,
        from: from.toISOString(),
        to: to.toISOString(),
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.staffMember.name).toBe('Anders Lund');
    const items: { kind: string; title: string; meeting: { citizen: { firstName: string } } | null }[] = res.data.staffMember.agendaItems;
    expect(items.filter((i) => i.kind === 'GROUP_SESSION').length).toBeGreaterThanOrEqual(1);
    const names = items.flatMap((i) => (i.meeting ? [i.meeting.citizen.firstName] : []));
    expect(names).toEqual(expect.arrayContaining(['Per', 'Svend']));
  });

  it("gives Inger's caseload view: last and next meeting and network meetings overdue, from real enrolment dates", async () => {
    const q = `query($id: ID!) { citizen(id: $id) { firstName enrolledAt networkMeetingOverdue nextMeeting { kind } lastNetworkMeeting { summary } } }`;
    const svend = await federation.as(inger, q, { id: demoCitizens.svend.id });
    expect(svend.errors).toBeUndefined();
    expect(svend.data.citizen).toMatchObject({ firstName: 'Svend', networkMeetingOverdue: true, nextMeeting: { kind: 'WALK_AND_TALK' } });
    const per = await federation.as(inger, q, { id: demoCitizens.per.id });
    expect(per.data.citizen).toMatchObject({ firstName: 'Per', networkMeetingOverdue: false });
    expect(per.data.citizen.lastNetworkMeeting.summary).toMatch(/højskoleophold/);
  });
});
