import { randomUUID } from 'node:crypto';
import type { Actor } from '@jobcenter/kit';
import { citizensSubgraph } from '@jobcenter/citizens';
import { plansSubgraph } from '@jobcenter/plans';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { addDays, todayInCopenhagen } from '@jobcenter/kit';
import { errorCode, GraphQLResponse } from '@jobcenter/kit/testing';
import { meetingsSubgraph } from '@jobcenter/meetings';
import { TEAM } from '@jobcenter/meetings/test/builders';

/**
 * Issue 18 through the gateway: agreements as tasks on the caseload and the agenda, the citizen's
 * thread with the team, and the follow-up interval whose default comes from the citizens service.
 */
let federation: TestFederation;
const lone: Actor = { id: randomUUID(), role: 'TEAM_LEAD', name: 'Lone Friis', team: TEAM };
let inger: Actor;
let jens: Actor;
const today = todayInCopenhagen();

const ok = <T = any>(res: GraphQLResponse<T>): T => {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
};

async function staff(name: string, role: string): Promise<Actor> {
  const created = ok(
    await federation.as(lone, `mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { id name role team } }`, {
      i: { name, role, email: `${randomUUID()}@ryslinge.dk`, team: TEAM },
    }),
  ).createStaffMember;
  return { id: created.id, role: created.role, name: created.name, team: TEAM };
}

let serial = 0;
async function citizen(targetGroup: string): Promise<{ id: string; actor: Actor }> {
  serial += 1;
  const c = ok(
    await federation.as(inger, `mutation($i: RegisterCitizenInput!) { registerCitizen(input: $i) { id } }`, {
      i: { cpr: `0${serial}0590-1234`, firstName: 'Per', lastName: 'Hansen', targetGroup, enrolledAt: addDays(today, -100) },
    }),
  ).registerCitizen;
  for (const member of [inger, jens]) {
    ok(
      await federation.as(lone, `mutation($c: ID!, $s: ID!, $r: StaffRole!) { assignStaff(citizenId: $c, staffId: $s, role: $r) { id } }`, {
        c: c.id,
        s: member.id,
        r: member.role,
      }),
    );
  }
  return { id: c.id, actor: { id: c.id, role: 'CITIZEN', name: 'Per' } };
}

const at = (days: number) => new Date(`${addDays(today, days)}T09:00:00Z`).toISOString();

beforeAll(async () => {
  federation = await startTestFederation([citizensSubgraph, plansSubgraph, meetingsSubgraph]);
  inger = await staff('Inger Holm', 'CASEWORKER');
  jens = await staff('Jens Kjær', 'JOB_CONSULTANT');
});
afterAll(() => federation.stop());

describe('agreements as tasks through the gateway', () => {
  it('a caseworker records agreements at a network meeting; the caseload shows the overdue one, the agenda the open ones', async () => {
    const per = await citizen('ACTIVITY_READY');
    const met = ok(
      await federation.as(inger, `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }`, {
        i: { citizenId: per.id, kind: 'NETWORK_MEETING', scheduledAt: at(-20), durationMinutes: 90 },
      }),
    ).scheduleMeeting;
    const outcome = ok(
      await federation.as(
        inger,
        `mutation($id: ID!, $i: MeetingOutcomeInput!) { recordMeetingOutcome(id: $id, input: $i) {
          agreements { id text responsible responsibleStaff { name } overdue } } }`,
        {
          id: met.id,
          i: {
            status: 'HELD',
            summary: 'Netværksmøde',
            agreements: [
              { text: 'Per søger højskolen', deadline: addDays(today, -3) },
              {
                text: 'Jens finder et praktiksted',
                deadline: addDays(today, 14),
                responsible: 'JOB_CONSULTANT',
                responsibleStaffId: jens.id,
              },
            ],
          },
        },
      ),
    ).recordMeetingOutcome;
    expect(outcome.agreements).toEqual([
      expect.objectContaining({ text: 'Per søger højskolen', responsible: 'CITIZEN', responsibleStaff: null, overdue: true }),
      expect.objectContaining({ responsible: 'JOB_CONSULTANT', responsibleStaff: { name: 'Jens Kjær' }, overdue: false }),
    ]);

    const caseload = ok(
      await federation.as(inger, `query($s: ID!) { staffMember(id: $s) { caseload { id overdueAgreements { text deadline } } } }`, {
        s: inger.id,
      }),
    ).staffMember.caseload;
    expect(caseload.find((c: { id: string }) => c.id === per.id).overdueAgreements).toEqual([
      { text: 'Per søger højskolen', deadline: addDays(today, -3) },
    ]);

    ok(
      await federation.as(per.actor, `mutation($id: ID!) { setAgreementStatus(id: $id, status: DONE, note: "Sendt") { status } }`, {
        id: outcome.agreements[0].id,
      }),
    );
    const next = ok(
      await federation.as(inger, `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }`, {
        i: { citizenId: per.id, kind: 'FOLLOW_UP', scheduledAt: at(3), durationMinutes: 60 },
      }),
    ).scheduleMeeting;
    const agenda = ok(
      await federation.as(inger, `query($id: ID!) { meeting(id: $id) { openAgreementsBefore { text responsibleStaff { name } } } }`, {
        id: next.id,
      }),
    ).meeting;
    expect(agenda.openAgreementsBefore).toEqual([{ text: 'Jens finder et praktiksted', responsibleStaff: { name: 'Jens Kjær' } }]);

    const own = ok(
      await federation.as(per.actor, `query($id: ID!) { citizen(id: $id) { openAgreements { text } } }`, { id: per.id }),
    ).citizen;
    expect(own.openAgreements).toEqual([{ text: 'Jens finder et praktiksted' }]);
  });

  it('an unknown responsible staff member is BAD_USER_INPUT at its field', async () => {
    const per = await citizen('ACTIVITY_READY');
    const met = ok(
      await federation.as(inger, `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }`, {
        i: { citizenId: per.id, kind: 'FOLLOW_UP', scheduledAt: at(-1), durationMinutes: 30 },
      }),
    ).scheduleMeeting;
    const res = await federation.as(
      inger,
      `mutation($id: ID!, $s: ID!) { recordMeetingOutcome(id: $id, input: { status: HELD,
        agreements: [{ text: "x", responsible: CASEWORKER, responsibleStaffId: $s }] }) { id } }`,
      { id: met.id, s: randomUUID() },
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.field).toBe('agreements.0.responsibleStaffId');
  });
});

describe('the thread and the follow-up interval through the gateway', () => {
  it('staff see the unread message in the caseload; the citizen reads and answers', async () => {
    const per = await citizen('ACTIVITY_READY');
    ok(await federation.as(inger, `mutation($c: ID!) { sendMessage(citizenId: $c, text: "Hej Per") { id } }`, { c: per.id }));
    const mine = ok(
      await federation.as(per.actor, `query($id: ID!) { citizen(id: $id) { unreadMessages messages { fromName text readAt } } }`, {
        id: per.id,
      }),
    ).citizen;
    expect(mine).toEqual({ unreadMessages: 1, messages: [{ fromName: 'Inger Holm', text: 'Hej Per', readAt: null }] });
    expect(
      ok(await federation.as(per.actor, `mutation($c: ID!) { markMessagesRead(citizenId: $c) }`, { c: per.id })).markMessagesRead,
    ).toBe(1);
    ok(await federation.as(per.actor, `mutation($c: ID!) { sendMessage(citizenId: $c, text: "Tak!") { id } }`, { c: per.id }));
    const caseload = ok(
      await federation.as(jens, `query($s: ID!) { staffMember(id: $s) { caseload { id unreadMessages } } }`, { s: jens.id }),
    ).staffMember.caseload;
    expect(caseload.find((c: { id: string }) => c.id === per.id).unreadMessages).toBe(1);
  });

  it("the default interval comes from the citizen's target group; staff set it 7–90 days", async () => {
    const jobReady = await citizen('JOB_READY');
    const q = `query($c: ID!) { followUpRhythm(citizenId: $c) { intervalDays custom citizen { firstName followUpIntervalDays } } }`;
    expect(ok(await federation.as(inger, q, { c: jobReady.id })).followUpRhythm).toEqual({
      intervalDays: 28,
      custom: false,
      citizen: { firstName: 'Per', followUpIntervalDays: 28 },
    });
    const bad = await federation.as(inger, `mutation($c: ID!) { setFollowUpInterval(citizenId: $c, days: 120) { intervalDays } }`, {
      c: jobReady.id,
    });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.field).toBe('days');
    ok(
      await federation.as(inger, `mutation($c: ID!) { setFollowUpInterval(citizenId: $c, days: 10) { intervalDays } }`, { c: jobReady.id }),
    );
    expect(ok(await federation.as(jobReady.actor, q, { c: jobReady.id })).followUpRhythm).toMatchObject({ intervalDays: 10, custom: true });
  });
});
