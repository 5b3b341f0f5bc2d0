import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Milestone } from './milestone.entity';
import { MilestoneStatus } from './milestone.enums';

/** One entry in a milestone's written history: a note, a status change, or both. Never edited. */
@Entity('milestone_update')
@Index('ix_milestone_update_milestone', ['milestoneId', 'at'])
@ObjectType({ description: "An entry in a milestone's log: a dated note and, for a status change, the new status (opfølgning)." })
export class MilestoneUpdate {
  @Field(() => ID, { description: 'Unique id.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  milestoneId!: string;

  @ManyToOne(() => Milestone, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'milestone_id', foreignKeyConstraintName: 'fk_milestone_update_milestone' })
  milestone?: Milestone;

  @Field(() => Date, { description: 'When it was written.' })
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Field({ description: 'Role of the author: CITIZEN or a staff role.' })
  @Column({ type: 'varchar', length: 32 })
  authorRole!: string;

  @Column({ type: 'uuid' })
  authorId!: string;

  @Field({ description: 'Name of the author, so the history shows who followed up.' })
  @Column({ type: 'varchar', length: 200 })
  authorName!: string;

  @Field({ description: 'What happened, in the words of the author.' })
  @Column({ type: 'text' })
  note!: string;

  @Field(() => MilestoneStatus, { nullable: true, description: 'The new status, when this entry is a status change.' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  status!: MilestoneStatus | null;
}
