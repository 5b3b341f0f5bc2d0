import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { AttendanceStatus } from './course.enums';
import { GroupSession } from './group-session.entity';

/** Whether an enrolled citizen came to a session; one row per session and citizen. */
@Entity('attendance')
@Index('ix_attendance_citizen', ['citizenId', 'sessionId'])
@ObjectType({ description: "A citizen's attendance at one group session (fremmøde)." })
export class Attendance {
  @PrimaryColumn({ type: 'uuid' })
  sessionId!: string;

  @PrimaryColumn({ type: 'uuid' })
  citizenId!: string;

  @ManyToOne(() => GroupSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'fk_attendance_session' })
  session?: GroupSession;

  @Field(() => AttendanceStatus, { description: 'Present, absent or excused (lovligt forfald).' })
  @Column({ type: 'varchar', length: 16 })
  status!: AttendanceStatus;

  @Field({ description: 'When the attendance was last recorded.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ type: 'uuid' })
  recordedBy!: string;
}
