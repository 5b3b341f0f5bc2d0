import { randomUUID } from 'node:crypto';
import type { Actor } from '@jobcenter/kit';
import { citizensSubgraph } from '@jobcenter/citizens';
import { plansSubgraph } from '@jobcenter/plans';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { addDays, todayInCopenhagen } from '@jobcenter/kit';
import { errorCode, GraphQLResponse } from '@jobcenter/kit/testing';
import { meetingsSubgraph } from '@jobcenter/meetings';
import { analyst, TEAM } from '@jobcenter/meetings/test/builders';

let federation: TestFederation;
const lone: Actor = { id: randomUUID(), role: 'TEAM_LEAD', name: 'Lone Friis', team: TEAM };
let inger: Actor;
let sofie: Actor;
const people: Record<string, { id: string; firstName: string }> = {};
const today = todayInCopenhagen();

function ok<T = any>(res: GraphQLResponse<T>): T {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

/** Monday 00:00 UTC of a week well ahead, so the test's bookings never meet "now". */
const weekStart = new Date(`${addDays(today, 21 + ((8 - new Date(`${today}T00:00:00Z`).getUTCDay()) % 7))}T00:00:00Z`);
const at = (days: number, hourUtc: number) => new Date(weekStart.getTime() + days * 86_400_000 + hourUtc * 3_600_000).toISOString();

async function staff(name: string, role: string): Promise<Actor> {
  const created = ok(
    await federation.as(lone, `mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { id name role team } }`, {
      i: { name, role, email: `${randomUUID()}@ryslinge.dk`, team: TEAM },
    }),
  ).createStaffMember;
  return { id: created.id, role: created.role, name: created.name, team: TEAM };
}

/** Registers a citizen with these staff assigned (the caseload policy), and a plan when given a goal. */
async function citizenWithPlan(cpr: string, firstName: string, enrolledAt: string, goal: string | null, team: Actor[] = [inger, sofie]) {
  const c = ok(
    await federation.as(inger, `mutation($i: RegisterCitizenInput!) { registerCitizen(input: $i) { id firstName } }`, {
      i: { cpr, firstName, lastName: 'Test', targetGroup: 'ACTIVITY_READY', enrolledAt },
    }),
  ).registerCitizen;
  for (const member of team) {
    ok(
      await federation.as(
        lone,
        `mutation($c: ID!, $s: ID!, $r: StaffRole!, $f: Date) { assignStaff(citizenId: $c, staffId: $s, role: $r, from: $f) { id } }`,
        {
          c: c.id,
          s: member.id,
          r: member.role,
          f: enrolledAt,
        },
      ),
    );
  }
  if (goal) {
    ok(
      await federation.as(inger, `mutation($c: ID!, $i: CreatePlanInput!) { createPlan(citizenId: $c, input: $i) { id } }`, {
        c: c.id,
        i: { longTermGoal: goal, startDate: enrolledAt },
      }),
    );
  }
  people[firstName] = c;
  return c;
}

async function book(by: Actor, citizenId: string, scheduledAt: string, kind = 'WALK_AND_TALK', participants?: unknown[]) {
  return ok(
    await federation.as(by, `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }`, {
      i: { citizenId, kind, scheduledAt, durationMinutes: 60, participants },
    }),
  ).scheduleMeeting as { id: string };
}

beforeAll(async () => {
  federation = await startTestFederation([citizensSubgraph, plansSubgraph, meetingsSubgraph]);
  inger = await staff('Inger Holm', 'CASEWORKER');
  sofie = await staff('Sofie Berg', 'RESOURCE_CONSULTANT');
  await citizenWithPlan('020787-1428', 'Ulla', addDays(today, -30), 'Et arbejde, hvor jeg ikke er bange');
  await citizenWithPlan('230994-1017', 'Svend', addDays(today, -150), 'Uddannet anlægsgartner, derefter fast job');
  await citizenWithPlan('110605-4326', 'Line', addDays(today, -40), null);
}, 120_000);
afterAll(() => federation.stop());

describe("a consultant's week through the gateway", () => {
  it("lists Sofie's meetings for the week with each citizen's name and active plan", async () => {
    await book(sofie, people.Svend.id, at(2, 9));
    await book(sofie, people.Ulla.id, at(0, 8));
    await book(inger, people.Line.id, at(1, 12), 'NETWORK_MEETING', [
      { role: 'CITIZEN' },
      { role: 'CASEWORKER', staffId: inger.id },
      { role: 'RESOURCE_CONSULTANT', staffId: sofie.id },
    ]);
    await book(sofie, people.Ulla.id, at(9, 8)); // the week after

    const res = await federation.as(
      sofie,
      `query($id: ID!, $from: DateTime!, $to: DateTime!) { staffMember(id: $id) {
        name
        agenda(from: $from, to: $to) { scheduledAt kind citizen { firstName activePlan { longTermGoal } } } } }`,
      {
        id: sofie.id,
        from: weekStart.toISOString(),
        to: at(7, 0),
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.staffMember).toEqual({
      name: 'Sofie Berg',
      agenda: [
        {
          scheduledAt: at(0, 8),
          kind: 'WALK_AND_TALK',
          citizen: { firstName: 'Ulla', activePlan: { longTermGoal: 'Et arbejde, hvor jeg ikke er bange' } },
        },
        { scheduledAt: at(1, 12), kind: 'NETWORK_MEETING', citizen: { firstName: 'Line', activePlan: null } },
        {
          scheduledAt: at(2, 9),
          kind: 'WALK_AND_TALK',
          citizen: { firstName: 'Svend', activePlan: { longTermGoal: 'Uddannet anlægsgartner, derefter fast job' } },
        },
      ],
    });
  });

  it('computes networkMeetingOverdue from the enrolment date the citizens service holds (@requires)', async () => {
    const q = `query($id: ID!) { citizen(id: $id) { firstName networkMeetingOverdue lastNetworkMeeting { id } nextMeeting { kind } } }`;
    const svend = ok(await federation.as(inger, q, { id: people.Svend.id })).citizen;
    expect(svend).toEqual({
      firstName: 'Svend',
      networkMeetingOverdue: true,
      lastNetworkMeeting: null,
      nextMeeting: { kind: 'WALK_AND_TALK' },
    });
    const ulla = ok(await federation.as(inger, q, { id: people.Ulla.id })).citizen;
    expect(ulla.networkMeetingOverdue).toBe(false);
  });

  it('lets Ulla see her own meetings, and keeps the analyst to the statistics', async () => {
    const ullaActor: Actor = { id: people.Ulla.id, role: 'CITIZEN', name: 'Ulla' };
    const own = await federation.as(ullaActor, `query($id: ID!) { citizen(id: $id) { meetings { kind status } } }`, { id: people.Ulla.id });
    expect(own.errors).toBeUndefined();
    expect(own.data.citizen.meetings).toEqual([
      { kind: 'WALK_AND_TALK', status: 'PLANNED' },
      { kind: 'WALK_AND_TALK', status: 'PLANNED' },
    ]);

    const agenda = await federation.as(
      analyst,
      `query($id: ID!) { staffMember(id: $id) { agenda(from: "2026-01-01T00:00:00Z", to: "2026-12-31T00:00:00Z") { id } } }`,
      { id: sofie.id },
    );
    expect(errorCode(agenda)).toBe('FORBIDDEN');
    const stats = await federation.as(
      analyst,
      `query($f: Date!, $t: Date!) { meetingStatistics(from: $f, to: $t) { planned held suppressed } }`,
      {
        f: today,
        t: addDays(today, 60),
      },
    );
    expect(stats.errors).toBeUndefined();
    // Four planned meetings of three citizens: withheld through the gateway too, and listed.
    expect(stats.data.meetingStatistics).toEqual({ planned: 0, held: 0, suppressed: ['planned'] });
  });

  it('costs the same number of SQL statements for a week of 2 meetings as for a week of 8', async () => {
    const jens = await staff('Jens Kjær', 'JOB_CONSULTANT');
    const cprs = ['140391-1235', '080801-4153', '150590-1001', '160590-1002', '170590-1003', '180590-1004', '190590-1005', '200590-1006'];
    const citizens = [];
    for (const [i, cpr] of cprs.entries())
      citizens.push(await citizenWithPlan(cpr, `Borger${i}`, addDays(today, -20), `Mål ${i}`, [inger, jens]));
    for (const [i, c] of citizens.slice(0, 2).entries()) await book(jens, c.id, at(14 + i, 8));
    for (const [i, c] of citizens.entries()) await book(jens, c.id, at(21 + (i % 5), 7 + Math.floor(i / 5) * 2));
    const week = (start: number) => async () => {
      const res = await federation.as(
        jens,
        `query($id: ID!, $from: DateTime!, $to: DateTime!) { staffMember(id: $id) {
          agenda(from: $from, to: $to) { scheduledAt citizen { firstName activePlan { longTermGoal } } } } }`,
        {
          id: jens.id,
          from: at(start, 0),
          to: at(start + 7, 0),
        },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.staffMember.agenda.every((m: any) => m.citizen.activePlan.longTermGoal.startsWith('Mål'))).toBe(true);
      return res.data.staffMember.agenda.length;
    };
    let small = 0;
    let large = 0;
    const few = await federation.countStatements(async () => {
      small = await week(14)();
    });
    const many = await federation.countStatements(async () => {
      large = await week(21)();
    });
    expect([small, large]).toEqual([2, 8]);
    expect(many).toBe(few);
  });
});
