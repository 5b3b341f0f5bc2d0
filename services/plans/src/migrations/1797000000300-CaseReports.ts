import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports of a course of support (issue 19): `case_report`, one row per version, and the plan's
 * planned end (`planned_end_date`), which gives the course its period and its midway date.
 */
export class CaseReports1797000000300 implements MigrationInterface {
  name = 'CaseReports1797000000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "plan" ADD "planned_end_date" date`);
    await queryRunner.query(
      `CREATE TABLE "case_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "citizen_id" uuid NOT NULL, "plan_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "status" character varying(16) NOT NULL, "period_from" date NOT NULL, "period_to" date NOT NULL, "evaluation" text NOT NULL, "citizen_name" character varying(200) NOT NULL, "sections" jsonb NOT NULL, "citizen_comment" text, "commented_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, "previous_id" uuid, "author_role" character varying(32) NOT NULL, "author_id" character varying(80) NOT NULL, "author_name" character varying(200) NOT NULL, "approved_by_name" character varying(200), "approved_by_id" character varying(80), "approved_at" TIMESTAMP WITH TIME ZONE, "shared_at" TIMESTAMP WITH TIME ZONE, "drafted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_case_report" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_case_report_citizen" ON "case_report" ("citizen_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_case_report_version" ON "case_report" ("plan_id", "kind", "version") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_case_report_one_draft" ON "case_report" ("plan_id", "kind") WHERE "status" = 'DRAFT'`);
    await queryRunner.query(
      `ALTER TABLE "case_report" ADD CONSTRAINT "fk_case_report_plan" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_report" ADD CONSTRAINT "fk_case_report_previous" FOREIGN KEY ("previous_id") REFERENCES "case_report"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "case_report"`);
    await queryRunner.query(`ALTER TABLE "plan" DROP COLUMN "planned_end_date"`);
  }
}
