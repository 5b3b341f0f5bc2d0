import { DataSource } from 'typeorm';
import {
  AVERAGE_STEP,
  Cell,
  MilestoneStatistics,
  MIN_CELL_SIZE,
  protectedAverage,
  publishMilestoneFigures,
  recordKeySecret,
  recordKeySql,
  roundedCount,
  roundTo,
} from '@jobcenter/kit';
import { ProgressDimension } from '../progress/progress.enums';
import { ProgressionStatistic } from './statistics.types';

/**
 * Milestones due in [from, to] counted in one SQL statement, each bucket with the citizens behind
 * it, so small-cell suppression can judge it by people, not milestones. DRAFT plans are left out
 * (a handful: a hashed NOT IN, no join). Suppression only asks whether a bucket concerns 1–4
 * people, so people are counted up to MIN_CELL_SIZE (DISTINCT … LIMIT stops after 5 citizens);
 * an exact COUNT(DISTINCT) sorted every milestone of the period (0.28 s at 50,000 citizens).
 */
export async function milestoneStatistics(dataSource: DataSource, from: string, to: string, today: string): Promise<MilestoneStatistics> {
  const buckets: Record<string, string> = {
    achieved: `m.status = 'ACHIEVED'`,
    missed: `m.status = 'MISSED'`,
    overdue: `m.status IN ('PLANNED', 'IN_PROGRESS') AND m.deadline < $3`,
    open: `m.status IN ('PLANNED', 'IN_PROGRESS') AND m.deadline >= $3`,
    revised: `m.status = 'REVISED'`,
    // A declined proposal was never part of the plan (PROPOSED ones are neither open nor overdue).
    dropped: `m.status = 'DROPPED' AND m.decline_reason IS NULL`,
    decided: `(m.status IN ('ACHIEVED', 'MISSED') OR (m.status IN ('PLANNED', 'IN_PROGRESS') AND m.deadline < $3))`,
  };
  const notDraft = `m.plan_id NOT IN (SELECT id FROM plan WHERE status = 'DRAFT')`;
  const columns = Object.entries(buckets).flatMap(([name, where]) => [
    `COUNT(*) FILTER (WHERE ${where}) AS ${name}`,
    // The milestones' record keys, for the cell-key perturbation of the published count.
    `COALESCE(SUM(${recordKeySql('m.id', '$4')}) FILTER (WHERE ${where}), 0) AS ${name}_key`,
    `(SELECT COUNT(*) FROM (SELECT DISTINCT p.citizen_id FROM milestone m JOIN plan p ON p.id = m.plan_id
       WHERE m.deadline BETWEEN $1 AND $2 AND p.status <> 'DRAFT' AND ${where} LIMIT ${MIN_CELL_SIZE}) x) AS ${name}_people`,
  ]);
  const [row]: Record<string, string>[] = await dataSource.query(
    `SELECT ${columns.join(',\n       ')}
     FROM milestone m
     WHERE m.deadline BETWEEN $1 AND $2 AND ${notDraft}`,
    [from, to, today, recordKeySecret()],
  );
  const cell = (key: string): Cell => ({
    count: Number(row[key]),
    people: Number(row[`${key}_people`]),
    keySum: Number(row[`${key}_key`]),
  });
  const names = ['achieved', 'missed', 'overdue', 'open', 'revised', 'dropped', 'decided'] as const;
  return publishMilestoneFigures(Object.fromEntries(names.map((n) => [n, cell(n)])) as Record<(typeof names)[number], Cell>);
}

/**
 * Per dimension: the average of each citizen's first and latest score, over the citizens scored
 * on it at least twice. Reads progression_total (count and sums per dimension, kept by triggers
 * on every write of progress through progression_summary): 11 rows, rather than sorting every
 * score ever recorded (4 s at 50,000 citizens). PROGRESSION_FROM_SCORES is the definition from
 * the scores themselves, and a test holds the two equal. What is published is protected against
 * differencing (publishProgression).
 */
export async function progressionStatistics(dataSource: DataSource): Promise<ProgressionStatistic[]> {
  const rows: ProgressionCell[] = await dataSource.query(
    `SELECT dimension, citizens, first_sum AS "firstSum", latest_sum AS "latestSum"
       FROM progression_total
      WHERE citizens > 0`,
  );
  const order = Object.values(ProgressDimension);
  return rows
    .map(publishProgression)
    .filter((r): r is ProgressionStatistic => r !== null)
    .sort((a, b) => order.indexOf(a.dimension) - order.indexOf(b.dimension));
}

/** One dimension's exact figures: citizens assessed at least twice, and the sums of their first and latest scores. */
export interface ProgressionCell {
  dimension: ProgressDimension;
  citizens: number | string;
  firstSum: number | string;
  latestSum: number | string;
}

/**
 * What a dashboard may see of one dimension: nothing under MIN_CELL_SIZE citizens (small-cell
 * suppression); else the count rounded to a multiple of 5 and each average perturbed by the cell's
 * key and rounded to 0.1 (kit statistics/perturbation.ts), so polling before and after one
 * person's assessment does not give their score. One person moves a sum by at most 9 (1 → 10).
 */
export function publishProgression(cell: ProgressionCell): ProgressionStatistic | null {
  const [n, first, latest] = [Number(cell.citizens), Number(cell.firstSum), Number(cell.latestSum)];
  if (n < MIN_CELL_SIZE) return null;
  const protect = (sum: number, which: string) =>
    protectedAverage(sum, n, { cell: `progression.${cell.dimension}.${which}`, maxContribution: 9, min: 1, max: 10 });
  const [averageFirst, averageLatest] = [protect(first, 'first'), protect(latest, 'latest')];
  return {
    dimension: cell.dimension,
    citizens: roundedCount(n),
    averageFirst,
    averageLatest,
    averageChange: roundTo(averageLatest - averageFirst, AVERAGE_STEP),
  };
}

/** The definition progression_summary stands in for: first and latest score per citizen and dimension, from the scores. */
export const PROGRESSION_FROM_SCORES = `
  WITH ranked AS (
    SELECT a.citizen_id, s.dimension, s.score,
           ROW_NUMBER() OVER (PARTITION BY a.citizen_id, s.dimension ORDER BY a.assessed_at ASC) AS from_first,
           ROW_NUMBER() OVER (PARTITION BY a.citizen_id, s.dimension ORDER BY a.assessed_at DESC) AS from_latest,
           COUNT(*) OVER (PARTITION BY a.citizen_id, s.dimension) AS assessments
    FROM progress_score s
    JOIN progress_assessment a ON a.id = s.assessment_id
    WHERE a.assessed_by = 'STAFF'
  ), per_citizen AS (
    SELECT citizen_id, dimension,
           MAX(score) FILTER (WHERE from_first = 1) AS first,
           MAX(score) FILTER (WHERE from_latest = 1) AS latest
    FROM ranked
    WHERE assessments >= 2
    GROUP BY citizen_id, dimension
  )
  SELECT dimension, COUNT(*) AS citizens, AVG(first) AS first, AVG(latest) AS latest
  FROM per_citizen
  GROUP BY dimension`;
