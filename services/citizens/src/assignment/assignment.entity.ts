import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar } from '@jobcenter/kit';
import { Citizen } from '../citizen/citizen.entity';
import { StaffMember } from '../staff/staff-member.entity';
import { StaffRole } from '../staff/staff-role';

/**
 * Which staff member holds which role for a citizen, from when to when. Ended assignments are
 * kept, never overwritten: the history shows the continuity (or not) of the citizen's team.
 */
@Entity('assignment')
@Index('ix_assignment_citizen', ['citizenId'])
// A caseload asks for a staff member's open assignments; with the end date in the index, the
// ended ones (most of a long-serving caseworker's history) are skipped without a heap visit.
@Index('ix_assignment_staff_to_date', ['staffId', 'to'])
@ObjectType({ description: "A staff member's role for a citizen over a period (tilknytning)." })
export class Assignment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  citizenId!: string;

  @ManyToOne(() => Citizen, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'citizen_id', foreignKeyConstraintName: 'fk_assignment_citizen' })
  citizen?: Citizen;

  @Column({ type: 'uuid' })
  staffId!: string;

  @ManyToOne(() => StaffMember, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'staff_id', foreignKeyConstraintName: 'fk_assignment_staff' })
  staff?: StaffMember;

  @Field(() => StaffRole, { description: 'The role the staff member holds for this citizen.' })
  @Column({ type: 'varchar', length: 32 })
  role!: StaffRole;

  @Field(() => DateScalar, { description: 'First day of the assignment.' })
  @Column({ type: 'date', name: 'from_date' })
  from!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the assignment; null while it runs.' })
  @Column({ type: 'date', name: 'to_date', nullable: true })
  to!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
