import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialPlacementsSchema1795465314982 implements MigrationInterface {
  name = 'InitialPlacementsSchema1795465314982';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "company" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cvr" character(8) NOT NULL, "name" character varying(200) NOT NULL, "industry" character varying(200), "size" character varying(8), "partnership" boolean NOT NULL DEFAULT false, "contacts" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_056f7854a7afdba7cbd6d45fc20" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_company_cvr" ON "company"  ("cvr") `);
    await queryRunner.query(`CREATE INDEX "ix_company_name" ON "company"  ("name") `);
    await queryRunner.query(
      `CREATE TABLE "placement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "citizen_id" uuid NOT NULL, "company_id" uuid NOT NULL, "kind" character varying(24) NOT NULL, "purpose" character varying(16), "start_date" date NOT NULL, "end_date" date NOT NULL, "hours_per_week" double precision, "mentor" character varying(200), "status" character varying(16) NOT NULL, "job_consultant_id" uuid, "target_group_at_start" character varying(32) NOT NULL, "outcome" character varying(24), "ended_on" date, "cancel_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4f8b29ee2db5213bcb38b6c71c4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_placement_status_ended_on" ON "placement"  ("status", "ended_on") `);
    await queryRunner.query(`CREATE INDEX "ix_placement_status_dates" ON "placement"  ("status", "start_date", "end_date") `);
    await queryRunner.query(`CREATE INDEX "ix_placement_company" ON "placement"  ("company_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_placement_consultant_status_end" ON "placement"  ("job_consultant_id", "status", "end_date") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_placement_citizen_status" ON "placement"  ("citizen_id", "status") `);
    await queryRunner.query(
      `CREATE TABLE "placement_follow_up" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "placement_id" uuid NOT NULL, "date" date NOT NULL, "note" text NOT NULL, "author_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dd0325a935762a18f4f71ffe0dd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_placement_follow_up_placement_date" ON "placement_follow_up"  ("placement_id", "date") `);
    await queryRunner.query(
      `CREATE TABLE "placement_extension" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "placement_id" uuid NOT NULL, "previous_end_date" date NOT NULL, "new_end_date" date NOT NULL, "justification" text NOT NULL, "decided_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bf73ce80f07e25ade6cb7132dd6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_placement_extension_placement" ON "placement_extension"  ("placement_id", "created_at") `);
    await queryRunner.query(
      `ALTER TABLE "placement" ADD CONSTRAINT "fk_placement_company" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "placement_follow_up" ADD CONSTRAINT "fk_placement_follow_up_placement" FOREIGN KEY ("placement_id") REFERENCES "placement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "placement_extension" ADD CONSTRAINT "fk_placement_extension_placement" FOREIGN KEY ("placement_id") REFERENCES "placement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placement_extension" DROP CONSTRAINT "fk_placement_extension_placement"`);
    await queryRunner.query(`ALTER TABLE "placement_follow_up" DROP CONSTRAINT "fk_placement_follow_up_placement"`);
    await queryRunner.query(`ALTER TABLE "placement" DROP CONSTRAINT "fk_placement_company"`);
    await queryRunner.query(`DROP INDEX "public"."ix_placement_extension_placement"`);
    await queryRunner.query(`DROP TABLE "placement_extension"`);
    await queryRunner.query(`DROP INDEX "public"."ix_placement_follow_up_placement_date"`);
    await queryRunner.query(`DROP TABLE "placement_follow_up"`);
    await queryRunner.query(`DROP INDEX "public"."ix_placement_citizen_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_placement_consultant_status_end"`);
    await queryRunner.query(`DROP INDEX "public"."ix_placement_company"`);
    await queryRunner.query(`DROP INDEX "public"."ix_placement_status_dates"`);
    await queryRunner.query(`DROP INDEX "public"."ix_placement_status_ended_on"`);
    await queryRunner.query(`DROP TABLE "placement"`);
    await queryRunner.query(`DROP INDEX "public"."ix_company_name"`);
    await queryRunner.query(`DROP INDEX "public"."uq_company_cvr"`);
    await queryRunner.query(`DROP TABLE "company"`);
  }
}
