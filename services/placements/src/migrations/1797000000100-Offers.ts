import { MigrationInterface, QueryRunner } from 'typeorm';

/** Offers (issue 19, docs/offers.md): the provider register, referrals (one open per citizen and provider) and renewals. */

export class Offers1797000000100 implements MigrationInterface {
  name = 'Offers1797000000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "provider" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "kinds" character varying(24) array NOT NULL, "cvr" character(8), "civil_society" boolean NOT NULL DEFAULT false, "contact" character varying(400), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6ab2f66d8987bf1bfdd6136a2d5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_provider_cvr" ON "provider"  ("cvr") WHERE cvr IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_provider_name" ON "provider"  ("name") `);
    await queryRunner.query(
      `CREATE TABLE "referral" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "citizen_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "kind" character varying(24) NOT NULL, "purpose" text, "start_date" date NOT NULL, "end_date" date, "agreement_start" date NOT NULL, "status" character varying(16) NOT NULL, "milestone_id" uuid, "outcome" text, "result" character varying(24), "ended_on" date, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a2d3e935a6591168066defec5ad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_referral_open_citizen_provider" ON "referral"  ("citizen_id", "provider_id") WHERE status IN ('PROPOSED', 'ACTIVE')`,
    );
    await queryRunner.query(`CREATE INDEX "ix_referral_provider" ON "referral"  ("provider_id") `);
    await queryRunner.query(`CREATE INDEX "ix_referral_citizen_status" ON "referral"  ("citizen_id", "status") `);
    await queryRunner.query(
      `CREATE TABLE "referral_renewal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "referral_id" uuid NOT NULL, "previous_end_date" date NOT NULL, "new_end_date" date NOT NULL, "decided_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_08ce0d8f7178cbd31a9011eafdf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_referral_renewal_referral" ON "referral_renewal"  ("referral_id", "created_at") `);
    await queryRunner.query(
      `ALTER TABLE "referral" ADD CONSTRAINT "fk_referral_provider" FOREIGN KEY ("provider_id") REFERENCES "provider"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_renewal" ADD CONSTRAINT "fk_referral_renewal_referral" FOREIGN KEY ("referral_id") REFERENCES "referral"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "referral_renewal" DROP CONSTRAINT "fk_referral_renewal_referral"`);
    await queryRunner.query(`ALTER TABLE "referral" DROP CONSTRAINT "fk_referral_provider"`);
    await queryRunner.query(`DROP INDEX "public"."ix_referral_renewal_referral"`);
    await queryRunner.query(`DROP TABLE "referral_renewal"`);
    await queryRunner.query(`DROP INDEX "public"."ix_referral_citizen_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_referral_provider"`);
    await queryRunner.query(`DROP INDEX "public"."uq_referral_open_citizen_provider"`);
    await queryRunner.query(`DROP TABLE "referral"`);
    await queryRunner.query(`DROP INDEX "public"."ix_provider_name"`);
    await queryRunner.query(`DROP INDEX "public"."uq_provider_cvr"`);
    await queryRunner.query(`DROP TABLE "provider"`);
  }
}
