import { DataSource } from 'typeorm';
import { Breakdown, Measure } from './series.enums';
import { CellRow, seriesSql } from './series.sql';

/** How long the running month's cells are used without a change of its facts (the clock's share of staleness). */
export const RUNNING_MONTH_KEPT_SECONDS = 60;

/**
 * A series' cells month by month (series.sql.ts), each month computed once and kept
 * (`insights_series_cell`, migration 1797000000601) while no fact of it changes: the fact
 * tables' triggers note each change's earliest month and transaction (`insights_series_change`),
 * and a kept month is used only while every change of it or an earlier month was visible to the
 * snapshot it was computed in. The running month is kept for at most RUNNING_MONTH_KEPT_SECONDS
 * (its figures also move with the clock). So a 36-month series reads 36 kept months instead of
 * joining 36 months of every citizen's state with the facts; a change shows at the next request.
 */
export async function seriesCells(
  dataSource: DataSource,
  measure: Measure,
  breakdown: Breakdown,
  months: string[],
  now: Date,
): Promise<CellRow[]> {
  const [{ running }]: { running: string }[] = await dataSource.query(
    `SELECT to_char(($1::timestamptz AT TIME ZONE 'Europe/Copenhagen'), 'YYYY-MM') AS running`,
    [now.toISOString()],
  );
  // Months after the running one have no points.
  const asked = months.filter((m) => m <= running).map((m) => `${m}-01`);
  if (asked.length === 0) return [];
  // The changes since the oldest kept snapshot are read once (by index) for all the months, not
  // once per month: the planner cannot tell how few rows a per-row snapshot's xmin leaves.
  const stale: { month: string }[] = await dataSource.query(
    `WITH kept AS MATERIALIZED (SELECT * FROM insights_series_kept WHERE measure = $1 AND breakdown = $2 AND month = ANY($3::date[])),
          changes AS MATERIALIZED (SELECT xid, earliest_month FROM insights_series_change
                                    WHERE xid >= (SELECT MIN(pg_snapshot_xmin(snapshot)) FROM kept))
     SELECT to_char(m.month, 'YYYY-MM') AS month FROM unnest($3::date[]) AS m(month)
      WHERE NOT EXISTS (SELECT 1 FROM kept k WHERE k.month = m.month AND ${CURRENT('k', 'm.month', '$4', 'changes')})`,
    [measure, breakdown, asked, `${running}-01`],
  );
  for (const { month } of stale) await keep(dataSource, measure, breakdown, month, `${running}-01`, now);
  return dataSource.query(
    `SELECT to_char(month, 'YYYY-MM') AS month, key, part, count, key_sum, people, value_sum
       FROM insights_series_cell WHERE measure = $1 AND breakdown = $2 AND month = ANY($3::date[])`,
    [measure, breakdown, asked],
  );
}

/**
 * SQL: kept row `k` of month `month` still holds: no change of that month or an earlier one (in
 * `changes`: the change log or the part of it read for a request) was invisible to its snapshot,
 * and (the running month) it is less than a minute old.
 */
const CURRENT = (k: string, month: string, running: string, changes = 'insights_series_change') => `
  NOT EXISTS (SELECT 1 FROM ${changes} c
               WHERE c.xid >= pg_snapshot_xmin(${k}.snapshot) AND c.earliest_month <= ${month}
                 AND NOT pg_visible_in_snapshot(c.xid, ${k}.snapshot))
  AND (${month} < ${running}::date OR ${k}.computed_at > now() - interval '${RUNNING_MONTH_KEPT_SECONDS} seconds')`;

/**
 * Computes one month's cells and keeps them with the snapshot they were computed in (REPEATABLE
 * READ: the check, the computation and the snapshot are one view of the facts). One computation
 * per month at a time (a session advisory lock taken before the transaction starts, so a request
 * that waited sees the other's result and computes nothing).
 */
async function keep(dataSource: DataSource, measure: Measure, breakdown: Breakdown, month: string, running: string, now: Date) {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const lock = `insights series ${measure} ${breakdown} ${month}`;
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext($1))`, [lock]);
    await runner.startTransaction('REPEATABLE READ');
    try {
      const [{ fresh }]: { fresh: boolean }[] = await runner.query(
        `SELECT EXISTS (SELECT 1 FROM insights_series_kept k
                         WHERE k.measure = $1 AND k.breakdown = $2 AND k.month = $3::date AND ${CURRENT('k', '$3::date', '$4')}) AS fresh`,
        [measure, breakdown, `${month}-01`, running],
      );
      if (!fresh) {
        const rows: CellRow[] = await runner.query(seriesSql(measure, breakdown), [`${month}-01`, `${month}-01`, now.toISOString()]);
        await runner.query(`DELETE FROM insights_series_cell WHERE measure = $1 AND breakdown = $2 AND month = $3::date`, [
          measure,
          breakdown,
          `${month}-01`,
        ]);
        if (rows.length > 0) {
          await runner.query(
            `INSERT INTO insights_series_cell (measure, breakdown, month, key, part, count, key_sum, people, value_sum)
             SELECT $1, $2, $3::date, * FROM unnest($4::varchar[], $5::varchar[], $6::bigint[], $7::bigint[], $8::bigint[], $9::numeric[])`,
            [
              measure,
              breakdown,
              `${month}-01`,
              rows.map((r) => r.key),
              rows.map((r) => r.part),
              rows.map((r) => r.count),
              rows.map((r) => r.key_sum),
              rows.map((r) => r.people),
              rows.map((r) => r.value_sum),
            ],
          );
        }
        await runner.query(
          `INSERT INTO insights_series_kept (measure, breakdown, month, snapshot, computed_at) VALUES ($1, $2, $3::date, pg_current_snapshot(), now())
           ON CONFLICT (measure, breakdown, month) DO UPDATE SET snapshot = EXCLUDED.snapshot, computed_at = EXCLUDED.computed_at`,
          [measure, breakdown, `${month}-01`],
        );
      }
      await runner.commitTransaction();
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [lock]).catch(() => undefined);
    await runner.release();
  }
}
