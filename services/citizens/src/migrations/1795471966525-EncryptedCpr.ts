import { MigrationInterface, QueryRunner } from 'typeorm';
import { cprCipher } from '@jobcenter/kit';

// Frozen here rather than imported: what this migration wrote must not change with later code.
const CONTEXT = 'citizen.cpr';
const BATCH = 1000;

/**
 * CPR numbers at rest: `cpr_digits` becomes `cpr_encrypted` (AES-256-GCM under the active key)
 * and `cpr_index` (HMAC blind index, unique). Existing rows are encrypted here in JavaScript,
 * a batch at a time, because the keys live in the service's environment, not in PostgreSQL.
 */
export class EncryptedCpr1795471966525 implements MigrationInterface {
  name = 'EncryptedCpr1795471966525';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "citizen" ADD "cpr_encrypted" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "citizen" ADD "cpr_index" character(64)`);
    await inBatches(queryRunner, `"cpr_digits"`, async (rows) => {
      const cipher = cprCipher();
      await queryRunner.query(
        `UPDATE "citizen" AS c SET "cpr_encrypted" = v.encrypted, "cpr_index" = v.index
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, encrypted, index) WHERE c.id = v.id`,
        [rows.map((r) => r.id), rows.map((r) => cipher.encrypt(r.value, CONTEXT)), rows.map((r) => cipher.blindIndex(r.value))],
      );
    });
    await queryRunner.query(`ALTER TABLE "citizen" ALTER COLUMN "cpr_encrypted" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "citizen" ALTER COLUMN "cpr_index" SET NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_citizen_cpr_index" ON "citizen"  ("cpr_index") `);
    await queryRunner.query(`DROP INDEX "public"."uq_citizen_cpr"`);
    await queryRunner.query(`ALTER TABLE "citizen" DROP COLUMN "cpr_digits"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "citizen" ADD "cpr_digits" character(10)`);
    await inBatches(queryRunner, `"cpr_encrypted"`, async (rows) => {
      const cipher = cprCipher();
      await queryRunner.query(
        `UPDATE "citizen" AS c SET "cpr_digits" = v.digits
           FROM unnest($1::uuid[], $2::text[]) AS v(id, digits) WHERE c.id = v.id`,
        [rows.map((r) => r.id), rows.map((r) => cipher.decrypt(r.value, CONTEXT))],
      );
    });
    await queryRunner.query(`ALTER TABLE "citizen" ALTER COLUMN "cpr_digits" SET NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_citizen_cpr" ON "citizen"  ("cpr_digits") `);
    await queryRunner.query(`DROP INDEX "public"."uq_citizen_cpr_index"`);
    await queryRunner.query(`ALTER TABLE "citizen" DROP COLUMN "cpr_index"`);
    await queryRunner.query(`ALTER TABLE "citizen" DROP COLUMN "cpr_encrypted"`);
  }
}

/** Walks every citizen in id order, `BATCH` rows at a time, handing over id and one column. */
async function inBatches(
  queryRunner: QueryRunner,
  column: string,
  handle: (rows: { id: string; value: string }[]) => Promise<void>,
): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const rows: { id: string; value: string }[] = await queryRunner.query(
      `SELECT "id", trim(${column}) AS "value" FROM "citizen" WHERE ($1::uuid IS NULL OR "id" > $1::uuid) ORDER BY "id" LIMIT ${BATCH}`,
      [after],
    );
    if (rows.length === 0) return;
    await handle(rows);
    after = rows[rows.length - 1].id;
  }
}
