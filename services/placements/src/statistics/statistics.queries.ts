import { DataSource } from 'typeorm';
import { Cell, PlacementStatistics, publishPlacementFigures, recordKeySecret, recordKeySql } from '@jobcenter/kit';
import { PlacementKind } from '../placement/placement.enums';

type Row = { bucket: string | null; kind: string | null; outcome: string | null; count: string; people: string; key_sum: string };

/**
 * One SQL statement: ACTIVE placements overlapping [from, to] and placements completed in it
 * (by `ended_on`), counted per bucket, per kind and per outcome (grouping sets), each with the
 * distinct citizens behind it so small-cell suppression judges people, not placements. Served by
 * the (status, start_date, end_date) and (status, ended_on) indexes.
 */
export async function placementStatistics(dataSource: DataSource, from: string, to: string): Promise<PlacementStatistics> {
  const rows: Row[] = await dataSource.query(
    `WITH p AS (
       SELECT 'active' AS bucket, kind, 'ACTIVE' AS outcome, citizen_id, id FROM placement
        WHERE status = 'ACTIVE' AND start_date <= $2 AND end_date >= $1
       UNION ALL
       SELECT 'completed', kind,
              CASE WHEN outcome IN ('ORDINARY_EMPLOYMENT', 'EDUCATION') THEN outcome ELSE 'OTHER' END, citizen_id, id
         FROM placement WHERE status = 'COMPLETED' AND ended_on BETWEEN $1 AND $2
     )
     SELECT bucket, kind, outcome, COUNT(*) AS count, COUNT(DISTINCT citizen_id) AS people,
            SUM(${recordKeySql('id', '$3')}) AS key_sum
       FROM p GROUP BY GROUPING SETS ((bucket), (kind), (outcome))`,
    [from, to, recordKeySecret()],
  );
  const cell = (match: (r: Row) => boolean): Cell => {
    const row = rows.find(match);
    // keySum: the placements' record keys, for the cell-key perturbation of the published count.
    return { count: Number(row?.count ?? 0), people: Number(row?.people ?? 0), keySum: Number(row?.key_sum ?? 0) };
  };
  const bucket = (name: string) => cell((r) => r.bucket === name);
  const outcome = (name: string) => cell((r) => r.bucket === null && r.kind === null && r.outcome === name);
  return publishPlacementFigures({
    active: bucket('active'),
    completed: bucket('completed'),
    employment: outcome('ORDINARY_EMPLOYMENT'),
    education: outcome('EDUCATION'),
    other: outcome('OTHER'),
    byKind: Object.values(PlacementKind).map((kind) => ({ key: kind, ...cell((r) => r.kind === kind) })),
  });
}
