import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A series' closed months, computed once and kept (docs/insights.md, "Series at scale"): the
 * cells of a month that has ended (count, record-key sum, people, value sum per breakdown key)
 * do not change unless a fact of that month or earlier changes. Every fact table carries a
 * statement trigger that bumps `insights_series_month.version` for every month from the
 * earliest its change can touch up to now; a kept month is used only while its version is the
 * one it was computed at. The running month is kept the same way but for at most a minute (its
 * figures also move with the clock: deadlines pass, three months since a meeting run out).
 */
export class SeriesMonthCells1797000000601 implements MigrationInterface {
  name = 'SeriesMonthCells1797000000601';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "insights_series_month" ("month" date PRIMARY KEY, "version" bigint NOT NULL DEFAULT 0)`);
    // One row per (measure, breakdown, month) computed: the version it was computed at.
    await q.query(`CREATE TABLE "insights_series_kept" (
      "measure" varchar(40) NOT NULL,
      "breakdown" varchar(32) NOT NULL,
      "month" date NOT NULL,
      "version" bigint NOT NULL,
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
      INSERT INTO insights_series_month (month, version)
      SELECT m::date, 1 FROM generate_series(
               date_trunc('month', (earliest AT TIME ZONE 'Europe/Copenhagen'))::date,
               date_trunc('month', (now() AT TIME ZONE 'Europe/Copenhagen'))::date, interval '1 month') m
      ON CONFLICT (month) DO UPDATE SET version = insights_series_month.version + 1
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
      await q.query(
        `CREATE TRIGGER "${table}_series_insert" AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "${fn}"()`,
      );
      await q.query(
        `CREATE TRIGGER "${table}_series_update" AFTER UPDATE ON "${table}" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "${fn}"()`,
      );
      await q.query(
        `CREATE TRIGGER "${table}_series_delete" AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "${fn}"()`,
      );
    }
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
      for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER IF EXISTS "${table}_series_${op}" ON "${table}"`);
      await q.query(`DROP FUNCTION IF EXISTS "${table}_series_touch"()`);
    }
    await q.query(`DROP FUNCTION IF EXISTS "insights_series_touch"(timestamptz)`);
    for (const table of ['insights_series_cell', 'insights_series_kept', 'insights_series_month']) await q.query(`DROP TABLE "${table}"`);
  }
}
