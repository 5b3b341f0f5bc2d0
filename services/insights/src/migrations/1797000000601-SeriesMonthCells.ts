import { MigrationInterface, QueryRunner } from 'typeorm';
import { createStatementTriggers, dropStatementTriggers } from './statement-triggers';

/**
 * A series' closed months, computed once and kept (docs/insights.md, "Series at scale"): the
 * cells of a month that has ended (count, record-key sum, people, value sum per breakdown key)
 * do not change unless a fact of that month or earlier changes. Every fact table carries a
 * statement trigger that notes (append-only, `insights_series_change`) the earliest month its
 * change can touch and the writing transaction; a kept month is used only while every such
 * change of it or an earlier month was visible to the snapshot it was computed in. The running month is kept the same way but for at most a minute (its
 * figures also move with the clock: deadlines pass, three months since a meeting run out).
 */
export class SeriesMonthCells1797000000601 implements MigrationInterface {
  name = 'SeriesMonthCells1797000000601';

  public async up(q: QueryRunner): Promise<void> {
    // Append-only (no row two page transactions would both update): which transaction changed
    // facts from which month on. A kept month is current while every change of it or an earlier
    // month was visible to the snapshot it was computed in.
    await q.query(`CREATE TABLE "insights_series_change" (
      "earliest_month" date NOT NULL,
      "xid" xid8 NOT NULL DEFAULT pg_current_xact_id())`);
    await q.query(`CREATE INDEX "ix_insights_series_change_xid" ON "insights_series_change" ("xid")`);
    // One row per (measure, breakdown, month) computed: the snapshot it was computed in.
    await q.query(`CREATE TABLE "insights_series_kept" (
      "measure" varchar(40) NOT NULL,
      "breakdown" varchar(32) NOT NULL,
      "month" date NOT NULL,
      "snapshot" pg_snapshot NOT NULL,
      "computed_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("measure", "breakdown", "month"))`);
    await q.query(`CREATE TABLE "insights_series_cell" (
      "measure" varchar(40) NOT NULL,
      "breakdown" varchar(32) NOT NULL,
      "month" date NOT NULL,
      "key" varchar(100),
      "part" varchar(8) NOT NULL,
      "count" bigint NOT NULL,
      "key_sum" bigint NOT NULL,
      "people" bigint NOT NULL,
      "value_sum" numeric)`);
    await q.query(`CREATE INDEX "ix_insights_series_cell" ON "insights_series_cell" ("measure", "breakdown", "month")`);
    await q.query(`CREATE FUNCTION "insights_series_touch"(earliest timestamptz) RETURNS void LANGUAGE sql AS $$
      INSERT INTO insights_series_change (earliest_month)
      VALUES (date_trunc('month', (earliest AT TIME ZONE 'Europe/Copenhagen'))::date)
    $$`);
    // Per fact table: the earliest moment a change of a row can touch (its month and every later one).
    const earliest: Record<string, string> = {
      insights_citizen: `LEAST(registered_at, enrolled_at::timestamp AT TIME ZONE 'Europe/Copenhagen')`,
      insights_citizen_state: 'valid_from',
      insights_team: `valid_from::timestamp AT TIME ZONE 'Europe/Copenhagen'`,
      insights_milestone: `deadline::timestamp AT TIME ZONE 'Europe/Copenhagen'`,
      insights_milestone_status: 'at',
      insights_meeting: 'scheduled_at',
      insights_attendance: 'starts_at',
      insights_placement: `start_date::timestamp AT TIME ZONE 'Europe/Copenhagen'`,
      insights_score: `assessed_at::timestamp AT TIME ZONE 'Europe/Copenhagen'`,
    };
    await addSeriesTouchTriggers(q, earliest);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'insights_citizen',
      'insights_citizen_state',
      'insights_team',
      'insights_milestone',
      'insights_milestone_status',
      'insights_meeting',
      'insights_attendance',
      'insights_placement',
      'insights_score',
    ]) {
      await dropSeriesTouchTriggers(q, table);
    }
    await q.query(`DROP FUNCTION IF EXISTS "insights_series_touch"(timestamptz)`);
    for (const table of ['insights_series_cell', 'insights_series_kept', 'insights_series_change']) await q.query(`DROP TABLE "${table}"`);
  }
}

/**
 * Per fact table, statement triggers that note the earliest month a change can touch
 * (`expression`: the earliest moment of a row), so the kept months from there on are recomputed.
 * Every fact table a series reads needs them (a later migration adds them to a new fact table).
 */
export async function addSeriesTouchTriggers(q: QueryRunner, earliest: Record<string, string>): Promise<void> {
  for (const [table, expression] of Object.entries(earliest)) {
    const fn = `${table}_series_touch`;
    await q.query(`CREATE FUNCTION "${fn}"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE first timestamptz;
      BEGIN
        IF TG_OP = 'INSERT' THEN SELECT MIN(${expression}) INTO first FROM new_rows;
        ELSIF TG_OP = 'DELETE' THEN SELECT MIN(${expression}) INTO first FROM old_rows;
        ELSE SELECT LEAST((SELECT MIN(${expression}) FROM new_rows), (SELECT MIN(${expression}) FROM old_rows)) INTO first;
        END IF;
        IF first IS NOT NULL AND first <= now() THEN PERFORM insights_series_touch(first); END IF;
        RETURN NULL;
      END $$`);
    await createStatementTriggers(q, table, `${table}_series`, fn);
  }
}

export async function dropSeriesTouchTriggers(q: QueryRunner, table: string): Promise<void> {
  await dropStatementTriggers(q, table, `${table}_series`, `${table}_series_touch`, true);
}
