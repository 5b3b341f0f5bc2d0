import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropRollup, rollup } from './rollup';

/**
 * Enrolments and recorded attendance per course (count and key sum; attendance per status),
 * kept by statement triggers like the other dashboard rollups, so `groupCourseStatistics` sums
 * a few rows per course starting in the period instead of every attendance record of them.
 */
export class CourseRollup1797000000605 implements MigrationInterface {
  name = 'CourseRollup1797000000605';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "insights_stat_course_total" (
      "course_id" uuid NOT NULL,
      "status" varchar(16) NOT NULL,
      "count" integer NOT NULL,
      "key_sum" bigint NOT NULL,
      PRIMARY KEY ("course_id", "status"))`);
    // Enrolments under the status ENROLLED; attendance under PRESENT or ABSENT (others are not counted).
    await rollup(q, {
      table: 'insights_stat_enrollment',
      total: 'insights_stat_course_total',
      keys: { course_id: 'course_id', status: `'ENROLLED'` },
    });
    await rollup(q, {
      table: 'insights_stat_attendance',
      total: 'insights_stat_course_total',
      keys: { course_id: 'course_id', status: 'status' },
      where: `status IN ('PRESENT', 'ABSENT')`,
    });
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['insights_stat_enrollment', 'insights_stat_attendance']) await dropRollup(q, table);
    await q.query(`DROP TABLE "insights_stat_course_total"`);
  }
}
