import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { GroupCourse } from './group-course.entity';

/** One weekly session of a group course (gang). */
@Entity('group_session')
@Index('uq_group_session_number', ['courseId', 'number'], { unique: true })
@Index('ix_group_session_time', ['startsAt'])
@ObjectType({ description: 'One weekly session of a group course (gang i gruppeforløbet).' })
export class GroupSession {
  @Field(() => ID, { description: 'Session id (for recordAttendance).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => GroupCourse, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'fk_group_session_course' })
  course?: GroupCourse;

  @Field(() => Int, { description: 'Session number, 1 to 8.' })
  @Column({ type: 'int' })
  number!: number;

  @Field({ description: 'When the session starts (UTC); the same Copenhagen wall-clock time every week.' })
  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Field(() => Int, { description: 'Length in minutes (90).' })
  @Column({ type: 'int' })
  durationMinutes!: number;

  @Field({ description: 'When the session ends (UTC).' })
  @Column({ type: 'timestamptz' })
  endsAt!: Date;
}
