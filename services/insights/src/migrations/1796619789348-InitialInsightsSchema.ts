import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialInsightsSchema1796619789348 implements MigrationInterface {
  name = 'InitialInsightsSchema1796619789348';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "insights_note" ("citizen_id" uuid NOT NULL, "text" text NOT NULL, "author_id" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_insights_note" PRIMARY KEY ("citizen_id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "insights_note"`);
  }
}
