import { randomUUID } from 'node:crypto';
import type { Actor } from '@jobcenter/kit';
import { errorCode, perturbedAround } from '@jobcenter/kit/testing';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { insightsSubgraph } from '@jobcenter/insights';
import type { DomainEvent } from '@jobcenter/insights/facts/handlers';
import { apply, citizenEvents, event } from './builders';

/**
 * Referral facts (issue 19): the placements subgraph's referral events into `insights_referral`,
 * published as REFERRALS_ACTIVE by OFFER_KIND and REFERRALS_ENDED by RESULT, perturbed like every
 * other series.
 */
const analyst: Actor = { id: randomUUID(), role: 'ANALYST', name: 'Karin Dahl', team: 'Team Nord' };
const SERIES = `query ($measure: Measure!, $from: String!, $to: String!, $breakdown: Breakdown) {
  series(measure: $measure, fromMonth: $from, toMonth: $to, breakdown: $breakdown) { points { month key value suppressed } }
}`;

let federation: TestFederation;

/** One referral's events, as placements emits them (created, then each status change). */
function referralEvents(
  citizenId: string,
  spec: {
    kind: string;
    start: string;
    end: string;
    steps: { status: string; at: string; result?: string; endDate?: string }[];
    renewTo?: string;
  },
): DomainEvent[] {
  const referralId = randomUUID();
  const common = { referralId, providerId: randomUUID(), kind: spec.kind, startDate: spec.start };
  const out: DomainEvent[] = [
    event('referral.created', {
      source: 'placements',
      citizenId,
      aggregateId: referralId,
      occurredAt: `${spec.start}T08:00:00Z`,
      payload: { ...common, status: 'PROPOSED', endDate: spec.end, civilSociety: false, milestoneId: null },
    }),
  ];
  let previous = 'PROPOSED';
  for (const step of spec.steps) {
    out.push(
      event('referral.statusChanged', {
        source: 'placements',
        citizenId,
        aggregateId: referralId,
        occurredAt: `${step.at}T08:00:00Z`,
        payload: {
          ...common,
          status: step.status,
          previousStatus: previous,
          endDate: step.endDate ?? spec.end,
          result: step.result ?? null,
        },
      }),
    );
    previous = step.status;
  }
  if (spec.renewTo) {
    out.push(
      event('referral.renewed', {
        source: 'placements',
        citizenId,
        aggregateId: referralId,
        occurredAt: `${spec.start}T09:00:00Z`,
        payload: { referralId, kind: spec.kind, endDate: spec.renewTo, previousEndDate: spec.end },
      }),
    );
  }
  return out;
}

beforeAll(async () => {
  federation = await startTestFederation([insightsSubgraph]);
  const events: DomainEvent[] = [];
  for (let i = 0; i < 30; i += 1) {
    const c = citizenEvents({ targetGroup: 'ACTIVITY_READY', team: 'Team Nord', registeredAt: '2025-01-02T09:00:00Z' });
    events.push(...c.events);
    if (i < 12) {
      // 12 mentor agreements from February to the end of July, renewed to the end of January 2026: active all year.
      events.push(
        ...referralEvents(c.citizenId, {
          kind: 'MENTOR',
          start: '2025-02-01',
          end: '2025-07-31',
          renewTo: '2026-01-31',
          steps: [{ status: 'ACTIVE', at: '2025-02-01' }],
        }),
      );
    } else if (i < 22) {
      // 10 treatments from March, completed in June as planned.
      events.push(
        ...referralEvents(c.citizenId, {
          kind: 'TREATMENT',
          start: '2025-03-01',
          end: '2025-06-30',
          steps: [
            { status: 'ACTIVE', at: '2025-03-01' },
            { status: 'COMPLETED', at: '2025-06-30', result: 'COMPLETED_AS_PLANNED', endDate: '2025-06-20' },
          ],
        }),
      );
    } else {
      // 8 courses proposed in April and called off before they started: they never ran.
      events.push(
        ...referralEvents(c.citizenId, {
          kind: 'UPSKILLING',
          start: '2025-04-01',
          end: '2025-05-31',
          steps: [{ status: 'CANCELLED', at: '2025-03-20' }],
        }),
      );
    }
  }
  await apply(federation.subgraphs.insights.dataSource, events);
}, 60_000);
afterAll(() => federation.stop());

const series = (measure: string, breakdown: string, from = '2025-01', to = '2025-12') =>
  federation.as(analyst, SERIES, { measure, from, to, breakdown });
type Point = { month: string; key: string | null; value: number | null };
const at = (points: Point[], month: string, key: string | null) => points.find((p) => p.month === month && p.key === key);

describe('referrals in the dashboard series', () => {
  it('counts active referrals by kind of offer, month by month (perturbed)', async () => {
    const res = await series('REFERRALS_ACTIVE', 'OFFER_KIND');
    expect(res.errors).toBeUndefined();
    const points = res.data.series.points;
    // Starts on 1 February: not running at the end of January.
    expect(at(points, '2025-01', 'MENTOR')?.value).toBe(0);
    expect(at(points, '2025-02', 'TREATMENT')?.value).toBe(0);
    expect(at(points, '2025-05', 'MENTOR')?.value).toEqual(perturbedAround(12));
    // Renewed past July: still running in December.
    expect(at(points, '2025-12', 'MENTOR')?.value).toEqual(perturbedAround(12));
    expect(at(points, '2025-05', 'TREATMENT')?.value).toEqual(perturbedAround(10));
    // Ended on 20 June: not running at the end of June.
    expect(at(points, '2025-06', 'TREATMENT')?.value).toBe(0);
    // Called off before they started: never active.
    expect(points.filter((p: { key: string }) => p.key === 'UPSKILLING')).toEqual([]);
    const total = (await series('REFERRALS_ACTIVE', 'NONE')).data.series.points;
    expect(at(total, '2025-04', null)?.value).toEqual(perturbedAround(22));
  });

  it('shows what ended referrals led to, by coded result', async () => {
    const res = await series('REFERRALS_ENDED', 'RESULT');
    expect(res.errors).toBeUndefined();
    const points = res.data.series.points;
    expect(at(points, '2025-06', 'COMPLETED_AS_PLANNED')?.value).toEqual(perturbedAround(10));
    expect(at(points, '2025-05', 'COMPLETED_AS_PLANNED')?.value).toBe(0);
    const byKind = (await series('REFERRALS_ENDED', 'OFFER_KIND')).data.series.points;
    expect(at(byKind, '2025-06', 'TREATMENT')?.value).toEqual(perturbedAround(10));
  });

  it('refuses a referral breakdown for other measures at field breakdown', async () => {
    for (const [measure, breakdown] of [
      ['CITIZENS_ACTIVE', 'OFFER_KIND'],
      ['PLACEMENTS_ACTIVE', 'RESULT'],
      ['REFERRALS_ACTIVE', 'RESULT'],
    ]) {
      const res = await series(measure, breakdown);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.field).toBe('breakdown');
      expect(res.errors![0].message).toMatch(/applies to REFERRALS_/);
    }
  });

  it('breaks referral measures down by the citizen attributes too', async () => {
    const res = await series('REFERRALS_ACTIVE', 'TARGET_GROUP', '2025-05', '2025-05');
    expect(res.errors).toBeUndefined();
    expect(at(res.data.series.points, '2025-05', 'ACTIVITY_READY')?.value).toEqual(perturbedAround(22));
  });
});
