import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Meeting } from './meeting.entity';
import { ParticipantRole } from './meeting.enums';

/** Who takes part in a meeting: a staff member by id, or a named person from the network. */
@Entity('meeting_participant')
@Index('ix_meeting_participant_meeting', ['meetingId'])
@Index('ix_meeting_participant_staff', ['staffId', 'meetingId'])
@ObjectType({ description: 'Someone taking part in a meeting (deltager).' })
export class MeetingParticipant {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  meetingId!: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_meeting_participant_meeting' })
  meeting?: Meeting;

  @Field(() => ParticipantRole, { description: 'In which role they take part.' })
  @Column({ type: 'varchar', length: 32 })
  role!: ParticipantRole;

  @Column({ type: 'uuid', nullable: true })
  staffId!: string | null;

  @Field(() => String, { nullable: true, description: 'Name of a participant who is not staff (relative, support person, employer).' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  name!: string | null;

  @Column({ type: 'int' })
  position!: number;
}
