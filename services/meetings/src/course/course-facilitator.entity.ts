import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { GroupCourse } from './group-course.entity';

/** Which staff members run a course; indexed by staff for agendas and double-booking checks. */
@Entity('course_facilitator')
@Index('ix_course_facilitator_staff', ['staffId', 'courseId'])
export class CourseFacilitator {
  @PrimaryColumn({ type: 'uuid' })
  courseId!: string;

  @PrimaryColumn({ type: 'uuid' })
  staffId!: string;

  /** Order the facilitators were given in. */
  @Column({ type: 'int' })
  position!: number;

  @ManyToOne(() => GroupCourse, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'fk_course_facilitator_course' })
  course?: GroupCourse;
}
