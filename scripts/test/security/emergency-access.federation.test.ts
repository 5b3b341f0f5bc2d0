import type { Actor } from '@jobcenter/kit';
import { errorCode } from '@jobcenter/kit/testing';
import { DEMO_TEAM, demoCitizens, demoStaff } from '@jobcenter/demo-cast';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { subgraphs } from '../../src/services';

/**
 * Emergency access ("break-the-glass"): Jens is not on Per's team, Per calls in a crisis and
 * his caseworker is away. Jens opens Per's record stating why; it shows in Per's access log and
 * on Lone's review list, and ends by itself.
 */
let federation: TestFederation;
const staff = (key: keyof typeof demoStaff): Actor => ({ ...demoStaff[key], team: DEMO_TEAM });
// A consultant of the team who is not on Per's case (Jens, the job consultant, is: his internship).
const jens = staff('sofie');
const lone = staff('lone');
const per: Actor = { id: demoCitizens.per.id, role: 'CITIZEN', name: 'Per Hansen' };
const REASON = 'Per ringer i krise; Inger er syg i dag';
const OPEN = `mutation($c: ID!, $r: String!) { openEmergencyAccess(citizenId: $c, reason: $r) { id staffId reason grantedAt expiresAt reviewedAt } }`;
const PLAN = `query($id: ID!) { citizen(id: $id) { firstName activePlan { longTermGoal } meetings { id } } }`;
const LOG = `query($id: ID!) { citizen(id: $id) { accessLog { domain purpose reason actorRole actorId } } }`;
const previousTtl = process.env.ACCESS_GRANT_TTL_MS;

beforeAll(async () => {
  process.env.ACCESS_GRANT_TTL_MS = '300';
  federation = await startTestFederation(subgraphs);
  for (const definition of subgraphs) await definition.seedDemo?.(federation.subgraphs[definition.name].dataSource);
}, 60_000);
afterAll(async () => {
  await federation.stop();
  if (previousTtl === undefined) delete process.env.ACCESS_GRANT_TTL_MS;
  else process.env.ACCESS_GRANT_TTL_MS = previousTtl;
});

describe('emergency access', () => {
  let grantId: string;

  it('opens a citizen outside the caseload for a few hours, with a stated reason, in every domain at once', async () => {
    expect(errorCode(await federation.as(jens, PLAN, { id: per.id }))).toBe('FORBIDDEN');
    expect(errorCode(await federation.as(jens, OPEN, { c: per.id, r: 'fordi' }))).toBe('BAD_USER_INPUT');
    const opened = await federation.as(jens, OPEN, { c: per.id, r: `  ${REASON} ` });
    expect(opened.errors).toBeUndefined();
    const grant = opened.data.openEmergencyAccess;
    grantId = grant.id;
    expect(grant).toMatchObject({ staffId: jens.id, reason: REASON, reviewedAt: null });
    const hours = (new Date(grant.expiresAt).getTime() - new Date(grant.grantedAt).getTime()) / 3_600_000;
    expect(hours).toBeCloseTo(4, 1);
    const read = await federation.as(jens, PLAN, { id: per.id });
    expect(read.errors).toBeUndefined();
    expect(read.data.citizen.activePlan.longTermGoal).toMatch(/mekaniker/);
  });

  it('is refused to analysts, citizens and team leads, and for a citizen already in the caseload (CONFLICT)', async () => {
    for (const actor of [staff('karin'), per, lone])
      expect(errorCode(await federation.as(actor, OPEN, { c: per.id, r: REASON }))).toBe('FORBIDDEN');
    expect(errorCode(await federation.as(staff('inger'), OPEN, { c: per.id, r: REASON }))).toBe('CONFLICT');
  });

  it("shows in Per's access log as EMERGENCY with its reason, in each domain Jens looked at", async () => {
    const own = await federation.as(per, LOG, { id: per.id });
    expect(own.errors).toBeUndefined();
    const emergency = (own.data.citizen.accessLog as any[]).filter((e) => e.purpose === 'EMERGENCY');
    expect(new Set(emergency.map((e) => e.domain))).toEqual(new Set(['citizens', 'plans', 'meetings']));
    for (const e of emergency) expect(e).toMatchObject({ reason: REASON, actorRole: jens.role, actorId: null });
  });

  it("puts it on the team lead's review list until reviewed", async () => {
    const list = await federation.as(lone, `{ emergencyAccessesForReview { id citizenId staffId reason } }`);
    expect(list.data.emergencyAccessesForReview).toContainEqual({ id: grantId, citizenId: per.id, staffId: jens.id, reason: REASON });
    expect(errorCode(await federation.as(jens, `{ emergencyAccessesForReview { id } }`))).toBe('FORBIDDEN');
    const review = `mutation($id: ID!) { reviewEmergencyAccess(id: $id, note: "I orden: Per fik hjælp") { reviewedAt reviewedBy reviewNote } }`;
    const reviewed = await federation.as(lone, review, { id: grantId });
    expect(reviewed.data.reviewEmergencyAccess).toMatchObject({ reviewedBy: lone.id, reviewNote: 'I orden: Per fik hjælp' });
    expect(errorCode(await federation.as(lone, review, { id: grantId }))).toBe('CONFLICT');
    const after = await federation.as(lone, `{ emergencyAccessesForReview { id } }`);
    expect(after.data.emergencyAccessesForReview.map((g: any) => g.id)).not.toContain(grantId);
    const all = await federation.as(lone, `{ emergencyAccessesForReview(includeReviewed: true) { id } }`);
    expect(all.data.emergencyAccessesForReview.map((g: any) => g.id)).toContain(grantId);
    // A team lead of another team does not see it.
    const other = await federation.as({ ...lone, team: 'Team Vest' }, `{ emergencyAccessesForReview(includeReviewed: true) { id } }`);
    expect(other.data.emergencyAccessesForReview).toEqual([]);
  });

  it('ends by itself when it expires', async () => {
    await federation.subgraphs.citizens.dataSource.query(
      `UPDATE emergency_access SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [grantId],
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    const res = await federation.as(jens, PLAN, { id: per.id });
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(JSON.stringify(res)).not.toMatch(/mekaniker/);
    const direct = await federation.subgraphs.plans.as(
      jens,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { activePlan { longTermGoal } } } }`,
      {
        r: [{ __typename: 'Citizen', id: per.id }],
      },
    );
    expect(errorCode(direct)).toBe('FORBIDDEN');
  });
});
