import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification centre: one row per notice to a person (the row is also the delivery job),
 * and the staff digest's one-run-per-day record.
 */
export class Notifications1795910000000 implements MigrationInterface {
  name = 'Notifications1795910000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "citizen_id" uuid, "staff_id" uuid, "kind" character varying(32) NOT NULL, "channel" character varying(16) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'PENDING', "subject_type" character varying(16), "subject_id" uuid, "deadline" date, "details" jsonb, "dedupe_key" character varying(120), "event_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "send_after" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT 0, "failure" character varying(500), CONSTRAINT "PK_notification" PRIMARY KEY ("id"), CONSTRAINT "ck_notification_recipient" CHECK (("citizen_id" IS NULL) <> ("staff_id" IS NULL)))`,
    );
    // Idempotent by cause: the same event makes the same notice once, however often it arrives.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_notification_event" ON "notification" ("event_id", "kind") WHERE "event_id" IS NOT NULL`,
    );
    // One pending reminder per subject (a moved meeting moves it, a cancelled one cancels it).
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_notification_pending_key" ON "notification" ("dedupe_key") WHERE "status" = 'PENDING'`,
    );
    await queryRunner.query(`CREATE INDEX "ix_notification_due" ON "notification" ("send_after") WHERE "status" = 'PENDING'`);
    await queryRunner.query(`CREATE INDEX "ix_notification_citizen" ON "notification" ("citizen_id", "created_at")`);
    await queryRunner.query(
      `CREATE TABLE "digest_run" ("day" date NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_digest_run" PRIMARY KEY ("day"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "digest_run"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
