import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agreements become tasks (issue 18): each agreement of a meeting, until now a line in the
 * meeting's `agreements` jsonb, becomes a row with an id, who carries it, a status and a status
 * history. Existing agreements are moved over in their order, OPEN, carried by OTHER ("not
 * recorded": nobody was named then, and guessing the citizen would send them reminders for
 * what others promised). Corrections' snapshots get the same shape. An absence's reason shares
 * the cancellation's column, now `reason`. Follow-up intervals set per citizen get a table.
 */
export class AgreementsAsTasks1796000000100 implements MigrationInterface {
  name = 'AgreementsAsTasks1796000000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "agreement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "citizen_id" uuid NOT NULL, "position" integer NOT NULL, "text" text NOT NULL, "deadline" date, "responsible" character varying(32) NOT NULL, "responsible_staff_id" uuid, "status" character varying(16) NOT NULL, "status_changed_at" TIMESTAMP WITH TIME ZONE, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "created_by" character varying(80) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_agreement" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_agreement_meeting" ON "agreement" ("meeting_id", "position") `);
    await queryRunner.query(`CREATE INDEX "ix_agreement_citizen_status" ON "agreement" ("citizen_id", "status", "deadline") `);
    await queryRunner.query(
      `CREATE TABLE "agreement_status_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agreement_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "changed_by_id" character varying(80) NOT NULL, "changed_by_role" character varying(32) NOT NULL, "previous_status" character varying(16) NOT NULL, "status" character varying(16) NOT NULL, "note" text, CONSTRAINT "pk_agreement_status_change" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_agreement_status_change_agreement" ON "agreement_status_change" ("agreement_id", "at") `);
    await queryRunner.query(
      `INSERT INTO "agreement" ("meeting_id", "citizen_id", "position", "text", "deadline", "responsible", "status", "created_by", "created_at")
       SELECT m.id, m.citizen_id, a.ord - 1, a.value->>'text', (a.value->>'deadline')::date, 'OTHER', 'OPEN', m.created_by::text,
              COALESCE(m.outcome_recorded_at, m.updated_at)
         FROM "meeting" m CROSS JOIN LATERAL jsonb_array_elements(m.agreements) WITH ORDINALITY AS a(value, ord)`,
    );
    await queryRunner.query(
      `UPDATE "minutes_amendment" ma SET "previous_agreements" = COALESCE((
         SELECT jsonb_agg(e.value || jsonb_build_object(
                  'id', gen_random_uuid(), 'meetingId', ma.meeting_id, 'citizenId', m.citizen_id, 'position', e.ord - 1,
                  'responsible', 'OTHER', 'responsibleStaffId', NULL, 'status', 'OPEN', 'statusChangedAt', NULL,
                  'createdBy', ma.amended_by::text, 'createdAt', to_jsonb(ma.amended_at)) ORDER BY e.ord)
           FROM jsonb_array_elements(ma.previous_agreements) WITH ORDINALITY AS e(value, ord)), '[]'::jsonb)
         FROM "meeting" m WHERE m.id = ma.meeting_id`,
    );
    await queryRunner.query(`ALTER TABLE "meeting" DROP COLUMN "agreements"`);
    await queryRunner.query(`ALTER TABLE "meeting" RENAME COLUMN "cancel_reason" TO "reason"`);
    await queryRunner.query(`ALTER TABLE "minutes_amendment" ADD "previous_reason" text`);
    await queryRunner.query(
      `CREATE TABLE "follow_up_interval" ("citizen_id" uuid NOT NULL, "days" integer NOT NULL, "set_by" character varying(80) NOT NULL, "set_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_follow_up_interval" PRIMARY KEY ("citizen_id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "follow_up_interval"`);
    await queryRunner.query(`ALTER TABLE "minutes_amendment" DROP COLUMN "previous_reason"`);
    await queryRunner.query(`ALTER TABLE "meeting" RENAME COLUMN "reason" TO "cancel_reason"`);
    await queryRunner.query(`ALTER TABLE "meeting" ADD "agreements" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(
      `UPDATE "meeting" m SET "agreements" = (SELECT jsonb_agg(jsonb_build_object('text', a.text, 'deadline', a.deadline) ORDER BY a.position)
         FROM "agreement" a WHERE a.meeting_id = m.id AND a.withdrawn_at IS NULL)
        WHERE EXISTS (SELECT 1 FROM "agreement" a WHERE a.meeting_id = m.id AND a.withdrawn_at IS NULL)`,
    );
    await queryRunner.query(`DROP TABLE "agreement_status_change"`);
    await queryRunner.query(`DROP TABLE "agreement"`);
  }
}
