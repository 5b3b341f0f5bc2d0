import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Plan } from '../plan/plan.entity';

/**
 * The citizen's word on the plan as it stood at `planVersion` (bekræftelse): they agree, or they
 * disagree and say why. Kept as history; the newest one counts for `Plan.changedSinceConfirmed`.
 */
@Entity('plan_confirmation')
@Index('ix_plan_confirmation_plan', ['planId', 'at'])
@ObjectType({
  description: "The citizen's confirmation of the plan (bekræftelse), or their recorded disagreement and why, at a version of the plan.",
})
export class PlanConfirmation {
  @Field(() => ID, { description: 'Unique id.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  planId!: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'fk_plan_confirmation_plan' })
  planRow?: Plan;

  @Field(() => Date, { description: 'When the citizen gave it.' })
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Field(() => Int, { description: 'The version of the plan (Plan.version) the citizen confirmed or disagreed with.' })
  @Column({ type: 'integer' })
  planVersion!: number;

  @Field({ description: 'True: the citizen agrees with the plan; false: they disagree (see comment).' })
  @Column({ type: 'boolean' })
  agrees!: boolean;

  @Field(() => String, { nullable: true, description: "The citizen's words; required when they disagree." })
  @Column({ type: 'text', nullable: true })
  comment!: string | null;
}
