import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * What placements knows of the kick-off meetings (opstartsmøder) the meetings subgraph holds for
 * its placements: one row per meeting, kept up to date from meetings' event feed
 * (kickoff.consumer.ts). Ids, a status code and a time only; the meeting itself (who, where,
 * minutes) stays in meetings and reaches clients as `Placement.kickoff`.
 */
@Entity('placement_kickoff')
@Index('ix_placement_kickoff_placement', ['placementId', 'status'])
export class PlacementKickoff {
  @PrimaryColumn({ type: 'uuid' })
  meetingId!: string;

  @Column({ type: 'uuid' })
  placementId!: string;

  @Column({ type: 'uuid' })
  citizenId!: string;

  /** The meeting's status as its last event said: PLANNED, HELD, CANCELLED, NO_SHOW or EXCUSED. */
  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ type: 'timestamptz' })
  scheduledAt!: Date;

  /** When the event that set this state committed in meetings. */
  @Column({ type: 'timestamptz' })
  changedAt!: Date;
}
