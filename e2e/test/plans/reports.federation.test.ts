import { randomUUID } from 'node:crypto';
import type { Actor } from '@jobcenter/kit';
import { consumeNotices } from '../../src/notices';
import { citizensSubgraph } from '@jobcenter/citizens';
import { plansSubgraph } from '@jobcenter/plans';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { addDays, todayInCopenhagen } from '@jobcenter/kit';
import { bearerFor, errorCode, GraphQLResponse, pdfText } from '@jobcenter/kit/testing';
import { meetingsSubgraph } from '@jobcenter/meetings';

/**
 * Seed 004 through the gateway: a course of pedagogical support in a family's home ("Pædagogisk
 * støtte i hjemmet") ends with a midway status report with evaluation and proposal for the plan
 * ahead, and a final report. The resource consultant drafts from the plan and the period's home
 * visits; the team lead approves; the report is shared; the mother reads the PDF and comments.
 * A correction is version 2 and the shared version 1 stays as it was.
 */
let federation: TestFederation;
let origin: string;
const TEAM = `Team Familie ${Date.now()}`;
const lone: Actor = { id: randomUUID(), role: 'TEAM_LEAD', name: 'Lone Friis', team: TEAM };
let inger: Actor;
let anders: Actor;
let mette: Actor;
let planId: string;
const today = todayInCopenhagen();
const day = (offset: number) => addDays(today, offset);
const at = (offset: number) => new Date(`${day(offset)}T08:00:00Z`).toISOString();

const ok = <T = any>(res: GraphQLResponse<T>): T => {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
};

async function staff(name: string, role: string, team = TEAM): Promise<Actor> {
  const lead = { ...lone, team };
  const created = ok(
    await federation.as(lead, `mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { id name role team } }`, {
      i: { name, role, email: `${randomUUID()}@familie.dk`, team },
    }),
  ).createStaffMember;
  return { id: created.id, role: created.role, name: created.name, team };
}

const pdf = async (actor: Actor, url: string) => fetch(`${origin}${url}`, { headers: await bearerFor(actor) });

const REPORT = 'id kind status periodFrom periodTo evaluation text pdfUrl citizenComment version previousVersion { id }';
const DRAFT = `mutation($i: DraftReportInput!) { draftReport(input: $i) { ${REPORT} } }`;

beforeAll(async () => {
  federation = await startTestFederation([citizensSubgraph, plansSubgraph, meetingsSubgraph]);
  origin = new URL(federation.url).origin;
  inger = await staff('Inger Holm', 'CASEWORKER');
  anders = await staff('Anders Lund', 'RESOURCE_CONSULTANT');
  const registered = ok(
    await federation.as(inger, `mutation($i: RegisterCitizenInput!) { registerCitizen(input: $i) { id } }`, {
      i: { cpr: '120590-2468', firstName: 'Mette', lastName: 'Holm', targetGroup: 'FAMILY_SUPPORT', enrolledAt: day(-70) },
    }),
  ).registerCitizen;
  mette = { id: registered.id, role: 'CITIZEN', name: 'Mette Holm' };
  for (const member of [inger, anders]) {
    ok(
      await federation.as(lone, `mutation($c: ID!, $s: ID!, $r: StaffRole!) { assignStaff(citizenId: $c, staffId: $s, role: $r) { id } }`, {
        c: mette.id,
        s: member.id,
        r: member.role,
      }),
    );
  }
  // A four-month course of pedagogical support (§ 52 stk. 3 nr. 2), started two months ago.
  planId = ok(
    await federation.as(inger, `mutation($c: ID!, $i: CreatePlanInput!) { createPlan(citizenId: $c, input: $i) { id } }`, {
      c: mette.id,
      i: { longTermGoal: 'En hverdag med faste rutiner for hele familien', startDate: day(-60), plannedEndDate: day(60) },
    }),
  ).createPlan.id;
  const milestone = ok(
    await federation.as(inger, `mutation($p: ID!, $i: AddMilestoneInput!) { addMilestone(planId: $p, input: $i) { id } }`, {
      p: planId,
      i: { title: 'Fast morgenrutine med børnene', deadline: day(-10) },
    }),
  ).addMilestone;
  ok(
    await federation.as(
      anders,
      `mutation($id: ID!) { setMilestoneStatus(id: $id, status: ACHIEVED, note: "Børnene møder til tiden") { id } }`,
      {
        id: milestone.id,
      },
    ),
  );
  ok(
    await federation.as(anders, `mutation($c: ID!, $i: RecordProgressInput!) { recordProgress(citizenId: $c, input: $i) { id } }`, {
      c: mette.id,
      i: { assessedAt: day(-55), scores: [{ dimension: 'DAILY_STRUCTURE', score: 3 }] },
    }),
  );
  const visit = ok(
    await federation.as(anders, `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }`, {
      i: { citizenId: mette.id, kind: 'HOME_VISIT', scheduledAt: at(-30), durationMinutes: 120, location: 'Hjemme hos familien' },
    }),
  ).scheduleMeeting;
  ok(
    await federation.as(anders, `mutation($id: ID!, $i: MeetingOutcomeInput!) { recordMeetingOutcome(id: $id, input: $i) { id } }`, {
      id: visit.id,
      i: {
        status: 'HELD',
        summary: 'Vi øvede morgenrutinen sammen; madpakker smøres aftenen før.',
        agreements: [{ text: 'Madpakker smøres om aftenen', responsible: 'CITIZEN', deadline: day(-20) }],
      },
    }),
  );
}, 120_000);
afterAll(() => federation?.stop());

describe('the family-support course and its two reports (seed 004)', () => {
  let midwayId: string;
  let midwayText: string;

  it('shows the midway report as due in the caseload halfway through the course', async () => {
    const res = ok(
      await federation.as(
        inger,
        `query($s: ID!) { staffMember(id: $s) { caseload { id midwayReportDueOn activePlan { midwayReportDate } } } }`,
        {
          s: inger.id,
        },
      ),
    );
    expect(res.staffMember.caseload).toContainEqual({ id: mette.id, midwayReportDueOn: today, activePlan: { midwayReportDate: today } });
  });

  it('drafts the midway status report from the plan and the home visits of the period', async () => {
    const report = ok(
      await federation.as(anders, DRAFT, {
        i: {
          citizenId: mette.id,
          kind: 'MIDWAY_STATUS',
          periodFrom: day(-60),
          periodTo: day(0),
          evaluation: 'Morgenrutinen er etableret.\n\nForslag til videre handleplan: fokus på aftensmad og sengetider.',
        },
      }),
    ).draftReport;
    expect(report).toMatchObject({ kind: 'MIDWAY_STATUS', status: 'DRAFT', version: 1 });
    for (const part of [
      'Statusrapport midtvejs',
      'Borger: Mette Holm',
      'Fast morgenrutine med børnene: Nået',
      'Børnene møder til tiden',
      'Hjemmebesøg | Afholdt | Vi øvede morgenrutinen sammen; madpakker smøres aftenen før.',
      'Madpakker smøres om aftenen | Borgeren | Åben',
      'Struktur i hverdagen | 3',
      'Forslag til videre handleplan: fokus på aftensmad og sengetider.',
    ]) {
      expect(report.text).toContain(part);
    }
    midwayId = report.id;
    midwayText = report.text;
    // The caseload no longer shows it as due.
    const caseload = ok(
      await federation.as(inger, `query($s: ID!) { staffMember(id: $s) { caseload { id midwayReportDueOn } } }`, { s: inger.id }),
    );
    expect(caseload.staffMember.caseload).toContainEqual({ id: mette.id, midwayReportDueOn: null });
  });

  it('keeps the draft from the citizen, and from the caseworker as approver', async () => {
    expect(ok(await federation.as(mette, `query($id: ID!) { caseReport(id: $id) { id } }`, { id: midwayId })).caseReport).toBeNull();
    expect((await pdf(mette, `/files/plans/reports/${midwayId}.pdf`)).status).toBe(404);
    expect(errorCode(await federation.as(inger, `mutation($id: ID!) { approveReport(id: $id) { id } }`, { id: midwayId }))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await federation.as(inger, `mutation($id: ID!) { shareReport(id: $id) { id } }`, { id: midwayId }))).toBe('CONFLICT');
  });

  it('refuses staff of another caseload, in the API and for the PDF', async () => {
    const ole = await staff('Ole Vest', 'CASEWORKER', `Team Vest ${Date.now()}`);
    expect(errorCode(await federation.as(ole, `query($id: ID!) { caseReport(id: $id) { id } }`, { id: midwayId }))).toBe('FORBIDDEN');
    expect((await pdf(ole, `/files/plans/reports/${midwayId}.pdf`)).status).toBe(403);
  });

  it('is approved by the team lead, shared, read by the citizen as a PDF, and commented on', async () => {
    ok(await federation.as(lone, `mutation($id: ID!) { approveReport(id: $id) { id status } }`, { id: midwayId }));
    const shared = ok(
      await federation.as(inger, `mutation($id: ID!) { shareReport(id: $id) { id status pdfUrl } }`, { id: midwayId }),
    ).shareReport;
    expect(shared.status).toBe('SHARED');
    const mine = ok(await federation.as(mette, `query($c: ID!) { citizen(id: $c) { reports { id status kind text } } }`, { c: mette.id }));
    expect(mine.citizen.reports).toEqual([{ id: midwayId, status: 'SHARED', kind: 'MIDWAY_STATUS', text: midwayText }]);

    const res = await pdf(mette, shared.pdfUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/pdf');
    const text = await pdfText(Buffer.from(await res.arrayBuffer()));
    for (const part of [
      'Statusrapport midtvejs',
      'Mette Holm',
      'Demo Kommune',
      'Fast morgenrutine med børnene',
      'Morgenrutinen er etableret.',
      'Evaluering og forslag til videre handleplan',
    ]) {
      expect(text).toContain(part);
    }
    expect(text.replace(/\s+/g, ' ')).toMatch(/\d{1,2}\. \w+ \d{4} – \d{1,2}\. \w+ \d{4}/);

    const commented = ok(
      await federation.as(mette, `mutation($id: ID!, $c: String!) { commentOnReport(id: $id, comment: $c) { citizenComment text } }`, {
        id: midwayId,
        c: 'Det hjælper at smøre madpakker om aftenen.',
      }),
    ).commentOnReport;
    expect(commented).toEqual({ citizenComment: 'Det hjælper at smøre madpakker om aftenen.', text: midwayText });
    const withComment = await pdfText(Buffer.from(await (await pdf(mette, shared.pdfUrl)).arrayBuffer()));
    expect(withComment).toContain('Borgerens bemærkninger');
    expect(withComment).toContain('Det hjælper at smøre madpakker om aftenen.');
  });

  it('tells the citizen once that a report was shared with them: one report.shared event, one notice', async () => {
    // Sharing again changes nothing, and makes no second event.
    expect(ok(await federation.as(inger, `mutation($id: ID!) { shareReport(id: $id) { status } }`, { id: midwayId })).shareReport).toEqual({
      status: 'SHARED',
    });
    const events = await federation.subgraphs.plans.dataSource.query(
      `SELECT citizen_id AS "citizenId", payload FROM outbox_event WHERE type = 'report.shared' AND aggregate_id = $1`,
      [midwayId],
    );
    expect(events).toEqual([
      { citizenId: mette.id, payload: { reportId: midwayId, planId, referralId: null, kind: 'MIDWAY_STATUS', version: 1 } },
    ]);
    // The notification centre's consumer, on plans' own /events feed, into the citizens database.
    const notices = await consumeNotices(
      federation,
      ['plans'],
      () =>
        federation.subgraphs.citizens.dataSource.query(
          `SELECT kind, subject_type AS "subjectType", subject_id AS "subjectId" FROM notification WHERE citizen_id = $1 AND kind = 'REPORT_SHARED'`,
          [mette.id],
        ),
      (rows) => rows.length > 0,
    );
    expect(notices).toEqual([{ kind: 'REPORT_SHARED', subjectType: 'report', subjectId: midwayId }]);
  });

  it('corrects the shared report as version 2; version 1 is unchanged', async () => {
    const v2 = ok(
      await federation.as(anders, `mutation($id: ID!, $e: String!) { reviseReport(id: $id, evaluation: $e) { ${REPORT} } }`, {
        id: midwayId,
        e: 'Rettelse: morgenrutinen holder også i weekenden.',
      }),
    ).reviseReport;
    expect(v2).toMatchObject({ version: 2, status: 'DRAFT', previousVersion: { id: midwayId } });
    const v1 = ok(await federation.as(inger, `query($id: ID!) { caseReport(id: $id) { ${REPORT} } }`, { id: midwayId })).caseReport;
    expect(v1).toMatchObject({
      status: 'SHARED',
      version: 1,
      text: midwayText,
      citizenComment: 'Det hjælper at smøre madpakker om aftenen.',
    });
    // The citizen sees version 1 only until version 2 is approved and shared.
    const mine = ok(await federation.as(mette, `query($c: ID!) { citizen(id: $c) { reports { id version } } }`, { c: mette.id }));
    expect(mine.citizen.reports).toEqual([{ id: midwayId, version: 1 }]);
  });

  it('ends with the final report once the course is completed', async () => {
    const plan = ok(await federation.as(inger, `query($id: ID!) { plan(id: $id) { version } }`, { id: planId })).plan;
    ok(
      await federation.as(
        inger,
        `mutation($id: ID!, $v: Int!) { updatePlan(id: $id, expectedVersion: $v, input: { status: COMPLETED }) { id } }`,
        {
          id: planId,
          v: plan.version,
        },
      ),
    );
    const input = {
      citizenId: mette.id,
      planId,
      kind: 'FINAL',
      periodFrom: day(-60),
      periodTo: day(0),
      evaluation: 'Familien har faste rutiner. Forslag: ingen videre foranstaltninger.',
    };
    const late = await federation.as(anders, DRAFT, { i: { ...input, periodTo: day(1) } });
    expect([errorCode(late), late.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'periodTo']);
    const final = ok(await federation.as(anders, DRAFT, { i: input })).draftReport;
    expect(final.text).toContain('Afslutningsrapport');
    expect(final.text).toContain('EVALUERING OG FORSLAG TIL VIDERE FORANSTALTNINGER');
    ok(await federation.as(lone, `mutation($id: ID!) { approveReport(id: $id) { id } }`, { id: final.id }));
    ok(await federation.as(inger, `mutation($id: ID!) { shareReport(id: $id) { id } }`, { id: final.id }));
    const text = await pdfText(Buffer.from(await (await pdf(mette, final.pdfUrl)).arrayBuffer()));
    expect(text).toContain('Afslutningsrapport');
    expect(text).toContain('ingen videre foranstaltninger');
  });

  it("puts the drafting on the citizen's access log in every service that gave material, under the author", async () => {
    const logOf = (service: string) =>
      federation.subgraphs[service].dataSource.query(
        `SELECT kind, actor_role, actor_id, operation FROM kit_access_log WHERE citizen_id = $1 AND kind LIKE '%report drafting%'`,
        [mette.id],
      );
    const drafting = { actor_role: 'RESOURCE_CONSULTANT', actor_id: anders.id, operation: 'READ' };
    expect(await logOf('meetings')).toContainEqual({ kind: 'meetings, agreements and attendance (report drafting)', ...drafting });
    expect(await logOf('citizens')).toContainEqual({ kind: 'name (report drafting)', ...drafting });
    const plans = await federation.subgraphs.plans.dataSource.query(
      `SELECT actor_role, operation FROM kit_access_log WHERE citizen_id = $1`,
      [mette.id],
    );
    expect(plans).toEqual(
      expect.arrayContaining([
        { actor_role: 'TEAM_LEAD', operation: 'CHANGE' },
        { actor_role: 'CITIZEN', operation: 'READ' },
      ]),
    );
  });
});
