import type { Actor } from '@jobcenter/kit';
import { errorCode, perturbedAround } from '@jobcenter/kit/testing';
import { DEMO_TEAM, demoCitizens, demoStaff } from '@jobcenter/demo-cast';
import { operation } from '@jobcenter/gateway/operations';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { subgraphs } from '../src/services';
import { catchUpInsights } from '@jobcenter/insights/statistics/catch-up';

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
  // The statistics fields are insights' (@override): its facts must have read the demo events first.
  await catchUpInsights(federation.subgraphs.insights.dataSource);
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
    // The demo has five citizens: small-cell suppression withholds nearly every figure about them,
    // and the dashboard learns which from `suppressed` (to show "<5"), never a count under 5.
    const { citizenStatistics, milestoneStatistics, progressionStatistics, meetingStatistics, groupCourseStatistics, placementStatistics } =
      res.data;
    // Shown counts are perturbed (cell-key method): within ±2 of the truth.
    expect(citizenStatistics.total).toEqual(perturbedAround(5));
    expect(citizenStatistics.suppressed).toEqual(expect.arrayContaining(['byStatus.ACTIVE', 'byTargetGroup.JOB_READY']));
    expect(
      citizenStatistics.byTargetGroup.length + citizenStatistics.suppressed.filter((s: string) => s.startsWith('byTargetGroup.')).length,
    ).toBe(11);
    expect(milestoneStatistics).toMatchObject({ achieved: 0, achievementRate: null });
    expect(milestoneStatistics.suppressed).toContain('achieved');
    expect(progressionStatistics).toEqual([]);
    // Nineteen meetings were held with five citizens (Svend's two placement kick-offs among them): enough to show.
    expect(meetingStatistics.held).toEqual(perturbedAround(19));
    expect(meetingStatistics.suppressed).toEqual(expect.arrayContaining(['noShow', 'attendanceRate']));
    expect(groupCourseStatistics).toMatchObject({ courses: 1, occupancyRate: null, suppressed: expect.arrayContaining(['enrolled']) });
    expect(placementStatistics).toMatchObject({
      completed: 0,
      employmentRate: null,
      suppressed: expect.arrayContaining(['completed', 'byKind.INTERNSHIP']),
    });
    const shown = [
      citizenStatistics.total,
      ...citizenStatistics.byStatus.map((c: { count: number }) => c.count),
      ...citizenStatistics.byTargetGroup.map((c: { count: number }) => c.count),
      ...[milestoneStatistics, meetingStatistics, placementStatistics].flatMap((o) => Object.values(o).filter((v) => Number.isInteger(v))),
      ...placementStatistics.byKind.map((c: { count: number }) => c.count),
    ];
    for (const count of shown) expect(count === 0 || count >= 5).toBe(true);
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
