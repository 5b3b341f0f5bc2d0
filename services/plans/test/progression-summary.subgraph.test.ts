import { randomUUID } from 'node:crypto';
import { addDays, todayInCopenhagen } from '@jobcenter/kit';
import { startTestGrants, startTestSubgraph, TestGrants, TestSubgraph } from '@jobcenter/kit/testing';
import { ProgressDimension } from '../src/progress/progress.enums';
import { plansSubgraph } from '../src/server';
import { PROGRESSION_FROM_SCORES, publishProgression } from '../src/statistics/statistics.queries';
import { analyst, caseworker, consultant, ok } from './builders';

// progression_summary and progression_total (kept by triggers) must give exactly what the scores give.
let subgraph: TestSubgraph;
let grants: TestGrants;
const today = todayInCopenhagen();
const DIMENSIONS = Object.values(ProgressDimension);

beforeAll(async () => {
  grants = await startTestGrants();
  subgraph = await startTestSubgraph(plansSubgraph);
});
afterAll(async () => {
  await subgraph.stop();
  await grants.stop();
});

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

type Row = { dimension: string; citizens: string; first: string; latest: string };
const byDimension = (rows: Row[]) => [...rows].sort((a, b) => a.dimension.localeCompare(b.dimension));

async function expectSummaryMatchesScores() {
  const db = subgraph.dataSource;
  const expected: Row[] = await db.query(PROGRESSION_FROM_SCORES);
  const actual: Row[] = await db.query(
    `SELECT dimension, citizens::text, first_sum::numeric / citizens AS first, latest_sum::numeric / citizens AS latest
       FROM progression_total WHERE citizens > 0`,
  );
  // The same strings: the same numeric values and scales as AVG over the scores.
  expect(byDimension(actual)).toEqual(byDimension(expected));
  // Row by row too: first, latest and count for every citizen and dimension.
  const perCitizen = `SELECT a.citizen_id, s.dimension, MIN(a.assessed_at)::text AS first_at, MAX(a.assessed_at)::text AS latest_at, COUNT(*)::int AS n,
                             (ARRAY_AGG(s.score ORDER BY a.assessed_at))[1] AS first, (ARRAY_AGG(s.score ORDER BY a.assessed_at DESC))[1] AS latest
                        FROM progress_score s JOIN progress_assessment a ON a.id = s.assessment_id GROUP BY 1, 2 ORDER BY 1, 2`;
  const summary = `SELECT citizen_id, dimension, first_assessed_at::text AS first_at, latest_assessed_at::text AS latest_at, assessments AS n,
                          first_score AS first, latest_score AS latest FROM progression_summary ORDER BY 1, 2`;
  expect(await db.query(summary)).toEqual(await db.query(perCitizen));
  return expected;
}

/** Inserts assessments with their scores in two multi-row statements, as a bulk writer would. */
async function insertBulk(assessments: { citizen: string; at: string; scores: [string, number][] }[]) {
  const db = subgraph.dataSource;
  const ids = assessments.map(() => randomUUID());
  await db.query(
    `INSERT INTO progress_assessment (id, citizen_id, assessed_at, assessed_by_role)
     SELECT * FROM UNNEST($1::uuid[], $2::uuid[], $3::date[], $4::text[])`,
    [ids, assessments.map((a) => a.citizen), assessments.map((a) => a.at), assessments.map(() => 'CASEWORKER')],
  );
  const scores = assessments.flatMap((a, i) => a.scores.map(([d, s]) => [ids[i], d, s] as const));
  await db.query(
    `INSERT INTO progress_score (assessment_id, dimension, score) SELECT * FROM UNNEST($1::uuid[], $2::text[], $3::smallint[])`,
    [scores.map((s) => s[0]), scores.map((s) => s[1]), scores.map((s) => s[2])],
  );
  return ids;
}

describe('progression_summary and progression_total', () => {
  it('equals first and latest from the scores on random data, through bulk inserts, recordProgress, updates, deletes and truncation', async () => {
    const r = random(7);
    const citizens = Array.from({ length: 300 }, () => randomUUID());
    const usedDays = new Map<string, Set<number>>(citizens.map((c) => [c, new Set<number>()]));
    const assessment = (citizen: string, lo: number, hi: number) => {
      let offset = r.int(lo, hi);
      while (usedDays.get(citizen)!.has(offset)) offset = r.int(lo, hi);
      usedDays.get(citizen)!.add(offset);
      const dims = DIMENSIONS.filter(() => r.next() < 0.6);
      if (dims.length === 0) dims.push(DIMENSIONS[r.int(0, DIMENSIONS.length - 1)]);
      return { citizen, at: addDays(today, -offset), scores: dims.map((d) => [d, r.int(1, 10)] as [string, number]) };
    };

    // First load: several assessments per citizen in one statement (a COPY-like batch), in random order.
    const first = citizens.flatMap((c) => Array.from({ length: r.int(0, 4) }, () => assessment(c, 100, 700)));
    first.sort(() => r.next() - 0.5);
    await insertBulk(first);
    const initial = await expectSummaryMatchesScores();
    expect(initial.length).toBe(DIMENSIONS.length);

    // More, one statement each: later ones, and backdated ones that become a citizen's first.
    for (const c of citizens.slice(0, 60)) {
      await insertBulk([assessment(c, 1, 99)]);
      await insertBulk([assessment(c, 701, 900)]);
    }
    await expectSummaryMatchesScores();

    // Through the mutation, as caseworkers do (the trigger runs in its transaction).
    for (const c of citizens.slice(60, 70)) {
      grants.assign(caseworker, c);
      grants.assign(consultant, c);
      const a = assessment(c, 1, 900);
      ok(
        await subgraph.as(caseworker, `mutation($c: ID!, $i: RecordProgressInput!) { recordProgress(citizenId: $c, input: $i) { id } }`, {
          c,
          i: { assessedAt: a.at, scores: a.scores.map(([dimension, score]) => ({ dimension, score })) },
        }),
      );
    }
    await expectSummaryMatchesScores();

    // Changed and removed rows (no code path does this today; the summary must not go stale if one does).
    const db = subgraph.dataSource;
    await db.query(
      `UPDATE progress_score SET score = 11 - score WHERE assessment_id IN (SELECT id FROM progress_assessment ORDER BY id LIMIT 40)`,
    );
    await db.query(
      `UPDATE progress_assessment SET assessed_at = assessed_at - 1000 WHERE id IN (SELECT id FROM progress_assessment ORDER BY id DESC LIMIT 30)`,
    );
    await db.query(
      `DELETE FROM progress_score WHERE (assessment_id, dimension) IN (SELECT assessment_id, dimension FROM progress_score ORDER BY assessment_id DESC LIMIT 50)`,
    );
    await db.query(`DELETE FROM progress_assessment WHERE id IN (SELECT id FROM progress_assessment ORDER BY citizen_id LIMIT 80)`);
    await expectSummaryMatchesScores();

    // The statistic the dashboard reads is the one from the scores, suppression applied.
    const expected = await db.query(PROGRESSION_FROM_SCORES);
    const res = ok(await subgraph.as(analyst, '{ progressionStatistics { dimension citizens averageFirst averageLatest averageChange } }'));
    expect(res.progressionStatistics).toEqual(
      DIMENSIONS.flatMap((dimension) => {
        const row = expected.find((e: Row) => e.dimension === dimension);
        if (!row) return [];
        // The exact sums behind the averages, published as the dashboard may see them (protected, rounded).
        const n = Number(row.citizens);
        const published = publishProgression({
          dimension: dimension as ProgressDimension,
          citizens: n,
          firstSum: Math.round(Number(row.first) * n),
          latestSum: Math.round(Number(row.latest) * n),
        });
        return published ? [published] : [];
      }),
    );

    await db.query('TRUNCATE progress_assessment CASCADE');
    expect(await expectSummaryMatchesScores()).toEqual([]);
  });
});
