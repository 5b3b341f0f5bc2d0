import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar } from '@jobcenter/kit';
import { ProgressScore } from './progress-score.entity';

/** A dated progression measurement (progressionsmåling) of one citizen on the 1–10 ladder. */
@Entity('progress_assessment')
@Index('uq_progress_assessment_citizen_date', ['citizenId', 'assessedAt'], { unique: true })
@ObjectType({ description: 'A progression measurement (progressionsmåling): dated scores from 1 to 10 per dimension.' })
export class ProgressAssessment {
  @Field(() => ID, { description: 'Unique id.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  citizenId!: string;

  @Field(() => DateScalar, { description: 'Day of the assessment; not in the future.' })
  @Column({ type: 'date' })
  assessedAt!: string;

  @Field(() => [ProgressScore], { description: 'One score per dimension assessed, in the order of the dimensions.' })
  @OneToMany(() => ProgressScore, (s) => s.assessment, { cascade: ['insert'] })
  scores!: ProgressScore[];

  @Field(() => String, { nullable: true, description: 'What was said about the scores.' })
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Field({ description: 'Role of the staff member who recorded it.' })
  @Column({ type: 'varchar', length: 32 })
  assessedByRole!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
