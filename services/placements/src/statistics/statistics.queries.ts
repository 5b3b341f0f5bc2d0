import { DataSource } from 'typeorm';
import { Cell, CellSuppression, isSmallCell, publishedRatio, recordKeySecret, recordKeySql } from '@jobcenter/kit';
import { PlacementKind } from '../placement/placement.enums';
import { PlacementStatistics } from './statistics.types';

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
  const [active, completed] = [bucket('active'), bucket('completed')];
  const [employment, education, other] = [outcome('ORDINARY_EMPLOYMENT'), outcome('EDUCATION'), outcome('OTHER')];
  const s = new CellSuppression();
  const shownActive = s.count('active', active);
  const shownCompleted = s.count('completed', completed);
  // The outcomes add up to `completed`: the remainder ("other") is protected like a cell.
  const outcomes = s.parts(
    [
      { key: 'toOrdinaryEmployment', ...employment },
      { key: 'toEducation', ...education },
      { key: 'other', ...other },
    ],
    ['other'],
  );
  const byKind = s.breakdown(
    'byKind',
    Object.values(PlacementKind).map((kind) => ({ key: kind, ...cell((r) => r.kind === kind) })),
    // The kinds add up to active + completed: if either is withheld, the sum must not give it away.
    { hideOne: isSmallCell(active) || isSmallCell(completed) },
  );
  const succeeded: Cell = {
    count: employment.count + education.count,
    people: (employment.people ?? 0) + (education.people ?? 0),
    keySum: (employment.keySum ?? 0) + (education.keySum ?? 0),
  };
  return {
    active: shownActive,
    completed: shownCompleted,
    byKind,
    toOrdinaryEmployment: outcomes.toOrdinaryEmployment,
    toEducation: outcomes.toEducation,
    // Null when any outcome is small: the rate would reveal it (a part withheld only as the
    // second of two always has a small sibling, so this covers secondary suppression too).
    // From the published (perturbed) counts: the records of both outcomes form one cell.
    employmentRate: s.rate('employmentRate', publishedRatio(succeeded, completed), {
      over: completed,
      from: [employment, education, other],
    }),
    suppressed: s.suppressed,
  };
}
