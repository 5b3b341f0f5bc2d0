import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Each citizen's first and latest score per dimension and how often it was scored: the basis of
 * progression_total, kept incrementally without sorting every score. Derived data: database triggers on progress_score (migration ProgressionSummary) keep it
 * in step in the writer's own transaction, whoever writes (recordProgress, demo data, seed:scale's
 * COPY), and it is never written by the application.
 */
@Entity('progression_summary')
export class ProgressionSummary {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_progression_summary' })
  citizenId!: string;

  @PrimaryColumn({ type: 'varchar', length: 32, primaryKeyConstraintName: 'PK_progression_summary' })
  dimension!: string;

  @Column({ type: 'date' })
  firstAssessedAt!: string;

  @Column({ type: 'smallint' })
  firstScore!: number;

  @Column({ type: 'date' })
  latestAssessedAt!: string;

  @Column({ type: 'smallint' })
  latestScore!: number;

  /** Scores recorded on this dimension for the citizen. */
  @Column({ type: 'integer' })
  assessments!: number;
}

/**
 * Per dimension, over the citizens scored on it at least twice: how many, and the sums of their
 * first and latest scores, so progressionStatistics reads 11 rows. Kept from progression_summary's
 * changes by triggers (migration ProgressionSummary); never written by the application.
 */
@Entity('progression_total')
export class ProgressionTotal {
  @PrimaryColumn({ type: 'varchar', length: 32, primaryKeyConstraintName: 'PK_progression_total' })
  dimension!: string;

  @Column({ type: 'integer' })
  citizens!: number;

  @Column({ type: 'bigint' })
  firstSum!: string;

  @Column({ type: 'bigint' })
  latestSum!: string;
}
