import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The citizen's voice in the plan (issue 18): whose scores an assessment holds (every earlier one
 * is staff's), one assessment per citizen, day and assessor; proposed and declined milestones;
 * comments and confirmations. Progression statistics stay staff's scores only: the summary
 * triggers now read STAFF assessments, and the summary is rebuilt once.
 */
export class CitizensVoice1796100000000 implements MigrationInterface {
  name = 'CitizensVoice1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "progress_assessment" ADD "assessed_by" character varying(8) NOT NULL DEFAULT 'STAFF'`);
    await queryRunner.query(`DROP INDEX "public"."uq_progress_assessment_citizen_date"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_progress_assessment_citizen_date" ON "progress_assessment" ("citizen_id", "assessed_by", "assessed_at") `,
    );
    await queryRunner.query(`ALTER TABLE "milestone" ADD "proposed_by_citizen" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "milestone" ADD "decline_reason" text`);
    await queryRunner.query(
      `CREATE TABLE "plan_comment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "milestone_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "author_role" character varying(32) NOT NULL, "author_id" uuid NOT NULL, "author_name" character varying(200) NOT NULL, "text" text NOT NULL, CONSTRAINT "PK_plan_comment" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_plan_comment_milestone" ON "plan_comment" ("milestone_id") `);
    await queryRunner.query(`CREATE INDEX "ix_plan_comment_plan" ON "plan_comment" ("plan_id", "at") `);
    await queryRunner.query(
      `CREATE TABLE "plan_confirmation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "plan_version" integer NOT NULL, "agrees" boolean NOT NULL, "comment" text, CONSTRAINT "PK_plan_confirmation" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_plan_confirmation_plan" ON "plan_confirmation" ("plan_id", "at") `);
    await queryRunner.query(
      `ALTER TABLE "plan_comment" ADD CONSTRAINT "fk_plan_comment_plan" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_comment" ADD CONSTRAINT "fk_plan_comment_milestone" FOREIGN KEY ("milestone_id") REFERENCES "milestone"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_confirmation" ADD CONSTRAINT "fk_plan_confirmation_plan" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await this.summaryReads(queryRunner, `WHERE a.assessed_by = 'STAFF'`, `AND a.assessed_by = 'STAFF'`);
    await queryRunner.query(`SELECT progression_summary_refresh(NULL)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await this.summaryReads(queryRunner, '', '');
    await queryRunner.query(`ALTER TABLE "plan_confirmation" DROP CONSTRAINT "fk_plan_confirmation_plan"`);
    await queryRunner.query(`ALTER TABLE "plan_comment" DROP CONSTRAINT "fk_plan_comment_milestone"`);
    await queryRunner.query(`ALTER TABLE "plan_comment" DROP CONSTRAINT "fk_plan_comment_plan"`);
    await queryRunner.query(`DROP TABLE "plan_confirmation"`);
    await queryRunner.query(`DROP TABLE "plan_comment"`);
    await queryRunner.query(`ALTER TABLE "milestone" DROP COLUMN "decline_reason"`);
    await queryRunner.query(`ALTER TABLE "milestone" DROP COLUMN "proposed_by_citizen"`);
    await queryRunner.query(`DELETE FROM "progress_assessment" WHERE "assessed_by" <> 'STAFF'`);
    await queryRunner.query(`DROP INDEX "public"."uq_progress_assessment_citizen_date"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_progress_assessment_citizen_date" ON "progress_assessment" ("citizen_id", "assessed_at") `,
    );
    await queryRunner.query(`ALTER TABLE "progress_assessment" DROP COLUMN "assessed_by"`);
    await queryRunner.query(`SELECT progression_summary_refresh(NULL)`);
  }

  /** The two summary functions that read assessments, with the filter on whose scores count (1795500000000 made them). */
  private async summaryReads(queryRunner: QueryRunner, addFilter: string, refreshFilter: string): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION progression_summary_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO progression_summary AS p (citizen_id, dimension, first_assessed_at, first_score, latest_assessed_at, latest_score, assessments)
  SELECT a.citizen_id, n.dimension,
         MIN(a.assessed_at), (ARRAY_AGG(n.score ORDER BY a.assessed_at))[1],
         MAX(a.assessed_at), (ARRAY_AGG(n.score ORDER BY a.assessed_at DESC))[1],
         COUNT(*)
    FROM added n JOIN progress_assessment a ON a.id = n.assessment_id
   ${addFilter}
   GROUP BY a.citizen_id, n.dimension
   ORDER BY a.citizen_id, n.dimension
  ON CONFLICT (citizen_id, dimension) DO UPDATE SET
    first_assessed_at = LEAST(p.first_assessed_at, EXCLUDED.first_assessed_at),
    first_score = CASE WHEN EXCLUDED.first_assessed_at < p.first_assessed_at THEN EXCLUDED.first_score ELSE p.first_score END,
    latest_assessed_at = GREATEST(p.latest_assessed_at, EXCLUDED.latest_assessed_at),
    latest_score = CASE WHEN EXCLUDED.latest_assessed_at > p.latest_assessed_at THEN EXCLUDED.latest_score ELSE p.latest_score END,
    assessments = p.assessments + EXCLUDED.assessments;
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION progression_summary_refresh(citizens uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM progression_summary WHERE citizens IS NULL OR citizen_id = ANY (citizens) ORDER BY citizen_id, dimension FOR UPDATE;
  DELETE FROM progression_summary WHERE citizens IS NULL OR citizen_id = ANY (citizens);
  INSERT INTO progression_summary (citizen_id, dimension, first_assessed_at, first_score, latest_assessed_at, latest_score, assessments)
  SELECT a.citizen_id, s.dimension,
         MIN(a.assessed_at), (ARRAY_AGG(s.score ORDER BY a.assessed_at))[1],
         MAX(a.assessed_at), (ARRAY_AGG(s.score ORDER BY a.assessed_at DESC))[1],
         COUNT(*)
    FROM progress_score s JOIN progress_assessment a ON a.id = s.assessment_id
   WHERE (citizens IS NULL OR a.citizen_id = ANY (citizens)) ${refreshFilter}
   GROUP BY a.citizen_id, s.dimension;
END $$`);
  }
}
