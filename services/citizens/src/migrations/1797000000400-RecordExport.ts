import { MigrationInterface, QueryRunner } from 'typeorm';

/** Generated record exports (GDPR Art. 15), sealed, kept 24 hours (docs/record-export.md). */
export class RecordExport1797000000400 implements MigrationInterface {
  name = 'RecordExport1797000000400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "record_export" ("id" uuid NOT NULL, "citizen_id" uuid NOT NULL, "requested_by_id" character varying(80) NOT NULL, "requested_by_role" character varying(32) NOT NULL, "generated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "json_sealed" text NOT NULL, "pdf_sealed" text NOT NULL, CONSTRAINT "pk_record_export" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_record_export_expires" ON "record_export" ("expires_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "record_export"`);
  }
}
