import { MigrationInterface, QueryRunner } from 'typeorm';

export class MeetingPlacement1797000000201 implements MigrationInterface {
  name = 'MeetingPlacement1797000000201';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meeting" ADD "placement_id" uuid`);
    await queryRunner.query(`CREATE INDEX "ix_meeting_placement" ON "meeting"  ("placement_id", "scheduled_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_meeting_placement"`);
    await queryRunner.query(`ALTER TABLE "meeting" DROP COLUMN "placement_id"`);
  }
}
