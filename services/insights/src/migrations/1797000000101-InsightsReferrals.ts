import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Referral facts (issue 19, docs/offers.md): one row per referral, pseudonymous, from the
 * placements subgraph's referral events. `was_active` remembers that a referral ran, so one
 * called off while under way still counts as active for the months it ran.
 */
export class InsightsReferrals1797000000101 implements MigrationInterface {
  name = 'InsightsReferrals1797000000101';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "insights_referral" (
      "referral_id" uuid PRIMARY KEY,
      "pid" char(32) NOT NULL,
      "record_key" smallint NOT NULL,
      "kind" varchar(32) NOT NULL,
      "start_date" date NOT NULL,
      "end_date" date,
      "status" varchar(16) NOT NULL,
      "was_active" boolean NOT NULL DEFAULT false,
      "result" varchar(32))`);
    await q.query(`CREATE INDEX "ix_insights_referral_pid" ON "insights_referral" ("pid")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "insights_referral"`);
  }
}
