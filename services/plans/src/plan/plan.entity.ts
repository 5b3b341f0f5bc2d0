import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { DateScalar } from '@jobcenter/kit';
import { PlanStatus } from './plan.enums';

/**
 * The citizen's action plan (handleplan, "Borgerens Plan"): a shared working document the
 * citizen co-owns and sees in full. The citizen is referred to by id only; the citizens
 * service owns who they are. The partial unique index makes "one ACTIVE plan per citizen" a
 * fact of the database, so two simultaneous activations cannot both succeed.
 */
@Entity('plan')
@Index('ix_plan_citizen', ['citizenId', 'startDate'])
@Index('uq_plan_active_per_citizen', ['citizenId'], { unique: true, where: `"status" = 'ACTIVE'` })
@ObjectType({
  description: "The citizen's action plan (handleplan): long-term goal, the citizen's own words, milestones and period statuses.",
})
@Directive('@key(fields: "id")')
export class Plan {
  @Field(() => ID, { description: 'Unique id.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  citizenId!: string;

  @Field({ description: 'The long-term goal (langsigtet mål), e.g. "trained landscape gardener, then a steady job".' })
  @Column({ type: 'text' })
  longTermGoal!: string;

  @Field(() => String, {
    nullable: true,
    description: "The citizen's own words about the plan (borgerens perspektiv); the citizen may edit them.",
  })
  @Column({ type: 'text', nullable: true })
  citizenPerspective!: string | null;

  @Field(() => PlanStatus, { description: 'DRAFT → ACTIVE → COMPLETED or ABANDONED (status).' })
  @Column({ type: 'varchar', length: 16 })
  status!: PlanStatus;

  @Field(() => DateScalar, { description: 'First day of the plan; may be in the past when recorded after the fact.' })
  @Column({ type: 'date' })
  startDate!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Planned last day of the course of support (forløbets planlagte slutdato); gives the period that reports cover and the midway date. Null if open-ended.',
  })
  @Column({ type: 'date', nullable: true })
  plannedEndDate!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day the plan was completed or abandoned; null while open.' })
  @Column({ type: 'date', nullable: true })
  endDate!: string | null;

  @Field(() => Int, { description: 'Increases on every change; pass it back as `expectedVersion` when updating.' })
  @VersionColumn()
  version!: number;

  @Field(() => Date, { description: 'When the plan was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
