import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One note per citizen: the template's stand-in for this service's domain. */
@Entity('insights_note')
export class InsightsNote {
  @PrimaryColumn('uuid', { name: 'citizen_id', primaryKeyConstraintName: 'pk_insights_note' })
  citizenId!: string;

  @Column('text')
  text!: string;

  /** The staff member who wrote it last. */
  @Column('uuid', { name: 'author_id' })
  authorId!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
