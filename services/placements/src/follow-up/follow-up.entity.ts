import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Placement } from '../placement/placement.entity';
import { DateScalar } from '@jobcenter/kit';

/** A dated contact about a placement between company, citizen and consultants (opfølgning). */
@Entity('placement_follow_up')
@Index('ix_placement_follow_up_placement_date', ['placementId', 'date'])
@ObjectType({ description: 'A dated follow-up (opfølgning) on a placement between company, citizen and consultants.' })
export class PlacementFollowUp {
  @Field(() => ID, { description: 'Unique id.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  placementId!: string;

  @ManyToOne(() => Placement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'placement_id', foreignKeyConstraintName: 'fk_placement_follow_up_placement' })
  placement?: Placement;

  @Field(() => DateScalar, { description: 'The day of the contact; never in the future.' })
  @Column({ type: 'date' })
  date!: string;

  @Field({ description: 'What was said and agreed (notat).' })
  @Column({ type: 'text' })
  note!: string;

  @Column({ type: 'uuid' })
  authorId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
