import { randomUUID } from 'node:crypto';
import type { Actor } from '@jobcenter/kit';
import { MAX_NOISE } from '@jobcenter/kit';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { citizensSubgraph } from '@jobcenter/citizens';
import { placementsSubgraph } from '@jobcenter/placements';
import { plansSubgraph } from '@jobcenter/plans';

/**
 * The existing statistics fields (they stay in their subgraphs) publish counts with the kit's
 * cell-key perturbation, the same as insights' series. Here an analyst sends the differencing
 * attacks of issue 17 through the gateway against them: adjacent periods one day apart, a total
 * minus its breakdown, and two overlapping breakdowns of the same total.
 */
const analyst: Actor = { id: randomUUID(), role: 'ANALYST', name: 'Karin Dahl', team: 'Team Nord' };

let federation: TestFederation;

beforeAll(async () => {
  federation = await startTestFederation([citizensSubgraph, plansSubgraph, placementsSubgraph]);
});
afterAll(() => federation?.stop());

/** Milestones of distinct citizens achieved with their deadlines on given days (rows straight into plans' tables). */
async function milestonesDue(days: Record<string, number>): Promise<void> {
  const db = federation.subgraphs.plans.dataSource;
  for (const [day, n] of Object.entries(days)) {
    for (let i = 0; i < n; i += 1) {
      const [plan] = await db.query(
        `INSERT INTO plan (citizen_id, long_term_goal, status, start_date, version) VALUES ($1, 'goal', 'ACTIVE', '2019-01-01', 1) RETURNING id`,
        [randomUUID()],
      );
      await db.query(
        `INSERT INTO milestone (plan_id, title, deadline, status, responsible) VALUES ($1, 'step', $2, 'ACHIEVED', 'CITIZEN')`,
        [plan.id, day],
      );
    }
  }
}

const MILESTONES = `query($f: Date!, $t: Date!) { milestoneStatistics(from: $f, to: $t) { achieved suppressed } }`;

describe('differencing attacks on the existing statistics fields, through the gateway', () => {
  it('does not give away the 1–4 milestones of one day by asking for two periods one day apart', async () => {
    // March 2019: 12 on the 1st, then 1–4 each day (the small group an attacker is after).
    const perDay: Record<string, number> = { '2019-03-01': 12 };
    for (let d = 2; d <= 28; d += 1) perDay[`2019-03-${String(d).padStart(2, '0')}`] = ((d * 7) % 4) + 1;
    await milestonesDue(perDay);
    const achievedUpTo = async (day: string): Promise<number> => {
      const res = await federation.as(analyst, MILESTONES, { f: '2019-03-01', t: day });
      expect(res.errors).toBeUndefined();
      return res.data.milestoneStatistics.achieved;
    };
    let trueSoFar = 12;
    let previous = await achievedUpTo('2019-03-01');
    const attacks: { truth: number; seen: number }[] = [];
    for (let d = 2; d <= 28; d += 1) {
      const day = `2019-03-${String(d).padStart(2, '0')}`;
      const now = await achievedUpTo(day);
      trueSoFar += perDay[day];
      expect(Math.abs(now - trueSoFar)).toBeLessThanOrEqual(MAX_NOISE);
      attacks.push({ truth: perDay[day], seen: now - previous });
      previous = now;
    }
    // Exact counts would give every day's figure (27 of 27); perturbed ones give it wrong on many days, and nobody can tell which.
    const wrong = attacks.filter((a) => a.seen !== a.truth).length;
    expect(wrong).toBeGreaterThanOrEqual(attacks.length / 4);
    // Asking the same period again gives the same answer: nothing to average away.
    expect(await achievedUpTo('2019-03-15')).toBe(await achievedUpTo('2019-03-15'));
  });

  it('does not give away a small kind or outcome by total minus breakdown, nor by combining the two breakdowns', async () => {
    const db = federation.subgraphs.placements.dataSource;
    const [company] = await db.query(`INSERT INTO company (cvr, name) VALUES ('12345678', 'Firma A/S') RETURNING id`);
    // Twelve months, each with its own placements: many internships, a handful of flex jobs (the small group).
    const attacks: { truth: number; byKind: number; byOutcome: number }[] = [];
    for (let m = 1; m <= 12; m += 1) {
      const month = `2018-${String(m).padStart(2, '0')}`;
      const small = (m % 4) + 1;
      const insert = async (n: number, kind: string, outcome: string) => {
        for (let i = 0; i < n; i += 1) {
          await db.query(
            `INSERT INTO placement (citizen_id, company_id, kind, start_date, end_date, status, target_group_at_start, outcome, ended_on)
             VALUES ($1, $2, $3, $4, $5, 'COMPLETED', 'ACTIVITY_READY', $6, $5)`,
            [randomUUID(), company.id, kind, `${month}-01`, `${month}-20`, outcome],
          );
        }
      };
      await insert(10 + m, 'INTERNSHIP', 'ORDINARY_EMPLOYMENT');
      await insert(small, 'FLEXJOB', 'ENDED_WITHOUT_RESULT');
      const res = await federation.as(
        analyst,
        `query($f: Date!, $t: Date!) { placementStatistics(from: $f, to: $t) {
           completed byKind { key count } toOrdinaryEmployment toEducation suppressed } }`,
        { f: `${month}-01`, t: `${month}-28` },
      );
      expect(res.errors).toBeUndefined();
      const s = res.data.placementStatistics;
      expect(s.suppressed).toContain('byKind.FLEXJOB');
      const shownKinds = s.byKind.reduce((sum: number, c: { count: number }) => sum + c.count, 0);
      attacks.push({ truth: small, byKind: s.completed - shownKinds, byOutcome: s.completed - s.toOrdinaryEmployment - s.toEducation });
    }
    for (const guess of ['byKind', 'byOutcome'] as const) {
      // Where the breakdown withheld a second cell beside the small one, the guess is larger still; either way not the truth.
      expect(attacks.filter((a) => a[guess] !== a.truth).length).toBeGreaterThanOrEqual(attacks.length / 4);
    }
    const combined = attacks.filter((a) => Math.round((a.byKind + a.byOutcome) / 2) !== a.truth).length;
    expect(combined).toBeGreaterThanOrEqual(attacks.length / 4);
  });
});
