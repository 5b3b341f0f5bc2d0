import { DataSource } from 'typeorm';
import { ProgressDimension } from '../progress/progress.enums';
import { MilestoneStatistics, ProgressionStatistic } from './statistics.types';

/** Milestones due in [from, to] counted in one SQL statement (uses ix_milestone_deadline_status). DRAFT plans are left out. */
export async function milestoneStatistics(dataSource: DataSource, from: string, to: string, today: string): Promise<MilestoneStatistics> {
  const [row]: Record<string, string>[] = await dataSource.query(
    `SELECT
       COUNT(*) FILTER (WHERE m.status = 'ACHIEVED') AS achieved,
       COUNT(*) FILTER (WHERE m.status = 'MISSED') AS missed,
       COUNT(*) FILTER (WHERE m.status IN ('PLANNED', 'IN_PROGRESS') AND m.deadline < $3) AS overdue,
       COUNT(*) FILTER (WHERE m.status IN ('PLANNED', 'IN_PROGRESS') AND m.deadline >= $3) AS open,
       COUNT(*) FILTER (WHERE m.status = 'REVISED') AS revised,
       COUNT(*) FILTER (WHERE m.status = 'DROPPED') AS dropped
     FROM milestone m
     JOIN plan p ON p.id = m.plan_id
     WHERE m.deadline BETWEEN $1 AND $2 AND p.status <> 'DRAFT'`,
    [from, to, today],
  );
  const n = (key: string) => Number(row[key]);
  const decided = n('achieved') + n('missed') + n('overdue');
  return {
    achieved: n('achieved'),
    missed: n('missed'),
    overdue: n('overdue'),
    open: n('open'),
    revised: n('revised'),
    dropped: n('dropped'),
    achievementRate: decided ? n('achieved') / decided : null,
  };
}

/**
 * Per dimension: each citizen's first and latest score (window functions over their
 * assessments), then averaged over the citizens assessed at least twice. One statement.
 */
export async function progressionStatistics(dataSource: DataSource): Promise<ProgressionStatistic[]> {
  const rows: { dimension: ProgressDimension; citizens: string; first: string; latest: string }[] = await dataSource.query(
    `WITH ranked AS (
       SELECT a.citizen_id, s.dimension, s.score,
              ROW_NUMBER() OVER (PARTITION BY a.citizen_id, s.dimension ORDER BY a.assessed_at ASC) AS from_first,
              ROW_NUMBER() OVER (PARTITION BY a.citizen_id, s.dimension ORDER BY a.assessed_at DESC) AS from_latest,
              COUNT(*) OVER (PARTITION BY a.citizen_id, s.dimension) AS assessments
       FROM progress_score s
       JOIN progress_assessment a ON a.id = s.assessment_id
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
     GROUP BY dimension`,
  );
  const order = Object.values(ProgressDimension);
  return rows
    .map((r) => ({
      dimension: r.dimension,
      citizens: Number(r.citizens),
      averageFirst: Number(r.first),
      averageLatest: Number(r.latest),
      averageChange: Number(r.latest) - Number(r.first),
    }))
    .sort((a, b) => order.indexOf(a.dimension) - order.indexOf(b.dimension));
}
