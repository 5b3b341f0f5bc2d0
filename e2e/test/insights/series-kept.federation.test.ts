import { randomUUID } from 'node:crypto';
import type { Actor } from '@jobcenter/kit';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { insightsSubgraph } from '@jobcenter/insights';
import { apply, citizenEvents, event } from './builders';
import type { DomainEvent } from '@jobcenter/insights/facts/handlers';

/**
 * Ended months of a series are computed once and kept while their facts do not change
 * (series.cells.ts): the answer must be the one computed from the facts at every moment, also
 * right after a change that reaches back into a kept month.
 */
const analyst: Actor = { id: randomUUID(), role: 'ANALYST', name: 'Karin Dahl', team: 'Team Nord' };
let federation: TestFederation;
const SERIES = `query($measure: Measure!, $breakdown: Breakdown) {
  series(measure: $measure, fromMonth: "2025-01", toMonth: "2025-06", breakdown: $breakdown) { points { month key value suppressed } }
}`;

const heldMeeting = (citizenId: string, at: string): DomainEvent[] => {
  const meetingId = randomUUID();
  const payload = { meetingId, kind: 'FOLLOW_UP', scheduledAt: at, durationMinutes: 60, staffIds: [] };
  return [
    { ...event('meeting.scheduled', { citizenId, aggregateId: meetingId, occurredAt: at, payload }), source: 'meetings' },
    {
      ...event('meeting.outcomeRecorded', { citizenId, aggregateId: meetingId, occurredAt: at, payload: { ...payload, status: 'HELD' } }),
      source: 'meetings',
    },
  ];
};

beforeAll(async () => {
  federation = await startTestFederation([insightsSubgraph]);
}, 60_000);
afterAll(() => federation?.stop());

async function series(measure: string, breakdown = 'NONE') {
  const res = await federation.as(analyst, SERIES, { measure, breakdown });
  expect(res.errors).toBeUndefined();
  return res.data.series.points as { month: string; key: string | null; value: number | null; suppressed: boolean }[];
}

it('keeps ended months, and recomputes a kept month when a fact of it changes', async () => {
  const citizens = Array.from({ length: 12 }, () =>
    citizenEvents({ targetGroup: 'JOB_READY', team: 'Team Nord', registeredAt: '2024-12-01T09:00:00Z' }),
  );
  await apply(federation.subgraphs.insights.dataSource, [
    ...citizens.flatMap((c) => c.events),
    ...citizens.slice(0, 8).flatMap((c) => heldMeeting(c.citizenId, '2025-03-10T09:00:00Z')),
  ]);
  const first = await series('MEETINGS_HELD');
  expect(first.find((p) => p.month === '2025-03')?.value).toBeGreaterThanOrEqual(6);
  const [{ kept }] = await federation.subgraphs.insights.dataSource.query(
    `SELECT COUNT(*)::int AS kept FROM insights_series_kept WHERE measure = 'MEETINGS_HELD' AND breakdown = 'NONE'`,
  );
  expect(kept).toBe(6);
  // Asked again: the same answer, from the kept months.
  expect(await series('MEETINGS_HELD')).toEqual(first);

  // Four more meetings held in March 2025 (recorded after the fact): March is no longer as kept.
  await apply(
    federation.subgraphs.insights.dataSource,
    citizens.slice(8).flatMap((c) => heldMeeting(c.citizenId, '2025-03-20T09:00:00Z')),
  );
  const second = await series('MEETINGS_HELD');
  expect(second.find((p) => p.month === '2025-03')?.value).toBeGreaterThanOrEqual(10);
  expect(second.filter((p) => p.month !== '2025-03')).toEqual(first.filter((p) => p.month !== '2025-03'));
  // A breakdown is kept on its own, and agrees with the facts too.
  const byGroup = await series('MEETINGS_HELD', 'TARGET_GROUP');
  expect(byGroup.find((p) => p.month === '2025-03' && p.key === 'JOB_READY')?.value).toBeGreaterThanOrEqual(10);
});
