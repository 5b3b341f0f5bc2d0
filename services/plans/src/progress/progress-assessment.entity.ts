import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar } from '@jobcenter/kit';
import { Assessor } from './progress.enums';
import { ProgressScore } from './progress-score.entity';

/** A dated progression measurement (progressionsmåling) of one citizen on the 1–10 ladder. */
@Entity('progress_assessment')
@Index('uq_progress_assessment_citizen_date', ['citizenId', 'assessedBy', 'assessedAt'], { unique: true })
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

  @Field(() => Assessor, {
    description:
      "Whose scores these are: STAFF (recordProgress) or the citizen's own (CITIZEN, recordSelfAssessment). Statistics use STAFF only.",
  })
  @Column({ type: 'varchar', length: 8, default: Assessor.STAFF })
  assessedBy!: Assessor;

  @Field({ description: 'Role of the one who recorded it: a staff role, or CITIZEN for a self-assessment.' })
  @Column({ type: 'varchar', length: 32 })
  assessedByRole!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
