import type { Actor } from '@jobcenter/kit';
import { errorCode } from '@jobcenter/kit/testing';
import { DEMO_TEAM, demoCitizens, demoStaff } from '@jobcenter/demo-cast';
import { operation } from '@jobcenter/gateway/dist/src/operations';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/dist/src/testing';
import { subgraphs } from '../src/services';

/**
 * The four operations clients run (gateway/operations), end to end through the gateway over
 * all four subgraphs, on the seed stories' demo data.
 */
let federation: TestFederation;
const staff = (key: keyof typeof demoStaff): Actor => ({ ...demoStaff[key], team: DEMO_TEAM });
const svend: Actor = { id: demoCitizens.svend.id, role: 'CITIZEN', name: 'Svend Madsen' };

beforeAll(async () => {
  federation = await startTestFederation(subgraphs);
  for (const definition of subgraphs) await definition.seedDemo?.(federation.subgraphs[definition.name].dataSource);
});
afterAll(() => federation.stop());

describe('the operations clients run', () => {
  it("CaseworkerCaseload: Inger's citizens with plan, overdue milestones, meetings and placement", async () => {
    const res = await federation.as(staff('inger'), operation('CaseworkerCaseload'), { staffId: demoStaff.inger.id });
    expect(res.errors).toBeUndefined();
    const caseload = res.data.staffMember.caseload as any[];
    // Bent is self-supporting: his team's assignments ended, so he is off the caseload.
    expect(caseload.map((c) => c.firstName).sort()).toEqual(['Per', 'Svend']);
    const per = caseload.find((c) => c.firstName === 'Per');
    expect(per.activePlan.longTermGoal).toMatch(/mekaniker/);
    expect(per.activePlan.overdueMilestones.map((m: any) => m.title)).toEqual([expect.stringMatching(/læge/)]);
    expect(per.networkMeetingOverdue).toBe(false);
    expect(per.activePlacement).toBeNull();
    const sv = caseload.find((c) => c.firstName === 'Svend');
    expect(sv.activePlan.longTermGoal).toMatch(/anlægsgartner/);
    expect(sv.networkMeetingOverdue).toBe(true);
    expect(sv.activePlacement).toMatchObject({ kind: 'WAGE_SUBSIDY_PRIVATE', company: { name: 'Ringe Anlægsgartner ApS' } });
    for (const c of caseload) expect(new Date(c.nextMeeting.scheduledAt).getTime()).toBeGreaterThan(Date.now());
  });

  it("JobConsultantDay: Jens's placements needing attention, with names, plan goals and next meetings", async () => {
    const res = await federation.as(staff('jens'), operation('JobConsultantDay'), { staffId: demoStaff.jens.id });
    expect(res.errors).toBeUndefined();
    const items = res.data.staffMember.placementsNeedingAttention as any[];
    const line = items.find((i) => i.placement.citizen.firstName === 'Line');
    expect(line.reasons).toContain('ENDING_SOON');
    expect(line.placement.company.name).toBe('Faber A/S');
    expect(line.placement.citizen.activePlan.longTermGoal).toMatch(/job/i);
    const svendItem = items.find((i) => i.placement.citizen.firstName === 'Svend');
    expect(svendItem.reasons).toContain('NO_RECENT_FOLLOW_UP');
    expect(svendItem.placement.citizen.nextMeeting).not.toBeNull();
    expect(items.every((i) => i.placement.citizen.lastName)).toBe(true);
  });

  it('MunicipalDashboard: every statistic for a year, for an analyst', async () => {
    const res = await federation.as(staff('karin'), operation('MunicipalDashboard'), { from: '2025-11-01', to: '2026-12-31' });
    expect(res.errors).toBeUndefined();
    expect(res.data.citizenStatistics.total).toBe(5);
    expect(res.data.citizenStatistics.byTargetGroup).toHaveLength(11);
    expect(res.data.milestoneStatistics.achieved).toBeGreaterThan(0);
    expect(res.data.progressionStatistics.length).toBeGreaterThan(0);
    expect(res.data.groupCourseStatistics.courses).toBeGreaterThanOrEqual(1);
    expect(res.data.placementStatistics.completed).toBeGreaterThan(0);
  });

  it("CitizenOwnView: Svend sees his plan, milestones, meetings and placement, and nobody else's", async () => {
    const res = await federation.as(svend, operation('CitizenOwnView'), { citizenId: demoCitizens.svend.id });
    expect(res.errors).toBeUndefined();
    const me = res.data.citizen;
    expect(me.firstName).toBe('Svend');
    expect(me.activePlan.longTermGoal).toMatch(/anlægsgartner/);
    expect(me.activePlan.milestones.length).toBeGreaterThan(1);
    expect(me.meetings.length).toBeGreaterThan(3);
    expect(me.activePlacement.company.name).toBe('Ringe Anlægsgartner ApS');
    expect(me.assignments.map((a: any) => a.staff.name)).toContain('Inger Holm');

    const other = await federation.as(svend, operation('CitizenOwnView'), { citizenId: demoCitizens.per.id });
    expect(other.data?.citizen ?? null).toBeNull();
    expect(JSON.stringify(other)).not.toMatch(/Hansen|mekaniker/);
  });

  it('an analyst cannot run the caseload view', async () => {
    const res = await federation.as(staff('karin'), operation('CaseworkerCaseload'), { staffId: demoStaff.inger.id });
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(JSON.stringify(res.data ?? {})).not.toMatch(/Per|Svend/);
  });
});
