import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Placement } from './placement.entity';
import { DateScalar } from '@jobcenter/kit';

/** One extension of a placement's end date, with its justification (forlængelse med begrundelse). */
@Entity('placement_extension')
@Index('ix_placement_extension_placement', ['placementId', 'createdAt'])
@ObjectType({ description: "An extension of a placement's end date, with the justification (forlængelse)." })
export class PlacementExtension {
  @Field(() => ID, { description: 'Unique id.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  placementId!: string;

  @ManyToOne(() => Placement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'placement_id', foreignKeyConstraintName: 'fk_placement_extension_placement' })
  placement?: Placement;

  @Field(() => DateScalar, { description: 'End date before the extension.' })
  @Column({ type: 'date' })
  previousEndDate!: string;

  @Field(() => DateScalar, { description: 'End date after the extension.' })
  @Column({ type: 'date' })
  newEndDate!: string;

  @Field({ description: 'Why the extension is justified (begrundelse).' })
  @Column({ type: 'text' })
  justification!: string;

  @Column({ type: 'uuid' })
  decidedBy!: string;

  @Field(() => Date, { description: 'When the extension was recorded.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
