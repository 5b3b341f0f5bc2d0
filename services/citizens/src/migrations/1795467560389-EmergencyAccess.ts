import { MigrationInterface, QueryRunner } from 'typeorm';

export class EmergencyAccess1795467560389 implements MigrationInterface {
  name = 'EmergencyAccess1795467560389';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "emergency_access" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "citizen_id" uuid NOT NULL, "staff_id" character varying(80) NOT NULL, "staff_role" character varying(32) NOT NULL, "staff_team" character varying(100) NOT NULL, "reason" character varying(500) NOT NULL, "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reviewed_at" TIMESTAMP WITH TIME ZONE, "reviewed_by" character varying(80), "review_note" character varying(1000), CONSTRAINT "PK_df6a3cc6b2bd3f218edb410a3f3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_emergency_access_team" ON "emergency_access"  ("staff_team", "granted_at") `);
    await queryRunner.query(`CREATE INDEX "ix_emergency_access_citizen" ON "emergency_access"  ("citizen_id", "expires_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_emergency_access_citizen"`);
    await queryRunner.query(`DROP INDEX "public"."ix_emergency_access_team"`);
    await queryRunner.query(`DROP TABLE "emergency_access"`);
  }
}
