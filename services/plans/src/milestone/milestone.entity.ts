import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateScalar } from '@jobcenter/kit';
import { Plan } from '../plan/plan.entity';
import { MilestoneResponsible, MilestoneStatus } from './milestone.enums';

/** A small, realistic step of a plan with a short deadline (milepæl). */
@Entity('milestone')
@Index('ix_milestone_plan', ['planId', 'deadline'])
@Index('ix_milestone_deadline_status', ['deadline', 'status'])
@ObjectType({ description: 'A small step of the plan with a short deadline, agreed together (milepæl).' })
@Directive('@key(fields: "id")')
export class Milestone {
  @Field(() => ID, { description: 'Unique id.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  planId!: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'fk_milestone_plan' })
  planRow?: Plan;

  @Field({ description: 'What is to be reached, in words the citizen uses.' })
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Field(() => String, { nullable: true, description: 'More about the step: what, where, with whom.' })
  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Field(() => DateScalar, { description: 'Deadline (frist); not before the plan starts.' })
  @Column({ type: 'date' })
  deadline!: string;

  @Field(() => MilestoneStatus, { description: 'Where the milestone stands; change it with setMilestoneStatus.' })
  @Column({ type: 'varchar', length: 16 })
  status!: MilestoneStatus;

  @Field(() => MilestoneResponsible, { description: 'Who carries the milestone.' })
  @Column({ type: 'varchar', length: 16 })
  responsible!: MilestoneResponsible;

  @Field(() => DateScalar, { nullable: true, description: 'Day it was achieved; set exactly when the status is ACHIEVED.' })
  @Column({ type: 'date', nullable: true })
  achievedAt!: string | null;

  @Field({ description: 'True when the citizen proposed this milestone (proposeMilestone), whatever staff decided.' })
  @Column({ type: 'boolean', default: false })
  proposedByCitizen!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Why staff declined the proposal (begrundelse); set exactly when a proposed milestone was declined (then DROPPED).',
  })
  @Column({ type: 'text', nullable: true })
  declineReason!: string | null;

  /** The milestone that replaces this one, when REVISED. */
  @Index('ix_milestone_replaced_by')
  @Column({ type: 'uuid', nullable: true })
  replacedById!: string | null;

  @Field(() => Date, { description: 'When the milestone was added.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
