import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialPlansSchema1795464583993 implements MigrationInterface {
  name = 'InitialPlansSchema1795464583993';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "citizen_id" uuid NOT NULL, "long_term_goal" text NOT NULL, "citizen_perspective" text, "status" character varying(16) NOT NULL, "start_date" date NOT NULL, "end_date" date, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_54a2b686aed3b637654bf7ddbb3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_plan_active_per_citizen" ON "plan"  ("citizen_id") WHERE "status" = 'ACTIVE'`);
    await queryRunner.query(`CREATE INDEX "ix_plan_citizen" ON "plan"  ("citizen_id", "start_date") `);
    await queryRunner.query(
      `CREATE TABLE "progress_score" ("assessment_id" uuid NOT NULL, "dimension" character varying(32) NOT NULL, "score" smallint NOT NULL, CONSTRAINT "ck_progress_score_range" CHECK ("score" BETWEEN 1 AND 10), CONSTRAINT "PK_263a922ac9184756aebd9f21254" PRIMARY KEY ("assessment_id", "dimension"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_progress_score_dimension" ON "progress_score"  ("dimension") `);
    await queryRunner.query(
      `CREATE TABLE "progress_assessment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "citizen_id" uuid NOT NULL, "assessed_at" date NOT NULL, "note" text, "assessed_by_role" character varying(32) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_729f085b4ad15b179f8d620b437" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_progress_assessment_citizen_date" ON "progress_assessment"  ("citizen_id", "assessed_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "milestone" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "description" text, "deadline" date NOT NULL, "status" character varying(16) NOT NULL, "responsible" character varying(16) NOT NULL, "achieved_at" date, "replaced_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f8372abce331f60ba7b33fe23a7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_milestone_replaced_by" ON "milestone"  ("replaced_by_id") `);
    await queryRunner.query(`CREATE INDEX "ix_milestone_deadline_status" ON "milestone"  ("deadline", "status") `);
    await queryRunner.query(`CREATE INDEX "ix_milestone_plan" ON "milestone"  ("plan_id", "deadline") `);
    await queryRunner.query(
      `CREATE TABLE "milestone_update" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "milestone_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "author_role" character varying(32) NOT NULL, "author_id" uuid NOT NULL, "author_name" character varying(200) NOT NULL, "note" text NOT NULL, "status" character varying(16), CONSTRAINT "PK_c7b8e65c3e3fe9478881a8faa10" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_milestone_update_milestone" ON "milestone_update"  ("milestone_id", "at") `);
    await queryRunner.query(
      `CREATE TABLE "plan_period" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "meeting_date" date NOT NULL, "past_period_status" text NOT NULL, "next_period_goals" text NOT NULL, "next_review_date" date, "author_role" character varying(32) NOT NULL, "author_name" character varying(200) NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2dfbf988bdca21f99e67f5c442a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_plan_period_date" ON "plan_period"  ("plan_id", "meeting_date") `);
    await queryRunner.query(
      `ALTER TABLE "progress_score" ADD CONSTRAINT "fk_progress_score_assessment" FOREIGN KEY ("assessment_id") REFERENCES "progress_assessment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "milestone" ADD CONSTRAINT "fk_milestone_plan" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "milestone_update" ADD CONSTRAINT "fk_milestone_update_milestone" FOREIGN KEY ("milestone_id") REFERENCES "milestone"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_period" ADD CONSTRAINT "fk_plan_period_plan" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "plan_period" DROP CONSTRAINT "fk_plan_period_plan"`);
    await queryRunner.query(`ALTER TABLE "milestone_update" DROP CONSTRAINT "fk_milestone_update_milestone"`);
    await queryRunner.query(`ALTER TABLE "milestone" DROP CONSTRAINT "fk_milestone_plan"`);
    await queryRunner.query(`ALTER TABLE "progress_score" DROP CONSTRAINT "fk_progress_score_assessment"`);
    await queryRunner.query(`DROP INDEX "public"."uq_plan_period_date"`);
    await queryRunner.query(`DROP TABLE "plan_period"`);
    await queryRunner.query(`DROP INDEX "public"."ix_milestone_update_milestone"`);
    await queryRunner.query(`DROP TABLE "milestone_update"`);
    await queryRunner.query(`DROP INDEX "public"."ix_milestone_plan"`);
    await queryRunner.query(`DROP INDEX "public"."ix_milestone_deadline_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_milestone_replaced_by"`);
    await queryRunner.query(`DROP TABLE "milestone"`);
    await queryRunner.query(`DROP INDEX "public"."uq_progress_assessment_citizen_date"`);
    await queryRunner.query(`DROP TABLE "progress_assessment"`);
    await queryRunner.query(`DROP INDEX "public"."ix_progress_score_dimension"`);
    await queryRunner.query(`DROP TABLE "progress_score"`);
    await queryRunner.query(`DROP INDEX "public"."ix_plan_citizen"`);
    await queryRunner.query(`DROP INDEX "public"."uq_plan_active_per_citizen"`);
    await queryRunner.query(`DROP TABLE "plan"`);
  }
}
