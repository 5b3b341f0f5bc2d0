import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { bearerFor } from '@jobcenter/kit/testing';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { catchUpInsights } from '@jobcenter/insights/statistics/catch-up';
import { subgraphs } from '../src/services';
import { seedScale } from '../src/seed-scale/index';
import { scaleScenarios } from '../src/bench-scale';
import { activePlansOf, startLagProbe } from '../src/bench-lag';

/**
 * The benchmark's scenarios on generated data through the real federation, so a scenario that
 * errors (a renamed field, a query the gateway refuses) or measures nothing fails here rather
 * than in a half-hour bench run: every scale scenario answers without errors, the issue 17 ones
 * with figures in them, and the event-lag probe sees each of its writes in insights.
 */
const today = todayInCopenhagen();
let federation: TestFederation;
let scenarios: ReturnType<typeof scaleScenarios>;

beforeAll(async () => {
  // With background work: insights' own consumer reads the feeds, as the bench's processes do.
  federation = await startTestFederation(subgraphs, { background: true });
  const urls = Object.fromEntries(subgraphs.map((d) => [d.name, (federation.subgraphs[d.name].dataSource.options as { url: string }).url]));
  const { world } = await seedScale({ citizens: 150, seed: 'bench-scenarios', today, urls });
  scenarios = scaleScenarios(world);
  await catchUpInsights(federation.subgraphs.insights.dataSource);
}, 300_000);
afterAll(() => federation?.stop());

it('every scale scenario answers through the gateway without errors', async () => {
  expect(scenarios.map((s) => s.name)).toEqual(
    expect.arrayContaining(['Dashboard, 12 months, every figure (analyst)', '36-month series by target group (analyst)']),
  );
  for (const s of scenarios) {
    const res = await federation.as(s.actor, s.query, s.variables);
    expect({ scenario: s.name, errors: res.errors }).toEqual({ scenario: s.name, errors: undefined });
  }
});

it('the dashboard scenario asks every figure, and the series scenario 36 months by target group', async () => {
  const dashboard = scenarios.find((s) => s.name.startsWith('Dashboard, 12 months'))!;
  const answer = (await federation.as(dashboard.actor, dashboard.query, dashboard.variables)).data;
  expect(Object.keys(answer).sort()).toEqual(
    [
      'citizenStatistics',
      'groupCourseStatistics',
      'meetingStatistics',
      'milestoneStatistics',
      'placementStatistics',
      'progressionStatistics',
    ].sort(),
  );
  expect(answer.citizenStatistics.total).toBeGreaterThan(140);
  expect(answer.meetingStatistics.held).toBeGreaterThan(0);
  const series = scenarios.find((s) => s.name.startsWith('36-month series'))!;
  const points = (await federation.as(series.actor, series.query, series.variables)).data.series.points as { month: string; key: string }[];
  expect(new Set(points.map((p) => p.month)).size).toBe(36);
  expect(new Set(points.map((p) => p.key)).size).toBeGreaterThan(1);
});

it('the event-lag probe sees each milestone it adds through the gateway in insights', async () => {
  const caseload = scenarios.find((s) => s.name.startsWith('CaseworkerCaseload'))!;
  const plans = await activePlansOf(federation.subgraphs.citizens.dataSource, federation.subgraphs.plans.dataSource, caseload.actor.id);
  expect(plans.length).toBeGreaterThan(0);
  const probe = startLagProbe({
    gatewayUrl: federation.url,
    headers: { 'content-type': 'application/json', ...(await bearerFor(caseload.actor)) },
    planIds: plans,
    insights: federation.subgraphs.insights.dataSource,
    intervalMs: 300,
  });
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const result = await probe.stop();
  expect(result.errors).toEqual([]);
  expect(result.writes).toBeGreaterThanOrEqual(3);
  expect({ seen: result.lags.length, missing: result.missing }).toEqual({ seen: result.writes, missing: 0 });
  expect(result.p95).toBeGreaterThan(0);
}, 120_000);
