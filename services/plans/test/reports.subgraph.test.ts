import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { addDays, gatewayAssertionSecret, GATEWAY_ASSERTION_HEADER, todayInCopenhagen, verifyGatewayAssertion } from '@jobcenter/kit';
import { errorCode, GraphQLResponse, startTestGrants, startTestSubgraph, TestGrants, TestSubgraph } from '@jobcenter/kit/testing';
import { plansSubgraph } from '../src/server';
import { addMilestone, analyst, caseworker, citizen, consultant, createPlan, ok, teamLead, TEAM } from './builders';

/**
 * Reports of a course (CaseReport) in the plans subgraph over HTTP. The citizens service is the
 * kit's stand-in (grants and the citizen's name); the meetings service is a stand-in that answers
 * `reportMaterial` as meetings does (its own test proves meetings' side; the federation test the
 * two together).
 */

let subgraph: TestSubgraph;
let grants: TestGrants;
let meetings: Server;
let previousMeetingsUrl: string | undefined;
const materialAsked: { actorRole: string; actorId: string; from: string; to: string; role: string }[] = [];
const today = todayInCopenhagen();
const day = (offset: number) => addDays(today, offset);

beforeAll(async () => {
  grants = await startTestGrants();
  meetings = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      const { actor } = await verifyGatewayAssertion(String(req.headers[GATEWAY_ASSERTION_HEADER]), gatewayAssertionSecret());
      const { variables } = JSON.parse(body);
      materialAsked.push({ ...variables, role: actor.role });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          data: {
            reportMaterial: {
              meetings: [{ kind: 'HOME_VISIT', scheduledAt: `${day(-20)}T08:00:00.000Z`, status: 'HELD', summary: 'Morgenrutinen holder' }],
              agreements: [{ text: 'Fast sengetid kl. 20', responsible: 'CITIZEN', status: 'OPEN', deadline: day(10), agreedOn: day(-20) }],
              attendance: [{ courseTitle: 'Trivsel i hverdagen', sessions: 4, present: 3, absent: 0, excused: 1 }],
            },
          },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => meetings.listen(0, '127.0.0.1', resolve));
  previousMeetingsUrl = process.env.MEETINGS_URL;
  process.env.MEETINGS_URL = `http://127.0.0.1:${(meetings.address() as AddressInfo).port}/graphql`;
  subgraph = await startTestSubgraph(plansSubgraph);
});
afterAll(async () => {
  await subgraph.stop();
  await grants.stop();
  await new Promise((resolve) => meetings.close(resolve));
  if (previousMeetingsUrl === undefined) delete process.env.MEETINGS_URL;
  else process.env.MEETINGS_URL = previousMeetingsUrl;
});

const REPORT =
  'id kind status periodFrom periodTo evaluation text pdfUrl citizenComment version citizen { id } previousVersion { id version }';
const DRAFT = `mutation($i: DraftReportInput!) { draftReport(input: $i) { ${REPORT} } }`;
const APPROVE = `mutation($id: ID!) { approveReport(id: $id) { ${REPORT} approvedByName } }`;
const SHARE = `mutation($id: ID!) { shareReport(id: $id) { ${REPORT} } }`;
const COMMENT = `mutation($id: ID!, $c: String!) { commentOnReport(id: $id, comment: $c) { ${REPORT} } }`;
const REVISE = `mutation($id: ID!, $e: String!) { reviseReport(id: $id, evaluation: $e) { ${REPORT} } }`;
const READ = `query($id: ID!) { caseReport(id: $id) { ${REPORT} } }`;
const CITIZEN_FIELDS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { reports { id status version } midwayReportDueOn } } }`;
const field = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.field;

/** A family in the caseload with a 120-day course started 60 days ago (midway: today), one milestone with history. */
async function family() {
  const id = randomUUID();
  grants.assign(caseworker, id);
  grants.assign(consultant, id);
  grants.setName(id, 'Mette', 'Holm');
  const plan = await createPlan(subgraph, id, {
    longTermGoal: 'En hverdag med faste rutiner',
    startDate: day(-60),
    plannedEndDate: day(60),
  });
  const milestone = await addMilestone(subgraph, plan.id, { title: 'Fast morgenrutine', deadline: day(-5) });
  ok(
    await subgraph.as(consultant, `mutation($id: ID!) { addMilestoneUpdate(id: $id, note: "Børnene møder til tiden hver dag") { id } }`, {
      id: milestone.id,
    }),
  );
  ok(
    await subgraph.as(caseworker, `mutation($c: ID!, $i: RecordProgressInput!) { recordProgress(citizenId: $c, input: $i) { id } }`, {
      c: id,
      i: { assessedAt: day(-50), scores: [{ dimension: 'DAILY_STRUCTURE', score: 3 }] },
    }),
  );
  ok(
    await subgraph.as(
      citizen(id),
      `mutation($c: ID!, $i: RecordProgressInput!) { recordSelfAssessment(citizenId: $c, input: $i) { id } }`,
      {
        c: id,
        i: { scores: [{ dimension: 'DAILY_STRUCTURE', score: 6 }] },
      },
    ),
  );
  return { id, planId: plan.id };
}

const midway = (citizenId: string, over: Record<string, unknown> = {}) => ({
  citizenId,
  kind: 'MIDWAY_STATUS',
  periodFrom: day(-60),
  periodTo: day(0),
  evaluation: 'Familien har fået en fast morgenrutine.\n\nForslag til videre handleplan: aftensmaden.',
  ...over,
});

describe('drafting a report', () => {
  it("composes the text from the plan, its history, progression and the period's meetings, asked for on behalf of the author", async () => {
    const f = await family();
    const report = ok(await subgraph.as(consultant, DRAFT, { i: midway(f.id) })).draftReport;
    expect(report).toMatchObject({
      kind: 'MIDWAY_STATUS',
      status: 'DRAFT',
      version: 1,
      periodFrom: day(-60),
      periodTo: day(0),
      citizenComment: null,
    });
    expect(report.pdfUrl).toBe(`/files/plans/reports/${report.id}.pdf`);
    for (const part of [
      'Statusrapport midtvejs',
      'Borger: Mette Holm',
      'Handleplanens mål: En hverdag med faste rutiner',
      'Fast morgenrutine: Planlagt',
      'Børnene møder til tiden hver dag',
      'Struktur i hverdagen | 3',
      '| 6 (',
      'Hjemmebesøg | Afholdt | Morgenrutinen holder',
      'Fast sengetid kl. 20 | Borgeren | Åben',
      'Trivsel i hverdagen | 4 | 3 | 0 | 1',
      'Forslag til videre handleplan: aftensmaden.',
      'Udarbejdet af: Anders Lund, ressourcekonsulent',
    ]) {
      expect(report.text).toContain(part);
    }
    expect(materialAsked.at(-1)).toEqual({
      citizenId: f.id,
      from: day(-60),
      to: day(0),
      actorRole: 'RESOURCE_CONSULTANT',
      actorId: consultant.id,
      role: 'SERVICE',
    });
  });

  it("refuses a period outside the plan's at its field, and reversed dates at periodTo", async () => {
    const f = await family();
    const before = await subgraph.as(caseworker, DRAFT, { i: midway(f.id, { periodFrom: day(-61) }) });
    expect([errorCode(before), field(before)]).toEqual(['BAD_USER_INPUT', 'periodFrom']);
    const after = await subgraph.as(caseworker, DRAFT, { i: midway(f.id, { kind: 'FINAL', periodTo: day(61) }) });
    expect([errorCode(after), field(after)]).toEqual(['BAD_USER_INPUT', 'periodTo']);
    const reversed = await subgraph.as(caseworker, DRAFT, { i: midway(f.id, { periodFrom: day(-10), periodTo: day(-20) }) });
    expect([errorCode(reversed), field(reversed)]).toEqual(['BAD_USER_INPUT', 'periodTo']);
    const empty = await subgraph.as(caseworker, DRAFT, { i: midway(f.id, { evaluation: '  ' }) });
    expect([errorCode(empty), field(empty)]).toEqual(['BAD_USER_INPUT', 'evaluation']);
  });

  it('is for the caseworker or consultant of the caseload: not the team lead, a citizen, an analyst or another caseload', async () => {
    const f = await family();
    expect(errorCode(await subgraph.as(teamLead, DRAFT, { i: midway(f.id) }))).toBe('FORBIDDEN');
    expect(errorCode(await subgraph.as(citizen(f.id), DRAFT, { i: midway(f.id) }))).toBe('FORBIDDEN');
    expect(errorCode(await subgraph.as(analyst, DRAFT, { i: midway(f.id) }))).toBe('FORBIDDEN');
    const stranger = { id: randomUUID(), role: 'CASEWORKER' as const, name: 'Ole Vest', team: 'Team Vest' };
    expect(errorCode(await subgraph.as(stranger, DRAFT, { i: midway(f.id) }))).toBe('FORBIDDEN');
  });
});

describe('approval, sharing and the citizen', () => {
  it('goes DRAFT → APPROVED (team lead) → SHARED; the citizen sees it only when shared and adds their comment', async () => {
    const f = await family();
    const me = citizen(f.id);
    const { id } = ok(await subgraph.as(caseworker, DRAFT, { i: midway(f.id) })).draftReport;

    // The citizen does not see a draft: as if it did not exist.
    expect(ok(await subgraph.as(me, READ, { id })).caseReport).toBeNull();
    expect(ok(await subgraph.as(me, CITIZEN_FIELDS, { r: [{ __typename: 'Citizen', id: f.id }] }))._entities[0].reports).toEqual([]);
    expect(errorCode(await subgraph.as(me, COMMENT, { id, c: 'Hej' }))).toBe('NOT_FOUND');

    expect(errorCode(await subgraph.as(caseworker, SHARE, { id }))).toBe('CONFLICT');
    expect(errorCode(await subgraph.as(caseworker, APPROVE, { id }))).toBe('FORBIDDEN');
    const approved = ok(await subgraph.as(teamLead, APPROVE, { id })).approveReport;
    expect(approved).toMatchObject({ status: 'APPROVED', approvedByName: 'Lone Friis' });
    expect(errorCode(await subgraph.as(teamLead, APPROVE, { id }))).toBe('CONFLICT');
    expect(ok(await subgraph.as(me, READ, { id })).caseReport).toBeNull();

    const shared = ok(await subgraph.as(caseworker, SHARE, { id })).shareReport;
    expect(shared.status).toBe('SHARED');
    expect(ok(await subgraph.as(me, READ, { id })).caseReport).toMatchObject({ id, status: 'SHARED' });

    expect(errorCode(await subgraph.as(caseworker, COMMENT, { id, c: 'Staff words' }))).toBe('FORBIDDEN');
    const other = citizen();
    expect(errorCode(await subgraph.as(other, COMMENT, { id, c: 'Not mine' }))).toBe('NOT_FOUND');
    const commented = ok(await subgraph.as(me, COMMENT, { id, c: 'Vi er glade for hjælpen om morgenen.' })).commentOnReport;
    expect(commented).toMatchObject({ citizenComment: 'Vi er glade for hjælpen om morgenen.', text: shared.text, status: 'SHARED' });
  });

  it('staff outside the caseload get FORBIDDEN, analysts too', async () => {
    const f = await family();
    const { id } = ok(await subgraph.as(caseworker, DRAFT, { i: midway(f.id) })).draftReport;
    const stranger = { id: randomUUID(), role: 'TEAM_LEAD' as const, name: 'Per Vest', team: 'Team Vest' };
    expect(errorCode(await subgraph.as(stranger, READ, { id }))).toBe('FORBIDDEN');
    expect(errorCode(await subgraph.as(stranger, APPROVE, { id }))).toBe('FORBIDDEN');
    expect(errorCode(await subgraph.as(analyst, READ, { id }))).toBe('FORBIDDEN');
    expect(ok(await subgraph.as({ ...teamLead, team: TEAM }, READ, { id })).caseReport.id).toBe(id);
  });
});

describe('corrections', () => {
  it('rewrite a draft in place, but leave a shared report unchanged and make the correction version 2', async () => {
    const f = await family();
    const first = ok(await subgraph.as(caseworker, DRAFT, { i: midway(f.id) })).draftReport;
    const rewritten = ok(await subgraph.as(caseworker, REVISE, { id: first.id, e: 'Bedre formuleret evaluering.' })).reviseReport;
    expect(rewritten).toMatchObject({ id: first.id, version: 1, status: 'DRAFT', evaluation: 'Bedre formuleret evaluering.' });
    ok(await subgraph.as(teamLead, APPROVE, { id: first.id }));
    const v1 = ok(await subgraph.as(caseworker, SHARE, { id: first.id })).shareReport;

    const v2 = ok(
      await subgraph.as(caseworker, REVISE, { id: first.id, e: 'Rettet: morgenrutinen holder også i weekenden.' }),
    ).reviseReport;
    expect(v2).toMatchObject({ version: 2, status: 'DRAFT', previousVersion: { id: first.id, version: 1 } });
    expect(v2.id).not.toBe(first.id);
    expect(v2.text).toContain('Version 2: retter version 1');
    // Version 1 is exactly as shared.
    expect(ok(await subgraph.as(caseworker, READ, { id: first.id })).caseReport).toEqual(v1);
    // Drafting again while version 2 is a draft rewrites version 2.
    const again = ok(await subgraph.as(caseworker, DRAFT, { i: midway(f.id, { evaluation: 'Endnu en rettelse.' }) })).draftReport;
    expect(again).toMatchObject({ id: v2.id, version: 2 });
    // The citizen still sees only version 1.
    expect(ok(await subgraph.as(citizen(f.id), CITIZEN_FIELDS, { r: [{ __typename: 'Citizen', id: f.id }] }))._entities[0].reports).toEqual(
      [{ id: first.id, status: 'SHARED', version: 1 }],
    );
  });
});

describe('the midway report is due', () => {
  it('from halfway through the course until one is drafted', async () => {
    const f = await family();
    const due = () => subgraph.as(caseworker, CITIZEN_FIELDS, { r: [{ __typename: 'Citizen', id: f.id }] });
    expect(ok(await due())._entities[0].midwayReportDueOn).toBe(today);
    ok(await subgraph.as(caseworker, DRAFT, { i: midway(f.id) }));
    expect(ok(await due())._entities[0].midwayReportDueOn).toBeNull();
  });

  it('not before halfway', async () => {
    const id = randomUUID();
    grants.assign(caseworker, id);
    await createPlan(subgraph, id, { startDate: day(-10), plannedEndDate: day(60) });
    const res = ok(await subgraph.as(caseworker, CITIZEN_FIELDS, { r: [{ __typename: 'Citizen', id }] }));
    expect(res._entities[0].midwayReportDueOn).toBeNull();
  });
});

describe('the access log', () => {
  it('has every read and change of a report under the citizen', async () => {
    const f = await family();
    const { id } = ok(await subgraph.as(caseworker, DRAFT, { i: midway(f.id) })).draftReport;
    ok(await subgraph.as(teamLead, APPROVE, { id }));
    ok(await subgraph.as(caseworker, READ, { id }));
    const rows: { actor_role: string; operation: string }[] = await subgraph.dataSource.query(
      `SELECT actor_role, operation FROM kit_access_log WHERE citizen_id = $1 AND operation_name IS DISTINCT FROM 'reportSubject' ORDER BY seq`,
      [f.id],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { actor_role: 'CASEWORKER', operation: 'CHANGE' },
        { actor_role: 'TEAM_LEAD', operation: 'CHANGE' },
        { actor_role: 'CASEWORKER', operation: 'READ' },
      ]),
    );
  });
});
