import { randomUUID } from 'node:crypto';
import type { Actor } from '@jobcenter/kit';
import { MAX_NOISE, MIN_CELL_SIZE } from '@jobcenter/kit';
import { errorCode } from '@jobcenter/kit/testing';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { insightsSubgraph } from '@jobcenter/insights';
import { apply, citizenEvents, event } from './builders';
import type { DomainEvent } from '@jobcenter/insights/facts/handlers';

const analyst: Actor = { id: randomUUID(), role: 'ANALYST', name: 'Karin Dahl', team: 'Team Nord' };
const teamLead: Actor = { id: randomUUID(), role: 'TEAM_LEAD', name: 'Lars Holm', team: 'Team Nord' };
const citizen: Actor = { id: randomUUID(), role: 'CITIZEN', name: 'Ida Berg' };

const SERIES = `query ($measure: Measure!, $from: String!, $to: String!, $breakdown: Breakdown) {
  series(measure: $measure, fromMonth: $from, toMonth: $to, breakdown: $breakdown) {
    measure breakdown asOf method points { month key value suppressed }
  }
}`;

interface Point {
  month: string;
  key: string | null;
  value: number | null;
  suppressed: boolean;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
/** The small group's true size at each month's end: 1–4, a different one month by month. */
const SMALL = MONTHS.map((_, i) => (i % 4) + 1);
/** The large group's true size at each month's end: 10 at first, 2 more every month. */
const LARGE = MONTHS.map((_, i) => 10 + 2 * i);

let federation: TestFederation;

/**
 * Month by month: a large group (JOB_READY, Team Nord) that grows, and a small one (INTEGRATION,
 * Team Syd) of 1–4 active citizens, registered at a month's start and closed at the next's, so
 * the small group's members differ every month.
 */
beforeAll(async () => {
  federation = await startTestFederation([insightsSubgraph]);
  const events: DomainEvent[] = [];
  for (let i = 0; i < MONTHS.length; i += 1) {
    const joining = i === 0 ? LARGE[0] : LARGE[i] - LARGE[i - 1];
    for (let n = 0; n < joining; n += 1) {
      events.push(...citizenEvents({ targetGroup: 'JOB_READY', team: 'Team Nord', registeredAt: `${MONTHS[i]}-03T09:00:00Z` }).events);
    }
    for (let n = 0; n < SMALL[i]; n += 1) {
      const small = citizenEvents({ targetGroup: 'INTEGRATION', team: 'Team Syd', registeredAt: `${MONTHS[i]}-02T09:00:00Z` });
      events.push(...small.events);
      const next = i + 1 < MONTHS.length ? `${MONTHS[i + 1]}-01T12:00:00Z` : '2026-01-01T12:00:00Z';
      events.push(
        event('citizen.statusChanged', {
          citizenId: small.citizenId,
          occurredAt: next,
          payload: { status: 'CLOSED', previousStatus: 'ACTIVE' },
        }),
      );
    }
  }
  await apply(federation.subgraphs.insights.dataSource, events);
});

afterAll(() => federation?.stop());

async function series(breakdown: string, actor: Actor = analyst): Promise<Point[]> {
  const response = await federation.as(actor, SERIES, { measure: 'CITIZENS_ACTIVE', from: MONTHS[0], to: MONTHS[11], breakdown });
  expect(response.errors).toBeUndefined();
  return response.data.series.points;
}

const at = (points: Point[], month: string, key: string | null) => points.find((p) => p.month === month && p.key === key);
const shownSum = (points: Point[], month: string) =>
  points.filter((p) => p.month === month && !p.suppressed).reduce((sum, p) => sum + (p.value ?? 0), 0);

describe('insights series through the gateway: disclosure control under differencing', () => {
  it('withholds every cell of 1–4 citizens and perturbs the others by at most ±2', async () => {
    const [total, byGroup, byTeam] = [await series('NONE'), await series('TARGET_GROUP'), await series('TEAM')];
    MONTHS.forEach((month, i) => {
      expect(at(byGroup, month, 'INTEGRATION')).toMatchObject({ value: null, suppressed: true });
      expect(at(byTeam, month, 'Team Syd')).toMatchObject({ value: null, suppressed: true });
      expect(Math.abs(at(byGroup, month, 'JOB_READY')!.value! - LARGE[i])).toBeLessThanOrEqual(MAX_NOISE);
      expect(Math.abs(at(total, month, null)!.value! - (LARGE[i] + SMALL[i]))).toBeLessThanOrEqual(MAX_NOISE);
      expect(at(total, month, null)!.value!).toBeGreaterThanOrEqual(MIN_CELL_SIZE);
    });
  });

  it('gives the same answer to the same question, so asking again averages nothing away', async () => {
    expect(await series('TARGET_GROUP')).toEqual(await series('TARGET_GROUP'));
    // JOB_READY and Team Nord hold the same citizens: the same records, the same noise.
    const [byGroup, byTeam] = [await series('TARGET_GROUP'), await series('TEAM')];
    for (const month of MONTHS) expect(at(byGroup, month, 'JOB_READY')!.value).toBe(at(byTeam, month, 'Team Nord')!.value);
  });

  it('does not give away a small group by total minus breakdown, nor by combining overlapping breakdowns', async () => {
    const [total, byGroup, byTeam] = [await series('NONE'), await series('TARGET_GROUP'), await series('TEAM')];
    const attacks = MONTHS.map((month, i) => {
      const fromGroups = at(total, month, null)!.value! - shownSum(byGroup, month);
      const fromTeams = at(total, month, null)!.value! - shownSum(byTeam, month);
      // An attacker who knows the method still only learns an interval of ±2·MAX_NOISE.
      return { truth: SMALL[i], fromGroups, fromTeams, combined: Math.round((fromGroups + fromTeams) / 2) };
    });
    for (const guess of ['fromGroups', 'fromTeams', 'combined'] as const) {
      const wrong = attacks.filter((a) => a[guess] !== a.truth).length;
      // Unprotected figures give the truth every month (12 of 12); here the guess is wrong in many months and the attacker cannot tell which.
      expect(wrong).toBeGreaterThanOrEqual(MONTHS.length / 4);
      for (const a of attacks) expect(Math.abs(a[guess] - a.truth)).toBeLessThanOrEqual(2 * MAX_NOISE);
    }
  });

  it('does not give away who joined or left between adjacent months', async () => {
    const total = await series('NONE');
    const differences = MONTHS.slice(1).map((month, i) => ({
      truth: LARGE[i + 1] + SMALL[i + 1] - (LARGE[i] + SMALL[i]),
      seen: at(total, month, null)!.value! - at(total, MONTHS[i], null)!.value!,
    }));
    expect(differences.filter((d) => d.seen !== d.truth).length).toBeGreaterThanOrEqual(differences.length / 4);
  });

  it('lets analysts and team leads read; refuses citizens; refuses more than 36 months at the field', async () => {
    expect((await series('AGE_BAND', teamLead)).length).toBeGreaterThan(0);
    expect(errorCode(await federation.as(citizen, SERIES, { measure: 'CITIZENS_ACTIVE', from: '2025-01', to: '2025-12' }))).toBe(
      'FORBIDDEN',
    );
    const tooLong = await federation.as(analyst, SERIES, { measure: 'CITIZENS_ACTIVE', from: '2023-01', to: '2026-01' });
    expect(errorCode(tooLong)).toBe('BAD_USER_INPUT');
    expect(tooLong.errors![0].extensions!.field).toBe('toMonth');
    const ok36 = await federation.as(analyst, SERIES, { measure: 'CITIZENS_ACTIVE', from: '2023-01', to: '2025-12' });
    expect(ok36.errors).toBeUndefined();
  });

  it('answers every measure with every breakdown, with asOf the newest event and the method stated', async () => {
    for (const measure of [
      'CITIZENS_ACTIVE',
      'MILESTONES_ACHIEVED',
      'MILESTONES_MISSED',
      'MILESTONES_OVERDUE',
      'NETWORK_MEETINGS_OVERDUE',
      'MEETINGS_HELD',
      'NO_SHOWS',
      'COURSE_ATTENDANCE_RATE',
      'PLACEMENTS_ACTIVE',
      'PLACEMENTS_COMPLETED',
      'PLACEMENTS_TO_WORK_OR_EDUCATION',
      'REFERRALS_ACTIVE',
      'PROGRESSION_CHANGE',
    ]) {
      for (const breakdown of ['NONE', 'TARGET_GROUP', 'TEAM', 'AGE_BAND', 'TIME_IN_PROGRAMME']) {
        const response = await federation.as(analyst, SERIES, { measure, from: '2025-01', to: '2025-12', breakdown });
        expect(response.errors).toBeUndefined();
        expect(response.data.series.asOf).toBe('2026-01-01T12:00:00.000Z');
        expect(response.data.series.method).toMatch(/cell-key perturbation/);
      }
    }
    // Network meetings: nobody in this story has had one, so every citizen enrolled over 3 months ago is overdue.
    const overdue = await federation.as(analyst, SERIES, { measure: 'NETWORK_MEETINGS_OVERDUE', from: '2025-12', to: '2025-12' });
    expect(Math.abs(overdue.data.series.points[0].value - 26)).toBeLessThanOrEqual(MAX_NOISE);
  });
});
