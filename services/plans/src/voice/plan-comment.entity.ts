import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Milestone } from '../milestone/milestone.entity';
import { Plan } from '../plan/plan.entity';

/**
 * A comment on the plan or one of its milestones, by the citizen or staff (kommentar): the
 * conversation about the plan, kept as written. It does not change the plan's version.
 */
@Entity('plan_comment')
@Index('ix_plan_comment_plan', ['planId', 'at'])
@ObjectType({ description: 'A comment on the plan or one of its milestones, by the citizen or staff (kommentar), oldest first.' })
export class PlanComment {
  @Field(() => ID, { description: 'Unique id.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  planId!: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'fk_plan_comment_plan' })
  planRow?: Plan;

  /** The milestone commented on; null for the plan as a whole. */
  @Index('ix_plan_comment_milestone')
  @Column({ type: 'uuid', nullable: true })
  milestoneId!: string | null;

  @ManyToOne(() => Milestone, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'milestone_id', foreignKeyConstraintName: 'fk_plan_comment_milestone' })
  milestoneRow?: Milestone;

  @Field(() => Date, { description: 'When it was written.' })
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Field({ description: 'Role of the author: CITIZEN or a staff role.' })
  @Column({ type: 'varchar', length: 32 })
  authorRole!: string;

  @Column({ type: 'uuid' })
  authorId!: string;

  @Field({ description: 'Name of the author.' })
  @Column({ type: 'varchar', length: 200 })
  authorName!: string;

  @Field({ description: 'The comment, in the words of the author.' })
  @Column({ type: 'text' })
  text!: string;
}
