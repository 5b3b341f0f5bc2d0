import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { GroupCourse } from './group-course.entity';

/** A citizen's place on a group course (tilmelding). One per citizen and course. */
@Entity('enrollment')
@Index('uq_enrollment_course_citizen', ['courseId', 'citizenId'], { unique: true })
@Index('ix_enrollment_citizen', ['citizenId'])
@ObjectType({ description: "A citizen's place on a group course (tilmelding), with their attendance rate." })
export class Enrollment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => GroupCourse, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'fk_enrollment_course' })
  course?: GroupCourse;

  @Column({ type: 'uuid' })
  citizenId!: string;

  @Field({ description: 'When the citizen was enrolled.' })
  @CreateDateColumn({ type: 'timestamptz' })
  enrolledAt!: Date;

  @Column({ type: 'uuid' })
  enrolledBy!: string;
}
