import { DataSource } from 'typeorm';
import { Breakdown, Measure } from './series.enums';
import { CellRow, seriesSql } from './series.sql';

/**
 * A series' cells month by month (series.sql.ts), with each ended month computed once and kept
 * (`insights_series_cell`, migration 1797000000601) while no fact of it changes: the fact
 * tables' triggers bump the month's version, and a kept month is used only at the version it
 * was computed at. The running month is kept the same way, but for at most
 * RUNNING_MONTH_KEPT_SECONDS (its figures also move with the clock). So a 36-month series reads
 * 36 kept months instead of joining 36 months of every citizen's state with the facts; a change
 * of the facts shows at the next request.
 */
export async function seriesCells(
  dataSource: DataSource,
  measure: Measure,
  breakdown: Breakdown,
  months: string[],
  now: Date,
): Promise<CellRow[]> {
  const sql = seriesSql(measure, breakdown);
  const compute = (from: string, to: string, runner: Pick<DataSource, 'query'> = dataSource): Promise<CellRow[]> =>
    runner.query(sql, [`${from}-01`, `${to}-01`, now.toISOString()]);
  // A month has ended when its last moment in Copenhagen is past.
  const [{ running }]: { running: string }[] = await dataSource.query(
    `SELECT to_char(($1::timestamptz AT TIME ZONE 'Europe/Copenhagen'), 'YYYY-MM') AS running`,
    [now.toISOString()],
  );
  // Months after the running one have no points; the running one is kept for at most a minute.
  const asked = months.filter((m) => m <= running);
  if (asked.length === 0) return [];
  const state: { month: string; version: string; kept: string | null; fresh: boolean }[] = await dataSource.query(
    `SELECT to_char(m.month, 'YYYY-MM') AS month, COALESCE(v.version, 0) AS version, k.version AS kept,
            COALESCE(k.computed_at > now() - interval '${RUNNING_MONTH_KEPT_SECONDS} seconds', false) AS fresh
       FROM unnest($3::date[]) AS m(month)
       LEFT JOIN insights_series_month v ON v.month = m.month
       LEFT JOIN insights_series_kept k ON k.measure = $1 AND k.breakdown = $2 AND k.month = m.month`,
    [measure, breakdown, asked.map((m) => `${m}-01`)],
  );
  for (const s of state) {
    const stale = s.kept === null || s.kept !== s.version || (s.month === running && !s.fresh);
    if (stale) await keep(dataSource, measure, breakdown, s.month, s.month === running, compute);
  }
  return dataSource.query(
    `SELECT to_char(month, 'YYYY-MM') AS month, key, part, count, key_sum, people, value_sum
       FROM insights_series_cell WHERE measure = $1 AND breakdown = $2 AND month = ANY($3::date[])`,
    [measure, breakdown, asked.map((m) => `${m}-01`)],
  );
}

/** How long the running month's cells are used without a change of its facts (the clock's share of staleness). */
export const RUNNING_MONTH_KEPT_SECONDS = 60;

/**
 * Computes one ended month's cells and keeps them with the month's version as read BEFORE the
 * computation (a fact written meanwhile then only makes the kept month look stale, never the
 * reverse). One computation per month at a time (advisory lock); a request that waited finds it done.
 */
async function keep(
  dataSource: DataSource,
  measure: Measure,
  breakdown: Breakdown,
  month: string,
  running: boolean,
  compute: (from: string, to: string, runner: Pick<DataSource, 'query'>) => Promise<CellRow[]>,
): Promise<void> {
  await dataSource.transaction(async (m) => {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`insights series ${measure} ${breakdown} ${month}`]);
    const [{ version, kept }]: { version: string; kept: string | null }[] = await m.query(
      `SELECT COALESCE((SELECT version FROM insights_series_month WHERE month = $3::date), 0) AS version,
              (SELECT version FROM insights_series_kept WHERE measure = $1 AND breakdown = $2 AND month = $3::date
                  AND (NOT $4 OR computed_at > now() - interval '${RUNNING_MONTH_KEPT_SECONDS} seconds')) AS kept`,
      [measure, breakdown, `${month}-01`, running],
    );
    if (kept !== null && kept === version) return;
    const rows = await compute(month, month, m);
    await m.query(`DELETE FROM insights_series_cell WHERE measure = $1 AND breakdown = $2 AND month = $3::date`, [
      measure,
      breakdown,
      `${month}-01`,
    ]);
    if (rows.length > 0) {
      await m.query(
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
    await m.query(
      `INSERT INTO insights_series_kept (measure, breakdown, month, version, computed_at) VALUES ($1, $2, $3::date, $4, now())
       ON CONFLICT (measure, breakdown, month) DO UPDATE SET version = EXCLUDED.version, computed_at = EXCLUDED.computed_at`,
      [measure, breakdown, `${month}-01`, version],
    );
  });
}
