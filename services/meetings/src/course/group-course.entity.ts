import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar } from '@jobcenter/kit';
import { CourseTopic } from './course.enums';

/** An 8-week group course (gruppeforløb); its sessions are created with it. */
@Entity('group_course')
@Index('ix_group_course_start', ['startDate'])
@ObjectType({ description: 'A group course (gruppeforløb): 8 weekly sessions of 90 minutes, 2 facilitators, 8–12 citizens.' })
@Directive('@key(fields: "id")')
export class GroupCourse {
  @Field(() => ID, { description: 'Group course id.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'Title, e.g. "Trivsel i hverdagen, forår".' })
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Field(() => [CourseTopic], { description: 'Topics the course works with (emner).' })
  @Column({ type: 'varchar', length: 32, array: true })
  topics!: CourseTopic[];

  @Field(() => DateScalar, { description: 'Date of the first session (Copenhagen calendar).' })
  @Column({ type: 'date' })
  startDate!: string;

  @Field(() => DateScalar, { description: 'Date of the last session (Copenhagen calendar).' })
  @Column({ type: 'date' })
  endDate!: string;

  @Field(() => Int, { description: 'Most citizens the course takes (at most 12).' })
  @Column({ type: 'int' })
  capacity!: number;

  @Field(() => String, { nullable: true, description: 'Where the group meets.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  location!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
