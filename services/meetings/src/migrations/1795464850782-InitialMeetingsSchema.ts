import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialMeetingsSchema1795464850782 implements MigrationInterface {
  name = 'InitialMeetingsSchema1795464850782';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "group_course" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(200) NOT NULL, "topics" character varying(32) array NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "capacity" integer NOT NULL, "location" character varying(200), "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f644c24b387124a3fa6ff89f0f1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_group_course_start" ON "group_course"  ("start_date") `);
    await queryRunner.query(
      `CREATE TABLE "group_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "number" integer NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_minutes" integer NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_ccf8f8652472e1d0e53204585ee" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_group_session_time" ON "group_session"  ("starts_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_group_session_number" ON "group_session"  ("course_id", "number") `);
    await queryRunner.query(
      `CREATE TABLE "attendance" ("session_id" uuid NOT NULL, "citizen_id" uuid NOT NULL, "status" character varying(16) NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "recorded_by" uuid NOT NULL, CONSTRAINT "PK_5fa793c8a326cb81572f5961c19" PRIMARY KEY ("session_id", "citizen_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_attendance_citizen" ON "attendance"  ("citizen_id", "session_id") `);
    await queryRunner.query(
      `CREATE TABLE "course_facilitator" ("course_id" uuid NOT NULL, "staff_id" uuid NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_728faccde2cf4a336fcaf81a02b" PRIMARY KEY ("course_id", "staff_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_course_facilitator_staff" ON "course_facilitator"  ("staff_id", "course_id") `);
    await queryRunner.query(
      `CREATE TABLE "enrollment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "citizen_id" uuid NOT NULL, "enrolled_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "enrolled_by" uuid NOT NULL, CONSTRAINT "PK_7e200c699fa93865cdcdd025885" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_enrollment_citizen" ON "enrollment"  ("citizen_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_enrollment_course_citizen" ON "enrollment"  ("course_id", "citizen_id") `);
    await queryRunner.query(
      `CREATE TABLE "meeting" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "citizen_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "scheduled_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_minutes" integer NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "location" character varying(200), "status" character varying(16) NOT NULL, "summary" text, "agreements" jsonb NOT NULL DEFAULT '[]', "cancel_reason" text, "outcome_recorded_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dccaf9e4c0e39067d82ccc7bb83" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_meeting_kind_status_citizen" ON "meeting"  ("kind", "status", "citizen_id", "scheduled_at") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_meeting_time_status" ON "meeting"  ("scheduled_at", "status") `);
    await queryRunner.query(`CREATE INDEX "ix_meeting_citizen_time" ON "meeting"  ("citizen_id", "scheduled_at") `);
    await queryRunner.query(
      `CREATE TABLE "meeting_participant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "role" character varying(32) NOT NULL, "staff_id" uuid, "name" character varying(200), "position" integer NOT NULL, CONSTRAINT "PK_076322be51eef11585f17a45c66" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_meeting_participant_staff" ON "meeting_participant"  ("staff_id", "meeting_id") `);
    await queryRunner.query(`CREATE INDEX "ix_meeting_participant_meeting" ON "meeting_participant"  ("meeting_id") `);
    await queryRunner.query(
      `CREATE TABLE "minutes_amendment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "amended_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "amended_by" uuid NOT NULL, "previous_status" character varying(16) NOT NULL, "previous_summary" text, "previous_agreements" jsonb NOT NULL, CONSTRAINT "PK_5ced904be99b69d0c001c6e490d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_minutes_amendment_meeting" ON "minutes_amendment"  ("meeting_id", "amended_at") `);
    await queryRunner.query(
      `ALTER TABLE "group_session" ADD CONSTRAINT "fk_group_session_course" FOREIGN KEY ("course_id") REFERENCES "group_course"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "attendance" ADD CONSTRAINT "fk_attendance_session" FOREIGN KEY ("session_id") REFERENCES "group_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_facilitator" ADD CONSTRAINT "fk_course_facilitator_course" FOREIGN KEY ("course_id") REFERENCES "group_course"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enrollment" ADD CONSTRAINT "fk_enrollment_course" FOREIGN KEY ("course_id") REFERENCES "group_course"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_participant" ADD CONSTRAINT "fk_meeting_participant_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "minutes_amendment" ADD CONSTRAINT "fk_minutes_amendment_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "minutes_amendment" DROP CONSTRAINT "fk_minutes_amendment_meeting"`);
    await queryRunner.query(`ALTER TABLE "meeting_participant" DROP CONSTRAINT "fk_meeting_participant_meeting"`);
    await queryRunner.query(`ALTER TABLE "enrollment" DROP CONSTRAINT "fk_enrollment_course"`);
    await queryRunner.query(`ALTER TABLE "course_facilitator" DROP CONSTRAINT "fk_course_facilitator_course"`);
    await queryRunner.query(`ALTER TABLE "attendance" DROP CONSTRAINT "fk_attendance_session"`);
    await queryRunner.query(`ALTER TABLE "group_session" DROP CONSTRAINT "fk_group_session_course"`);
    await queryRunner.query(`DROP INDEX "public"."ix_minutes_amendment_meeting"`);
    await queryRunner.query(`DROP TABLE "minutes_amendment"`);
    await queryRunner.query(`DROP INDEX "public"."ix_meeting_participant_meeting"`);
    await queryRunner.query(`DROP INDEX "public"."ix_meeting_participant_staff"`);
    await queryRunner.query(`DROP TABLE "meeting_participant"`);
    await queryRunner.query(`DROP INDEX "public"."ix_meeting_citizen_time"`);
    await queryRunner.query(`DROP INDEX "public"."ix_meeting_time_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_meeting_kind_status_citizen"`);
    await queryRunner.query(`DROP TABLE "meeting"`);
    await queryRunner.query(`DROP INDEX "public"."uq_enrollment_course_citizen"`);
    await queryRunner.query(`DROP INDEX "public"."ix_enrollment_citizen"`);
    await queryRunner.query(`DROP TABLE "enrollment"`);
    await queryRunner.query(`DROP INDEX "public"."ix_course_facilitator_staff"`);
    await queryRunner.query(`DROP TABLE "course_facilitator"`);
    await queryRunner.query(`DROP INDEX "public"."ix_attendance_citizen"`);
    await queryRunner.query(`DROP TABLE "attendance"`);
    await queryRunner.query(`DROP INDEX "public"."uq_group_session_number"`);
    await queryRunner.query(`DROP INDEX "public"."ix_group_session_time"`);
    await queryRunner.query(`DROP TABLE "group_session"`);
    await queryRunner.query(`DROP INDEX "public"."ix_group_course_start"`);
    await queryRunner.query(`DROP TABLE "group_course"`);
  }
}
