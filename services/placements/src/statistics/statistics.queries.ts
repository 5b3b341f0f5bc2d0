import { DataSource } from 'typeorm';
import { PlacementKind } from '../placement/placement.enums';
import { PlacementStatistics } from './statistics.types';

/**
 * One SQL statement: ACTIVE placements overlapping [from, to] and placements completed in it
 * (by `ended_on`), by kind and outcome. Served by the (status, start_date, end_date) and
 * (status, ended_on) indexes.
 */
export async function placementStatistics(dataSource: DataSource, from: string, to: string): Promise<PlacementStatistics> {
  const rows: { bucket: string; kind: string; outcome: string | null; count: string }[] = await dataSource.query(
    `SELECT 'active' AS bucket, kind, NULL AS outcome, COUNT(*) AS count FROM placement
       WHERE status = 'ACTIVE' AND start_date <= $2 AND end_date >= $1 GROUP BY kind
     UNION ALL
     SELECT 'completed', kind, outcome, COUNT(*) FROM placement
       WHERE status = 'COMPLETED' AND ended_on BETWEEN $1 AND $2 GROUP BY kind, outcome`,
    [from, to],
  );
  const sum = (filter: (r: (typeof rows)[number]) => boolean) => rows.filter(filter).reduce((acc, r) => acc + Number(r.count), 0);
  const completed = sum((r) => r.bucket === 'completed');
  const toOrdinaryEmployment = sum((r) => r.bucket === 'completed' && r.outcome === 'ORDINARY_EMPLOYMENT');
  const toEducation = sum((r) => r.bucket === 'completed' && r.outcome === 'EDUCATION');
  return {
    active: sum((r) => r.bucket === 'active'),
    completed,
    byKind: Object.values(PlacementKind).map((kind) => ({ key: kind, count: sum((r) => r.kind === kind) })),
    toOrdinaryEmployment,
    toEducation,
    employmentRate: completed ? (toOrdinaryEmployment + toEducation) / completed : null,
  };
}
