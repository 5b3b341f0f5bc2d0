import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropRollup, rollup } from './rollup';

/**
 * What the existing statistics fields (served by insights, `src/statistics/`) read: every
 * count the dashboard publishes is a sum over a small rollup table (per day and bucket: the
 * count and the sum of the records' keys, for the cell-key perturbation), kept by statement
 * triggers in the same transaction as the fact rows they sum, so a dashboard costs the same at
 * 50,000 citizens as at 50 (docs/insights.md, "The dashboard's statistics").
 *
 * - `insights_stat_citizen`: each citizen's current status and target group (from citizens'
 *   events), rolled up in `insights_stat_citizen_total`.
 * - `insights_stat_plan` / `insights_stat_milestone`: each plan's status and each milestone's
 *   current state (milestones of DRAFT plans and declined proposals are left out, as plans' own
 *   figures did), rolled up per deadline and bucket in `insights_stat_milestone_day`.
 * - `insights_meeting` (the facts' table): rolled up per Copenhagen day and status in
 *   `insights_stat_meeting_day`.
 * - `insights_stat_course` / `insights_stat_enrollment` / `insights_stat_attendance`: group
 *   courses (capacity, start), enrolments and recorded attendance, rolled up per course.
 */
export class DashboardStatistics1797000000600 implements MigrationInterface {
  name = 'DashboardStatistics1797000000600';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "insights_stat_citizen" (
      "pid" char(32) PRIMARY KEY,
      "record_key" smallint NOT NULL,
      "status" varchar(32) NOT NULL,
      "target_group" varchar(32) NOT NULL)`);
    await q.query(`CREATE TABLE "insights_stat_citizen_total" (
      "status" varchar(32) NOT NULL,
      "target_group" varchar(32) NOT NULL,
      "count" integer NOT NULL,
      "key_sum" bigint NOT NULL,
      PRIMARY KEY ("status", "target_group"))`);
    await rollup(q, {
      table: 'insights_stat_citizen',
      total: 'insights_stat_citizen_total',
      keys: { status: 'status', target_group: 'target_group' },
    });

    await q.query(`CREATE TABLE "insights_stat_plan" ("plan_id" uuid PRIMARY KEY, "status" varchar(16) NOT NULL)`);
    await q.query(`CREATE TABLE "insights_stat_milestone" (
      "milestone_id" uuid PRIMARY KEY,
      "plan_id" uuid NOT NULL,
      "pid" char(32) NOT NULL,
      "record_key" smallint NOT NULL,
      "deadline" date NOT NULL,
      "status" varchar(16) NOT NULL,
      "declined" boolean NOT NULL DEFAULT false,
      "draft" boolean NOT NULL DEFAULT false)`);
    await q.query(`CREATE INDEX "ix_insights_stat_milestone_plan" ON "insights_stat_milestone" ("plan_id")`);
    // The people behind a bucket (small-cell suppression asks for up to 5 of them).
    await q.query(`CREATE INDEX "ix_insights_stat_milestone_status" ON "insights_stat_milestone" ("status", "deadline") INCLUDE ("pid")`);
    await q.query(`CREATE TABLE "insights_stat_milestone_day" (
      "deadline" date NOT NULL,
      "bucket" varchar(16) NOT NULL,
      "count" integer NOT NULL,
      "key_sum" bigint NOT NULL,
      PRIMARY KEY ("deadline", "bucket"))`);
    await rollup(q, {
      table: 'insights_stat_milestone',
      total: 'insights_stat_milestone_day',
      // Left out as plans' figures leave them out: milestones of DRAFT plans and declined proposals.
      keys: {
        deadline: 'deadline',
        bucket: `CASE WHEN draft THEN 'DRAFT' WHEN status = 'DROPPED' AND declined THEN 'DECLINED' ELSE status END`,
      },
    });

    await q.query(`CREATE TABLE "insights_stat_meeting_day" (
      "day" date NOT NULL,
      "status" varchar(16) NOT NULL,
      "count" integer NOT NULL,
      "key_sum" bigint NOT NULL,
      PRIMARY KEY ("day", "status"))`);
    await rollup(q, {
      table: 'insights_meeting',
      total: 'insights_stat_meeting_day',
      keys: { day: `(scheduled_at AT TIME ZONE 'Europe/Copenhagen')::date`, status: 'status' },
    });
    await q.query(`CREATE INDEX "ix_insights_stat_meeting_people" ON "insights_meeting" ("status", "scheduled_at") INCLUDE ("pid")`);

    await q.query(`CREATE INDEX "ix_insights_stat_placement" ON "insights_placement" ("status", "end_date")`);

    await q.query(`CREATE TABLE "insights_stat_course" (
      "course_id" uuid PRIMARY KEY,
      "capacity" integer NOT NULL,
      "start_date" date NOT NULL)`);
    await q.query(`CREATE INDEX "ix_insights_stat_course_start" ON "insights_stat_course" ("start_date")`);
    await q.query(`CREATE TABLE "insights_stat_enrollment" (
      "course_id" uuid NOT NULL,
      "pid" char(32) NOT NULL,
      "record_key" smallint NOT NULL,
      PRIMARY KEY ("course_id", "pid"))`);
    await q.query(`CREATE TABLE "insights_stat_attendance" (
      "session_id" uuid NOT NULL,
      "pid" char(32) NOT NULL,
      "course_id" uuid NOT NULL,
      "record_key" smallint NOT NULL,
      "status" varchar(16) NOT NULL,
      PRIMARY KEY ("session_id", "pid"))`);
    await q.query(
      `CREATE INDEX "ix_insights_stat_attendance_course" ON "insights_stat_attendance" ("course_id", "status") INCLUDE ("pid")`,
    );
    await q.query(`CREATE INDEX "ix_insights_stat_enrollment_course" ON "insights_stat_enrollment" ("course_id") INCLUDE ("pid")`);

    // Pages already consumed before this migration have no statistics facts: read the feeds again.
    // The consumer skips nothing it has handled (processed_event) only if the cursor says so, so
    // the cursors are reset and processed_event emptied: handlers are idempotent upserts.
    await q.query(`DELETE FROM "event_cursor"`);
    await q.query(`DELETE FROM "processed_event"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "ix_insights_stat_meeting_people"`);
    await q.query(`DROP INDEX IF EXISTS "ix_insights_stat_placement"`);
    await dropRollup(q, 'insights_meeting', 'insights_meeting', true);
    for (const table of [
      'insights_stat_attendance',
      'insights_stat_enrollment',
      'insights_stat_course',
      'insights_stat_meeting_day',
      'insights_stat_milestone_day',
      'insights_stat_milestone',
      'insights_stat_plan',
      'insights_stat_citizen_total',
      'insights_stat_citizen',
    ]) {
      await q.query(`DROP TABLE "${table}" CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS "insights_stat_citizen_roll"()`);
    await q.query(`DROP FUNCTION IF EXISTS "insights_stat_milestone_roll"()`);
  }
}
