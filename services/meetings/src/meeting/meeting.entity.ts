import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { MeetingKind, MeetingStatus } from './meeting.enums';

/**
 * A meeting with a citizen (møde). `endsAt` is stored beside the start so overlap checks and
 * agendas are plain range conditions on indexed columns.
 */
@Entity('meeting')
@Index('ix_meeting_citizen_time', ['citizenId', 'scheduledAt'])
@Index('ix_meeting_time_status', ['scheduledAt', 'status'])
@Index('ix_meeting_kind_status_citizen', ['kind', 'status', 'citizenId', 'scheduledAt'])
@Index('ix_meeting_placement', ['placementId', 'scheduledAt'])
@ObjectType({ description: 'A meeting with a citizen (møde): follow-up, walk-and-talk, network meeting and more.' })
@Directive('@key(fields: "id")')
export class Meeting {
  @Field(() => ID, { description: 'Meeting id.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  citizenId!: string;

  @Field(() => MeetingKind, { description: 'What kind of meeting (mødetype).' })
  @Column({ type: 'varchar', length: 32 })
  kind!: MeetingKind;

  @Field({ description: 'When the meeting starts (UTC).' })
  @Column({ type: 'timestamptz' })
  scheduledAt!: Date;

  @Field(() => Int, { description: 'Planned length in minutes.' })
  @Column({ type: 'int' })
  durationMinutes!: number;

  @Field({ description: 'When the meeting ends (UTC): `scheduledAt` plus `durationMinutes`.' })
  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  @Field(() => String, { nullable: true, description: 'Where: an address, a room, or a walking route.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  location!: string | null;

  @Field(() => MeetingStatus, { description: 'Planned, held, cancelled, no-show or excused.' })
  @Column({ type: 'varchar', length: 16 })
  status!: MeetingStatus;

  @Field(() => String, { nullable: true, description: 'Minutes of the meeting (referat), once held.' })
  @Column({ type: 'text', nullable: true })
  summary!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the meeting did not take place: the reason it was cancelled (aflysning), the lawful excuse (EXCUSED, lovligt forfald) ' +
      'or what is known of a no-show (NO_SHOW). Null for a held or planned meeting.',
  })
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the outcome was first recorded.' })
  @Column({ type: 'timestamptz', nullable: true })
  outcomeRecordedAt!: Date | null;

  /**
   * The placement (in the placements subgraph) this meeting is about, e.g. its kick-off
   * (opstartsmøde); checked there to be the same citizen's when booked. Read as `placement`.
   */
  @Column({ type: 'uuid', nullable: true })
  placementId!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @Field({ description: 'When the meeting was booked.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
