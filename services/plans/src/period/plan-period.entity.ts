import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar } from '@jobcenter/kit';
import { Plan } from '../plan/plan.entity';

/**
 * What a network meeting wrote into the plan: the status of the period that ended and the
 * goals for the next one (periodestatus). Kept as history, newest first, never overwritten.
 */
@Entity('plan_period')
@Index('uq_plan_period_date', ['planId', 'meetingDate'], { unique: true })
@ObjectType({
  description: 'A period status written at a network meeting (periodestatus): how the past period went and the goals for the next.',
})
export class PlanPeriod {
  @Field(() => ID, { description: 'Unique id.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  planId!: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'fk_plan_period_plan' })
  plan?: Plan;

  @Field(() => DateScalar, { description: 'Date of the network meeting (netværksmøde) the status was agreed at.' })
  @Column({ type: 'date' })
  meetingDate!: string;

  @Field({ description: 'Status of the period that ended (status for perioden).' })
  @Column({ type: 'text' })
  pastPeriodStatus!: string;

  @Field({ description: 'Goals for the next period (mål for næste periode).' })
  @Column({ type: 'text' })
  nextPeriodGoals!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When the plan is to be looked at again, e.g. the next network meeting.' })
  @Column({ type: 'date', nullable: true })
  nextReviewDate!: string | null;

  @Field({ description: 'Role of the staff member who wrote it.' })
  @Column({ type: 'varchar', length: 32 })
  authorRole!: string;

  @Field({ description: 'Name of the staff member who wrote it.' })
  @Column({ type: 'varchar', length: 200 })
  authorName!: string;

  @Field(() => Date, { description: 'When it was written into the plan.' })
  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt!: Date;
}
