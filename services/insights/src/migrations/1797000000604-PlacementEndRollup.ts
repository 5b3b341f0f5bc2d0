import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropRollup, rollup } from './rollup';

/**
 * Completed placements per end date, kind and outcome (employment, education, other), kept by
 * statement triggers like the other dashboard rollups (migration 1797000000600), so
 * `placementStatistics` sums a year's few thousand small rows instead of grouping every
 * placement that ended in it. Active placements are few (their own index) and read as they are.
 */
export class PlacementEndRollup1797000000604 implements MigrationInterface {
  name = 'PlacementEndRollup1797000000604';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "insights_stat_placement_end" (
      "end_date" date NOT NULL,
      "kind" varchar(32) NOT NULL,
      "outcome" varchar(32) NOT NULL,
      "count" integer NOT NULL,
      "key_sum" bigint NOT NULL,
      PRIMARY KEY ("end_date", "kind", "outcome"))`);
    const keys = {
      end_date: 'end_date',
      kind: 'kind',
      outcome: `CASE WHEN outcome IN ('ORDINARY_EMPLOYMENT', 'EDUCATION') THEN outcome ELSE 'OTHER' END`,
    };
    const where = `status = 'COMPLETED' AND end_date IS NOT NULL`;
    await rollup(q, { table: 'insights_placement', total: 'insights_stat_placement_end', keys, where, name: 'insights_placement_end' });
    // The people behind a completed cell (small-cell suppression asks for up to 5 of them).
    await q.query(
      `CREATE INDEX "ix_insights_placement_people" ON "insights_placement" ("status", "end_date", "kind") INCLUDE ("pid", "outcome")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_insights_placement_people"`);
    await dropRollup(q, 'insights_placement', 'insights_placement_end');
    await q.query(`DROP TABLE "insights_stat_placement_end"`);
  }
}
