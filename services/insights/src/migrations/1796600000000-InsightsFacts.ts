import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fact tables insights builds from the four subgraphs' events. Persons appear only by
 * pseudonym (`pid`, an HMAC of the internal id) with their permanent record key for the
 * cell-key method; no names, CPR numbers or free text. See docs/insights.md.
 */
export class InsightsFacts1796600000000 implements MigrationInterface {
  name = 'InsightsFacts1796600000000';

  public async up(q: QueryRunner): Promise<void> {
    // One row per citizen: what does not change (birth year, enrolment) and the record key.
    await q.query(`CREATE TABLE "insights_citizen" (
      "pid" char(32) PRIMARY KEY,
      "record_key" smallint NOT NULL,
      "birth_year" integer,
      "enrolled_at" date,
      "registered_at" timestamptz NOT NULL)`);
    // Status and target group over time: one row per change, valid until the next one.
    await q.query(`CREATE TABLE "insights_citizen_state" (
      "pid" char(32) NOT NULL,
      "valid_from" timestamptz NOT NULL,
      "valid_to" timestamptz,
      "status" varchar(32) NOT NULL,
      "target_group" varchar(32) NOT NULL,
      PRIMARY KEY ("pid", "valid_from"))`);
    await q.query(`CREATE INDEX "ix_insights_citizen_state_period" ON "insights_citizen_state" ("valid_from", "valid_to")`);
    // The responsible caseworker's team over time (caseworker assignments).
    await q.query(`CREATE TABLE "insights_team" (
      "assignment_id" uuid PRIMARY KEY,
      "pid" char(32) NOT NULL,
      "team" varchar(100) NOT NULL,
      "valid_from" date NOT NULL,
      "valid_to" date)`);
    await q.query(`CREATE INDEX "ix_insights_team_pid" ON "insights_team" ("pid", "valid_from")`);
    await q.query(`CREATE TABLE "insights_milestone" (
      "milestone_id" uuid PRIMARY KEY,
      "pid" char(32) NOT NULL,
      "record_key" smallint NOT NULL,
      "deadline" date NOT NULL)`);
    await q.query(`CREATE TABLE "insights_milestone_status" (
      "milestone_id" uuid NOT NULL,
      "at" timestamptz NOT NULL,
      "status" varchar(16) NOT NULL,
      PRIMARY KEY ("milestone_id", "at"))`);
    await q.query(`CREATE INDEX "ix_insights_milestone_status_at" ON "insights_milestone_status" ("status", "at")`);
    await q.query(`CREATE TABLE "insights_meeting" (
      "meeting_id" uuid PRIMARY KEY,
      "pid" char(32) NOT NULL,
      "record_key" smallint NOT NULL,
      "kind" varchar(32) NOT NULL,
      "scheduled_at" timestamptz NOT NULL,
      "status" varchar(16) NOT NULL)`);
    await q.query(`CREATE INDEX "ix_insights_meeting_scheduled" ON "insights_meeting" ("scheduled_at")`);
    await q.query(
      `CREATE INDEX "ix_insights_meeting_network" ON "insights_meeting" ("pid", "scheduled_at") WHERE "kind" = 'NETWORK_MEETING' AND "status" = 'HELD'`,
    );
    await q.query(`CREATE TABLE "insights_attendance" (
      "session_id" uuid NOT NULL,
      "pid" char(32) NOT NULL,
      "record_key" smallint NOT NULL,
      "starts_at" timestamptz NOT NULL,
      "status" varchar(16) NOT NULL,
      PRIMARY KEY ("session_id", "pid"))`);
    await q.query(`CREATE INDEX "ix_insights_attendance_starts" ON "insights_attendance" ("starts_at")`);
    await q.query(`CREATE TABLE "insights_placement" (
      "placement_id" uuid PRIMARY KEY,
      "pid" char(32) NOT NULL,
      "record_key" smallint NOT NULL,
      "kind" varchar(32) NOT NULL,
      "start_date" date NOT NULL,
      "end_date" date,
      "status" varchar(16) NOT NULL,
      "outcome" varchar(32))`);
    await q.query(`CREATE TABLE "insights_score" (
      "assessment_id" uuid NOT NULL,
      "dimension" varchar(32) NOT NULL,
      "pid" char(32) NOT NULL,
      "record_key" smallint NOT NULL,
      "assessed_at" date NOT NULL,
      "score" smallint NOT NULL,
      PRIMARY KEY ("assessment_id", "dimension"))`);
    await q.query(`CREATE INDEX "ix_insights_score_pid" ON "insights_score" ("pid", "dimension", "assessed_at")`);
    // How far each source has been read into the facts: the newest event's time, for `asOf`.
    await q.query(`CREATE TABLE "insights_source" (
      "source" varchar(32) PRIMARY KEY,
      "newest_occurred_at" timestamptz NOT NULL,
      "events" bigint NOT NULL DEFAULT 0)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'insights_source',
      'insights_score',
      'insights_placement',
      'insights_attendance',
      'insights_meeting',
      'insights_milestone_status',
      'insights_milestone',
      'insights_team',
      'insights_citizen_state',
      'insights_citizen',
    ]) {
      await q.query(`DROP TABLE "${table}"`);
    }
  }
}
