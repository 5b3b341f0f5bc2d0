import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialCitizensSchema1795463969863 implements MigrationInterface {
  name = 'InitialCitizensSchema1795463969863';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "citizen" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cpr_digits" character(10) NOT NULL, "first_name" character varying(100) NOT NULL, "last_name" character varying(100) NOT NULL, "birth_date" date NOT NULL, "email" character varying(320), "phone" character varying(40), "preferred_contact" character varying(16) NOT NULL, "target_group" character varying(32) NOT NULL, "status" character varying(16) NOT NULL, "enrolled_at" date NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0e19d9fdbdd0d185ce72fe62a04" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_citizen_cpr" ON "citizen"  ("cpr_digits") `);
    await queryRunner.query(`CREATE INDEX "ix_citizen_target_group" ON "citizen"  ("target_group") `);
    await queryRunner.query(`CREATE INDEX "ix_citizen_status" ON "citizen"  ("status") `);
    await queryRunner.query(`CREATE INDEX "ix_citizen_name_order" ON "citizen"  ("last_name", "first_name", "id") `);
    await queryRunner.query(
      `CREATE TABLE "staff_member" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "role" character varying(32) NOT NULL, "email" character varying(320) NOT NULL, "team" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_342343208cbc30b3c14a976b0a0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_staff_member_email" ON "staff_member"  ("email") `);
    await queryRunner.query(`CREATE INDEX "ix_staff_member_team" ON "staff_member"  ("team") `);
    await queryRunner.query(
      `CREATE TABLE "assignment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "citizen_id" uuid NOT NULL, "staff_id" uuid NOT NULL, "role" character varying(32) NOT NULL, "from_date" date NOT NULL, "to_date" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_43c2f5a3859f54cedafb270f37e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_assignment_staff" ON "assignment"  ("staff_id") `);
    await queryRunner.query(`CREATE INDEX "ix_assignment_citizen" ON "assignment"  ("citizen_id") `);
    await queryRunner.query(
      `CREATE TABLE "network_contact" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "citizen_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "relation" character varying(100) NOT NULL, "phone" character varying(40), "email" character varying(320), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f6b2ddbcfee7b2f835b442be179" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_network_contact_citizen" ON "network_contact"  ("citizen_id") `);
    await queryRunner.query(
      `CREATE TABLE "resource_profile" ("citizen_id" uuid NOT NULL, "dreams" text, "strengths" text array NOT NULL DEFAULT '{}', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3583cd76e6d0cd1dfa921aacf14" PRIMARY KEY ("citizen_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignment" ADD CONSTRAINT "fk_assignment_citizen" FOREIGN KEY ("citizen_id") REFERENCES "citizen"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignment" ADD CONSTRAINT "fk_assignment_staff" FOREIGN KEY ("staff_id") REFERENCES "staff_member"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "network_contact" ADD CONSTRAINT "fk_network_contact_citizen" FOREIGN KEY ("citizen_id") REFERENCES "citizen"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "resource_profile" ADD CONSTRAINT "fk_resource_profile_citizen" FOREIGN KEY ("citizen_id") REFERENCES "citizen"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "resource_profile" DROP CONSTRAINT "fk_resource_profile_citizen"`);
    await queryRunner.query(`ALTER TABLE "network_contact" DROP CONSTRAINT "fk_network_contact_citizen"`);
    await queryRunner.query(`ALTER TABLE "assignment" DROP CONSTRAINT "fk_assignment_staff"`);
    await queryRunner.query(`ALTER TABLE "assignment" DROP CONSTRAINT "fk_assignment_citizen"`);
    await queryRunner.query(`DROP TABLE "resource_profile"`);
    await queryRunner.query(`DROP INDEX "public"."ix_network_contact_citizen"`);
    await queryRunner.query(`DROP TABLE "network_contact"`);
    await queryRunner.query(`DROP INDEX "public"."ix_assignment_citizen"`);
    await queryRunner.query(`DROP INDEX "public"."ix_assignment_staff"`);
    await queryRunner.query(`DROP TABLE "assignment"`);
    await queryRunner.query(`DROP INDEX "public"."ix_staff_member_team"`);
    await queryRunner.query(`DROP INDEX "public"."uq_staff_member_email"`);
    await queryRunner.query(`DROP TABLE "staff_member"`);
    await queryRunner.query(`DROP INDEX "public"."ix_citizen_name_order"`);
    await queryRunner.query(`DROP INDEX "public"."ix_citizen_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_citizen_target_group"`);
    await queryRunner.query(`DROP INDEX "public"."uq_citizen_cpr"`);
    await queryRunner.query(`DROP TABLE "citizen"`);
  }
}
