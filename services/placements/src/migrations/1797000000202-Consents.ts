import { MigrationInterface, QueryRunner } from 'typeorm';

export class Consents1797000000202 implements MigrationInterface {
  name = 'Consents1797000000202';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "consent" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "citizen_id" uuid NOT NULL, "party" character varying(200) NOT NULL, "party_kind" character varying(16) NOT NULL, "company_id" uuid, "provider_id" uuid, "purpose" text NOT NULL, "from" date NOT NULL, "to" date, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_by" uuid, "recorded_by" uuid NOT NULL, "recorded_by_role" character varying(24) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9115e8d6b082d4fc46d56134d29" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_consent_provider" ON "consent"  ("provider_id", "citizen_id") `);
    await queryRunner.query(`CREATE INDEX "ix_consent_company" ON "consent"  ("company_id", "citizen_id") `);
    await queryRunner.query(`CREATE INDEX "ix_consent_citizen" ON "consent"  ("citizen_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "consent_disclosure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "citizen_id" uuid NOT NULL, "consent_id" uuid NOT NULL, "what" character varying(24) NOT NULL, "placement_id" uuid, "referral_id" uuid, "company_id" uuid, "provider_id" uuid, "contact" character varying(200), "follow_up_ids" uuid array NOT NULL DEFAULT '{}', "disclosed_by" uuid NOT NULL, "disclosed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3086982118b9c99504004a42e4f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_consent_disclosure_citizen" ON "consent_disclosure"  ("citizen_id", "disclosed_at") `);
    await queryRunner.query(`CREATE INDEX "ix_consent_disclosure_placement" ON "consent_disclosure"  ("placement_id", "disclosed_at") `);
    await queryRunner.query(
      `ALTER TABLE "consent_disclosure" ADD CONSTRAINT "fk_consent_disclosure_consent" FOREIGN KEY ("consent_id") REFERENCES "consent"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "consent_disclosure" DROP CONSTRAINT "fk_consent_disclosure_consent"`);
    await queryRunner.query(`DROP INDEX "public"."ix_consent_disclosure_placement"`);
    await queryRunner.query(`DROP INDEX "public"."ix_consent_disclosure_citizen"`);
    await queryRunner.query(`DROP TABLE "consent_disclosure"`);
    await queryRunner.query(`DROP INDEX "public"."ix_consent_citizen"`);
    await queryRunner.query(`DROP INDEX "public"."ix_consent_company"`);
    await queryRunner.query(`DROP INDEX "public"."ix_consent_provider"`);
    await queryRunner.query(`DROP TABLE "consent"`);
  }
}
