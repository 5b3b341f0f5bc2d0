import { MigrationInterface, QueryRunner } from 'typeorm';

/** Who registered a citizen (they make the first assignment), and handover requests between teams. */
export class CaseHandover1795900000500 implements MigrationInterface {
  name = 'CaseHandover1795900000500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "citizen" ADD "registered_by" character varying(80)`);
    await queryRunner.query(
      `CREATE TABLE "case_handover" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "citizen_id" uuid NOT NULL, "staff_id" uuid NOT NULL, "role" character varying(32) NOT NULL, "from_date" date, "reason" character varying(500) NOT NULL, "requested_by" character varying(80) NOT NULL, "requested_by_role" character varying(32) NOT NULL, "to_team" character varying(200) NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "status" character varying(16) NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by" character varying(80), "decision_note" character varying(1000), "assignment_id" uuid, "held_by_teams" character varying(200) array NOT NULL DEFAULT '{}', "reviewed_at" TIMESTAMP WITH TIME ZONE, "reviewed_by" character varying(80), "review_note" character varying(1000), CONSTRAINT "PK_case_handover" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_case_handover_citizen" ON "case_handover" ("citizen_id", "status") `);
    await queryRunner.query(`CREATE INDEX "ix_case_handover_to_team" ON "case_handover" ("to_team", "status") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_case_handover_pending" ON "case_handover" ("citizen_id", "staff_id", "role") WHERE "status" = 'PENDING'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "case_handover"`);
    await queryRunner.query(`ALTER TABLE "citizen" DROP COLUMN "registered_by"`);
  }
}
