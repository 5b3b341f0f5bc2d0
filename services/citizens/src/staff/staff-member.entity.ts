import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { StaffRole } from './staff-role';

@Entity('staff_member')
@ObjectType({ description: 'A professional in the jobcenter (medarbejder).' })
@Directive('@key(fields: "id")')
export class StaffMember {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'Full name as colleagues and citizens see it.' })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field(() => StaffRole)
  @Column({ type: 'varchar', length: 32 })
  role!: StaffRole;

  @Field({ description: 'Work e-mail; unique.' })
  @Index('uq_staff_member_email', { unique: true })
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Field({ description: 'Team (organisational unit) the staff member belongs to.' })
  @Index('ix_staff_member_team')
  @Column({ type: 'varchar', length: 200 })
  team!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
