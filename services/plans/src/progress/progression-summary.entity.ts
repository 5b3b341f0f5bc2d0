import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Each citizen's first and latest score per dimension and how often it was scored, so
 * progressionStatistics reads one small row per (citizen, dimension) instead of sorting every
 * score. Derived data: database triggers on progress_score (migration ProgressionSummary) keep it
 * in step in the writer's own transaction, whoever writes (recordProgress, demo data, seed:scale's
 * COPY), and it is never written by the application.
 */
@Entity('progression_summary')
// Serves progressionStatistics as an index-only scan, already grouped by dimension.
@Index('ix_progression_summary_repeated', ['dimension', 'firstScore', 'latestScore'], { where: '"assessments" >= 2' })
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
