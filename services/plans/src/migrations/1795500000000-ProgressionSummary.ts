import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * progression_summary: each citizen's first and latest score per dimension, and
 * progression_total: per dimension, the citizens scored on it at least twice and the sums of
 * their first and latest scores (what progressionStatistics reads: 11 rows). Kept by triggers on
 * progress_score and progress_assessment so every writer (recordProgress, demo data, seed:scale's
 * COPY) keeps it in step in its own transaction. Inserts merge incrementally (race-free under
 * READ COMMITTED: ON CONFLICT locks the row and merges with its latest version); the rare update,
 * delete or truncate recomputes the citizens concerned from the scores; the totals follow the
 * summary's changes by difference, in dimension order (one lock order, no deadlocks; writers of
 * progress serialise on those 11 rows until commit, fine at a jobcenter's rate). Backfilled here.
 */
export class ProgressionSummary1795500000000 implements MigrationInterface {
  name = 'ProgressionSummary1795500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "progression_summary" ("citizen_id" uuid NOT NULL, "dimension" character varying(32) NOT NULL, "first_assessed_at" date NOT NULL, "first_score" smallint NOT NULL, "latest_assessed_at" date NOT NULL, "latest_score" smallint NOT NULL, "assessments" integer NOT NULL, CONSTRAINT "PK_progression_summary" PRIMARY KEY ("citizen_id", "dimension"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "progression_total" ("dimension" character varying(32) NOT NULL, "citizens" integer NOT NULL, "first_sum" bigint NOT NULL, "latest_sum" bigint NOT NULL, CONSTRAINT "PK_progression_total" PRIMARY KEY ("dimension"))`,
    );

    // progression_total follows progression_summary's rows with two or more scores, by difference.
    for (const [fn, contributions] of [
      ['progression_total_inserted', [['new_rows', 1]]],
      [
        'progression_total_updated',
        [
          ['new_rows', 1],
          ['old_rows', -1],
        ],
      ],
      ['progression_total_deleted', [['old_rows', -1]]],
    ] as const) {
      const rows = contributions
        .map(
          ([table, sign]) =>
            `SELECT dimension, ${sign} AS c, ${sign} * first_score AS f, ${sign} * latest_score AS l FROM ${table} WHERE assessments >= 2`,
        )
        .join(' UNION ALL ');
      await queryRunner.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO progression_total AS t (dimension, citizens, first_sum, latest_sum)
  SELECT dimension, SUM(c), SUM(f), SUM(l) FROM (${rows}) d GROUP BY dimension ORDER BY dimension
  ON CONFLICT (dimension) DO UPDATE SET
    citizens = t.citizens + EXCLUDED.citizens, first_sum = t.first_sum + EXCLUDED.first_sum, latest_sum = t.latest_sum + EXCLUDED.latest_sum;
  RETURN NULL;
END $$`);
    }
    await queryRunner.query(
      `CREATE TRIGGER progression_total_insert AFTER INSERT ON "progression_summary" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progression_total_inserted()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER progression_total_update AFTER UPDATE ON "progression_summary" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progression_total_updated()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER progression_total_delete AFTER DELETE ON "progression_summary" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION progression_total_deleted()`,
    );

    // Merges a batch of new scores (a COPY may bring several per citizen and dimension).
    await queryRunner.query(`CREATE FUNCTION progression_summary_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO progression_summary AS p (citizen_id, dimension, first_assessed_at, first_score, latest_assessed_at, latest_score, assessments)
  SELECT a.citizen_id, n.dimension,
         MIN(a.assessed_at), (ARRAY_AGG(n.score ORDER BY a.assessed_at))[1],
         MAX(a.assessed_at), (ARRAY_AGG(n.score ORDER BY a.assessed_at DESC))[1],
         COUNT(*)
    FROM added n JOIN progress_assessment a ON a.id = n.assessment_id
   GROUP BY a.citizen_id, n.dimension
   ORDER BY a.citizen_id, n.dimension
  ON CONFLICT (citizen_id, dimension) DO UPDATE SET
    first_assessed_at = LEAST(p.first_assessed_at, EXCLUDED.first_assessed_at),
    first_score = CASE WHEN EXCLUDED.first_assessed_at < p.first_assessed_at THEN EXCLUDED.first_score ELSE p.first_score END,
    latest_assessed_at = GREATEST(p.latest_assessed_at, EXCLUDED.latest_assessed_at),
    latest_score = CASE WHEN EXCLUDED.latest_assessed_at > p.latest_assessed_at THEN EXCLUDED.latest_score ELSE p.latest_score END,
    assessments = p.assessments + EXCLUDED.assessments;
  RETURN NULL;
END $$`);
    // Recomputes the given citizens from their scores (all of them when citizens is null).
    await queryRunner.query(`CREATE FUNCTION progression_summary_refresh(citizens uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM progression_summary WHERE citizens IS NULL OR citizen_id = ANY (citizens) ORDER BY citizen_id, dimension FOR UPDATE;
  DELETE FROM progression_summary WHERE citizens IS NULL OR citizen_id = ANY (citizens);
  INSERT INTO progression_summary (citizen_id, dimension, first_assessed_at, first_score, latest_assessed_at, latest_score, assessments)
  SELECT a.citizen_id, s.dimension,
         MIN(a.assessed_at), (ARRAY_AGG(s.score ORDER BY a.assessed_at))[1],
         MAX(a.assessed_at), (ARRAY_AGG(s.score ORDER BY a.assessed_at DESC))[1],
         COUNT(*)
    FROM progress_score s JOIN progress_assessment a ON a.id = s.assessment_id
   WHERE citizens IS NULL OR a.citizen_id = ANY (citizens)
   GROUP BY a.citizen_id, s.dimension;
END $$`);
    // Scores removed or changed: their assessment still exists (a cascade from a deleted
    // assessment is handled by the assessment's own trigger).
    await queryRunner.query(`CREATE FUNCTION progression_summary_scores_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM progression_summary_refresh(ARRAY(
    SELECT DISTINCT a.citizen_id FROM old_rows o JOIN progress_assessment a ON a.id = o.assessment_id));
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE FUNCTION progression_summary_assessments_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM progression_summary_refresh(ARRAY(SELECT citizen_id FROM old_rows UNION SELECT citizen_id FROM new_rows));
  ELSE
    PERFORM progression_summary_refresh(ARRAY(SELECT DISTINCT citizen_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE FUNCTION progression_summary_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE progression_summary;
  DELETE FROM progression_total;
  RETURN NULL;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER progression_summary_score_insert AFTER INSERT ON "progress_score" REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION progression_summary_add()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER progression_summary_score_update AFTER UPDATE ON "progress_score" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION progression_summary_scores_changed()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER progression_summary_score_delete AFTER DELETE ON "progress_score" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION progression_summary_scores_changed()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER progression_summary_assessment_update AFTER UPDATE ON "progress_assessment" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progression_summary_assessments_changed()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER progression_summary_assessment_delete AFTER DELETE ON "progress_assessment" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION progression_summary_assessments_changed()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER progression_summary_score_truncate AFTER TRUNCATE ON "progress_score" FOR EACH STATEMENT EXECUTE FUNCTION progression_summary_truncated()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER progression_summary_assessment_truncate AFTER TRUNCATE ON "progress_assessment" FOR EACH STATEMENT EXECUTE FUNCTION progression_summary_truncated()`,
    );
    await queryRunner.query(`SELECT progression_summary_refresh(NULL)`);
    await queryRunner.query(`ANALYZE progression_summary, progression_total`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [trigger, table] of [
      ['progression_total_delete', 'progression_summary'],
      ['progression_total_update', 'progression_summary'],
      ['progression_total_insert', 'progression_summary'],
      ['progression_summary_assessment_truncate', 'progress_assessment'],
      ['progression_summary_score_truncate', 'progress_score'],
      ['progression_summary_assessment_delete', 'progress_assessment'],
      ['progression_summary_assessment_update', 'progress_assessment'],
      ['progression_summary_score_delete', 'progress_score'],
      ['progression_summary_score_update', 'progress_score'],
      ['progression_summary_score_insert', 'progress_score'],
    ]) {
      await queryRunner.query(`DROP TRIGGER "${trigger}" ON "${table}"`);
    }
    for (const fn of [
      'progression_total_deleted()',
      'progression_total_updated()',
      'progression_total_inserted()',
      'progression_summary_truncated()',
      'progression_summary_assessments_changed()',
      'progression_summary_scores_changed()',
      'progression_summary_refresh(uuid[])',
      'progression_summary_add()',
    ]) {
      await queryRunner.query(`DROP FUNCTION ${fn}`);
    }
    await queryRunner.query(`DROP TABLE "progression_total"`);
    await queryRunner.query(`DROP TABLE "progression_summary"`);
  }
}
