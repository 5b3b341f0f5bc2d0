import { MigrationInterface, QueryRunner } from 'typeorm';

/** The secure thread between a citizen and their team, with read receipts (issue 18). */
export class Messages1796000000200 implements MigrationInterface {
  name = 'Messages1796000000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "citizen_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "from_role" character varying(32) NOT NULL, "from_id" character varying(80) NOT NULL, "text" text NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, "read_by" character varying(80), CONSTRAINT "pk_message" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_message_citizen_at" ON "message" ("citizen_id", "at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "message"`);
  }
}
