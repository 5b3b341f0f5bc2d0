import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports about a referral (issue 19: "for a plan or referral"): `case_report.referral_id`, and
 * the chains of versions (one DRAFT each) split into a plan's own reports and each referral's.
 */
export class ReferralReports1797000000310 implements MigrationInterface {
  name = 'ReferralReports1797000000310';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_report" ADD "referral_id" uuid`);
    await queryRunner.query(`DROP INDEX "public"."uq_case_report_version"`);
    await queryRunner.query(`DROP INDEX "public"."uq_case_report_one_draft"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_case_report_version" ON "case_report" ("plan_id", "kind", "version") WHERE "referral_id" IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_case_report_one_draft" ON "case_report" ("plan_id", "kind") WHERE "referral_id" IS NULL AND "status" = 'DRAFT'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_case_report_referral_version" ON "case_report" ("plan_id", "referral_id", "kind", "version") WHERE "referral_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_case_report_referral_one_draft" ON "case_report" ("plan_id", "referral_id", "kind") WHERE "referral_id" IS NOT NULL AND "status" = 'DRAFT'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_case_report_referral_one_draft"`);
    await queryRunner.query(`DROP INDEX "public"."uq_case_report_referral_version"`);
    await queryRunner.query(`DROP INDEX "public"."uq_case_report_one_draft"`);
    await queryRunner.query(`DROP INDEX "public"."uq_case_report_version"`);
    await queryRunner.query(`DELETE FROM "case_report" WHERE "referral_id" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_case_report_version" ON "case_report" ("plan_id", "kind", "version") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_case_report_one_draft" ON "case_report" ("plan_id", "kind") WHERE "status" = 'DRAFT'`);
    await queryRunner.query(`ALTER TABLE "case_report" DROP COLUMN "referral_id"`);
  }
}
