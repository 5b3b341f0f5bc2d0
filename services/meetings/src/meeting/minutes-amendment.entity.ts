import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Agreement } from '../agreement/agreement.entity';
import { Meeting } from './meeting.entity';
import { MeetingStatus } from './meeting.enums';

/**
 * The outcome as it stood before a correction. Minutes are never overwritten without a trace:
 * every change of a recorded outcome keeps the previous version here.
 */
@Entity('minutes_amendment')
@Index('ix_minutes_amendment_meeting', ['meetingId', 'amendedAt'])
@ObjectType({ description: "A correction of a meeting's recorded outcome, with what it said before (rettelse af referat)." })
export class MinutesAmendment {
  @Field(() => ID, { description: 'Amendment id.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  meetingId!: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_minutes_amendment_meeting' })
  meeting?: Meeting;

  @Field({ description: 'When the correction was made.' })
  @CreateDateColumn({ type: 'timestamptz' })
  amendedAt!: Date;

  @Field(() => ID, { description: 'Id of the staff member who made the correction.' })
  @Column({ type: 'uuid' })
  amendedBy!: string;

  @Field(() => MeetingStatus, { description: 'The outcome status before the correction.' })
  @Column({ type: 'varchar', length: 16 })
  previousStatus!: MeetingStatus;

  @Field(() => String, { nullable: true, description: 'The minutes before the correction.' })
  @Column({ type: 'text', nullable: true })
  previousSummary!: string | null;

  @Field(() => String, { nullable: true, description: 'The reason for absence or cancellation before the correction.' })
  @Column({ type: 'text', nullable: true })
  previousReason!: string | null;

  @Field(() => [Agreement], { description: 'The agreements before the correction, as they stood then (status included).' })
  @Column({ type: 'jsonb' })
  previousAgreements!: Agreement[];
}
