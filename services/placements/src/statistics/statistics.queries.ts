import { DataSource } from 'typeorm';
import { Cell, CellSuppression } from '@jobcenter/kit';
import { PlacementKind } from '../placement/placement.enums';
import { PlacementStatistics } from './statistics.types';

type Row = { bucket: string | null; kind: string | null; outcome: string | null; count: string; people: string };

/**
 * One SQL statement: ACTIVE placements overlapping [from, to] and placements completed in it
 * (by `ended_on`), counted per bucket, per kind and per outcome (grouping sets), each with the
 * distinct citizens behind it so small-cell suppression judges people, not placements. Served by
 * the (status, start_date, end_date) and (status, ended_on) indexes.
 */
export async function placementStatistics(dataSource: DataSource, from: string, to: string): Promise<PlacementStatistics> {
  const rows: Row[] = await dataSource.query(
    `WITH p AS (
       SELECT 'active' AS bucket, kind, 'ACTIVE' AS outcome, citizen_id FROM placement
        WHERE status = 'ACTIVE' AND start_date <= $2 AND end_date >= $1
       UNION ALL
       SELECT 'completed', kind,
              CASE WHEN outcome IN ('ORDINARY_EMPLOYMENT', 'EDUCATION') THEN outcome ELSE 'OTHER' END, citizen_id
         FROM placement WHERE status = 'COMPLETED' AND ended_on BETWEEN $1 AND $2
     )
     SELECT bucket, kind, outcome, COUNT(*) AS count, COUNT(DISTINCT citizen_id) AS people
       FROM p GROUP BY GROUPING SETS ((bucket), (kind), (outcome))`,
    [from, to],
  );
  const cell = (match: (r: Row) => boolean): Cell => {
    const row = rows.find(match);
    return { count: Number(row?.count ?? 0), people: Number(row?.people ?? 0) };
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
    { hideOne: shownActive !== active.count || shownCompleted !== completed.count },
  );
  const succeeded = employment.count + education.count;
  return {
    active: shownActive,
    completed: shownCompleted,
    byKind,
    toOrdinaryEmployment: outcomes.toOrdinaryEmployment,
    toEducation: outcomes.toEducation,
    // Null when any outcome is small: the rate would reveal it (a part withheld only as the
    // second of two always has a small sibling, so this covers secondary suppression too).
    employmentRate: s.rate('employmentRate', completed.count ? succeeded / completed.count : null, {
      over: completed,
      from: [employment, education, other],
    }),
    suppressed: s.suppressed,
  };
}
