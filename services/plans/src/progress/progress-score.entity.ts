import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProgressDimension } from './progress.enums';

/** One dimension's score in an assessment; a row each, so statistics are plain SQL. */
@Entity('progress_score')
@Index('ix_progress_score_dimension', ['dimension'])
@Check('ck_progress_score_range', '"score" BETWEEN 1 AND 10')
@ObjectType({ description: 'A score from 1 (far from the goal) to 10 (there) on one dimension.' })
export class ProgressScore {
  @PrimaryColumn({ type: 'uuid' })
  assessmentId!: string;

  @ManyToOne('ProgressAssessment', 'scores', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assessment_id', foreignKeyConstraintName: 'fk_progress_score_assessment' })
  // The owning assessment, named by string and typed by shape: importing ProgressAssessment back
  // would make an import cycle (it lists its scores).
  assessment?: { id: string };

  @Field(() => ProgressDimension, { description: 'The dimension scored.' })
  @PrimaryColumn({ type: 'varchar', length: 32 })
  dimension!: ProgressDimension;

  @Field(() => Int, { description: 'From 1 to 10.' })
  @Column({ type: 'smallint' })
  score!: number;
}
