import { MigrationInterface, QueryRunner } from 'typeorm';

export class Pathways1797000000200 implements MigrationInterface {
  name = 'Pathways1797000000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "placement_kickoff" ("meeting_id" uuid NOT NULL, "placement_id" uuid NOT NULL, "citizen_id" uuid NOT NULL, "status" character varying(16) NOT NULL, "scheduled_at" TIMESTAMP WITH TIME ZONE NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_a7fc168fba581d8e2a4f62a3f7d" PRIMARY KEY ("meeting_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_placement_kickoff_placement" ON "placement_kickoff"  ("placement_id", "status") `);
    await queryRunner.query(`ALTER TABLE "placement" ADD "continues_placement_id" uuid`);
    await queryRunner.query(`ALTER TABLE "placement" ADD "start_without_kickoff_reason" text`);
    await queryRunner.query(`CREATE INDEX "ix_placement_continues" ON "placement"  ("continues_placement_id") `);
    await queryRunner.query(
      `ALTER TABLE "placement" ADD CONSTRAINT "fk_placement_continues" FOREIGN KEY ("continues_placement_id") REFERENCES "placement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placement" DROP CONSTRAINT "fk_placement_continues"`);
    await queryRunner.query(`DROP INDEX "public"."ix_placement_continues"`);
    await queryRunner.query(`ALTER TABLE "placement" DROP COLUMN "start_without_kickoff_reason"`);
    await queryRunner.query(`ALTER TABLE "placement" DROP COLUMN "continues_placement_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_placement_kickoff_placement"`);
    await queryRunner.query(`DROP TABLE "placement_kickoff"`);
  }
}
