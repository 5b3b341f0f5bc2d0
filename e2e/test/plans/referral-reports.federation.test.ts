import { randomUUID } from 'node:crypto';
import type { Actor } from '@jobcenter/kit';
import { citizensSubgraph } from '@jobcenter/citizens';
import { plansSubgraph } from '@jobcenter/plans';
import { placementsSubgraph } from '@jobcenter/placements';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { addDays, todayInCopenhagen } from '@jobcenter/kit';
import { bearerFor, errorCode, GraphQLResponse, pdfText } from '@jobcenter/kit/testing';
import { meetingsSubgraph } from '@jobcenter/meetings';

/**
 * Seed 004 as a referral, through the gateway: the family is referred to a family-support
 * provider for pedagogical support in the home (placements' Referral), and the course's two
 * reports are about that referral: a midway status report for its first half, then a final
 * report. Plans copies the referral from placements (hidden query, SERVICE identity) and checks
 * the period against the referral's dates.
 */
let federation: TestFederation;
let origin: string;
const TEAM = `Team Familie ${Date.now()}`;
const lone: Actor = { id: randomUUID(), role: 'TEAM_LEAD', name: 'Lone Friis', team: TEAM };
let inger: Actor;
let anders: Actor;
let mette: Actor;
let referralId: string;
let otherReferralId: string;
const PROVIDER = `Familiehuset Lærkereden ${Date.now()}`;
const today = todayInCopenhagen();
const day = (offset: number) => addDays(today, offset);

const ok = <T = any>(res: GraphQLResponse<T>): T => {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
};
const fieldOf = (res: GraphQLResponse) => [errorCode(res), res.errors?.[0]?.extensions?.field];

async function staff(name: string, role: string): Promise<Actor> {
  const created = ok(
    await federation.as(lone, `mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { id name role team } }`, {
      i: { name, role, email: `${randomUUID()}@familie.dk`, team: TEAM },
    }),
  ).createStaffMember;
  return { id: created.id, role: created.role, name: created.name, team: TEAM };
}

async function citizen(cpr: string, firstName: string): Promise<string> {
  const id = ok(
    await federation.as(inger, `mutation($i: RegisterCitizenInput!) { registerCitizen(input: $i) { id } }`, {
      i: { cpr, firstName, lastName: 'Holm', targetGroup: 'FAMILY_SUPPORT', enrolledAt: day(-70) },
    }),
  ).registerCitizen.id;
  for (const member of [inger, anders]) {
    ok(
      await federation.as(lone, `mutation($c: ID!, $s: ID!, $r: StaffRole!) { assignStaff(citizenId: $c, staffId: $s, role: $r) { id } }`, {
        c: id,
        s: member.id,
        r: member.role,
      }),
    );
  }
  ok(
    await federation.as(inger, `mutation($c: ID!, $i: CreatePlanInput!) { createPlan(citizenId: $c, input: $i) { id } }`, {
      c: id,
      i: { longTermGoal: 'En hverdag med faste rutiner for hele familien', startDate: day(-60), plannedEndDate: day(60) },
    }),
  );
  return id;
}

async function refer(citizenId: string, providerId: string): Promise<string> {
  const referral = ok(
    await federation.as(inger, `mutation($i: ReferralInput!) { referCitizen(input: $i) { id } }`, {
      i: {
        citizenId,
        providerId,
        kind: 'FAMILY_SUPPORT',
        startDate: day(-30),
        endDate: day(30),
        purpose: 'Pædagogisk støtte i hjemmet: faste rutiner morgen og aften',
      },
    }),
  ).referCitizen;
  ok(await federation.as(inger, `mutation($id: ID!) { setReferralStatus(id: $id, status: ACTIVE) { id } }`, { id: referral.id }));
  return referral.id;
}

const pdf = async (actor: Actor, url: string) =>
  pdfText(Buffer.from(await (await fetch(`${origin}${url}`, { headers: await bearerFor(actor) })).arrayBuffer()));
const REPORT = 'id kind status version periodFrom periodTo text pdfUrl referral { id provider { name } } plan { id }';
const DRAFT = `mutation($i: DraftReportInput!) { draftReport(input: $i) { ${REPORT} } }`;
const draft = (input: Record<string, unknown>) =>
  federation.as(anders, DRAFT, {
    i: {
      citizenId: mette.id,
      referralId,
      kind: 'MIDWAY_STATUS',
      periodFrom: day(-30),
      periodTo: day(0),
      evaluation: 'Morgenrutinen er etableret.\n\nForslag til videre handleplan: fokus på aftensmad og sengetider.',
      ...input,
    },
  });

beforeAll(async () => {
  federation = await startTestFederation([citizensSubgraph, plansSubgraph, meetingsSubgraph, placementsSubgraph]);
  origin = new URL(federation.url).origin;
  inger = await staff('Inger Holm', 'CASEWORKER');
  anders = await staff('Anders Lund', 'RESOURCE_CONSULTANT');
  mette = { id: await citizen('120590-2468', 'Mette'), role: 'CITIZEN', name: 'Mette Holm' };
  const provider = ok(
    await federation.as(inger, `mutation($i: RegisterProviderInput!) { registerProvider(input: $i) { id } }`, {
      i: { name: PROVIDER, kinds: ['FAMILY_SUPPORT'] },
    }),
  ).registerProvider;
  referralId = await refer(mette.id, provider.id);
  otherReferralId = await refer(await citizen('150385-1357', 'Karen'), provider.id);
}, 120_000);
afterAll(() => federation?.stop());

describe("a family-support referral's two reports (seed 004)", () => {
  let midwayId: string;

  it('refuses a period outside the referral at the field, though within the plan', async () => {
    expect(fieldOf(await draft({ periodFrom: day(-31) }))).toEqual(['BAD_USER_INPUT', 'periodFrom']);
    expect(fieldOf(await draft({ periodTo: day(31), kind: 'FINAL' }))).toEqual(['BAD_USER_INPUT', 'periodTo']);
  });

  it("refuses another citizen's referral, and an unknown one, at referralId", async () => {
    const other = await draft({ referralId: otherReferralId });
    expect(fieldOf(other)).toEqual(['BAD_USER_INPUT', 'referralId']);
    expect(JSON.stringify(other.errors)).not.toContain('Karen');
    expect(fieldOf(await draft({ referralId: randomUUID() }))).toEqual(['BAD_USER_INPUT', 'referralId']);
    expect(fieldOf(await draft({ referralId: 'not-an-id' }))).toEqual(['BAD_USER_INPUT', 'referralId']);
  });

  it("drafts the midway status report for the referral's first half, with the offer in it", async () => {
    const report = ok(await draft({})).draftReport;
    expect(report).toMatchObject({
      kind: 'MIDWAY_STATUS',
      status: 'DRAFT',
      version: 1,
      referral: { id: referralId, provider: { name: PROVIDER } },
    });
    expect(report.plan).not.toBeNull();
    for (const part of [
      'Statusrapport midtvejs',
      'TILBUD',
      `Tilbudsgiver: ${PROVIDER}`,
      'Tilbud: Familiestøtte',
      'Formål: Pædagogisk støtte i hjemmet: faste rutiner morgen og aften',
      'Status: I gang',
      'Forslag til videre handleplan: fokus på aftensmad og sengetider.',
    ]) {
      expect(report.text).toContain(part);
    }
    midwayId = report.id;
    // The plan's own midway report is still due: the referral's does not stand in for it.
    const caseload = ok(
      await federation.as(inger, `query($s: ID!) { staffMember(id: $s) { caseload { id midwayReportDueOn } } }`, { s: inger.id }),
    );
    expect(caseload.staffMember.caseload).toContainEqual({ id: mette.id, midwayReportDueOn: today });
    // Drafting again rewrites the referral's draft (one draft per plan, referral and kind).
    const again = ok(await draft({ evaluation: 'Morgenrutinen er næsten etableret.' })).draftReport;
    expect(again).toMatchObject({ id: midwayId, version: 1 });
  });

  it('is approved by the team lead, shared, read as a PDF by the citizen, and commented on', async () => {
    ok(await federation.as(lone, `mutation($id: ID!) { approveReport(id: $id) { id } }`, { id: midwayId }));
    const shared = ok(
      await federation.as(inger, `mutation($id: ID!) { shareReport(id: $id) { status pdfUrl } }`, { id: midwayId }),
    ).shareReport;
    expect(shared.status).toBe('SHARED');
    const text = await pdf(mette, shared.pdfUrl);
    for (const part of ['Statusrapport midtvejs', 'Tilbud', PROVIDER, 'Familiestøtte', 'Mette Holm']) expect(text).toContain(part);
    const commented = ok(
      await federation.as(mette, `mutation($id: ID!, $c: String!) { commentOnReport(id: $id, comment: $c) { citizenComment } }`, {
        id: midwayId,
        c: 'Besøgene hjælper os.',
      }),
    ).commentOnReport;
    expect(commented.citizenComment).toBe('Besøgene hjælper os.');
  });

  it('ends with the final report once the referral is completed', async () => {
    ok(
      await federation.as(
        inger,
        `mutation($id: ID!) { setReferralStatus(id: $id, status: COMPLETED, result: COMPLETED_AS_PLANNED) { id } }`,
        {
          id: referralId,
        },
      ),
    );
    const final = ok(
      await draft({ kind: 'FINAL', periodTo: day(0), evaluation: 'Familien har faste rutiner. Forslag: ingen videre foranstaltninger.' }),
    ).draftReport;
    expect(final).toMatchObject({ kind: 'FINAL', version: 1, referral: { id: referralId } });
    expect(final.text).toContain('Status: Afsluttet');
    expect(final.text).toContain('Resultat: Gennemført som planlagt');
    ok(await federation.as(lone, `mutation($id: ID!) { approveReport(id: $id) { id } }`, { id: final.id }));
    ok(await federation.as(inger, `mutation($id: ID!) { shareReport(id: $id) { id } }`, { id: final.id }));
    const text = await pdf(mette, final.pdfUrl);
    expect(text).toContain('Afslutningsrapport');
    expect(text).toContain(PROVIDER);
    const mine = ok(
      await federation.as(mette, `query($c: ID!) { citizen(id: $c) { reports { id kind referral { id } } } }`, { c: mette.id }),
    );
    expect(mine.citizen.reports).toEqual(
      expect.arrayContaining([
        { id: midwayId, kind: 'MIDWAY_STATUS', referral: { id: referralId } },
        { id: final.id, kind: 'FINAL', referral: { id: referralId } },
      ]),
    );
  });

  it("puts the referral's read on the citizen's log in placements, under the author", async () => {
    const rows = await federation.subgraphs.placements.dataSource.query(
      `SELECT kind, actor_role, actor_id, operation FROM kit_access_log WHERE citizen_id = $1 AND kind LIKE '%report drafting%'`,
      [mette.id],
    );
    expect(rows).toContainEqual({
      kind: 'referral (report drafting)',
      actor_role: 'RESOURCE_CONSULTANT',
      actor_id: anders.id,
      operation: 'READ',
    });
  });
});
