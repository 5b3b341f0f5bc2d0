import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar, DateTimeScalar } from '@jobcenter/kit';
import { StaffRole } from '../staff/staff-role';

export enum HandoverStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
  FORCED = 'FORCED',
}
registerEnumType(HandoverStatus, {
  name: 'HandoverStatus',
  description: 'Where a handover request stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for the holding side (or the own team lead) to agree.' },
    APPROVED: { description: 'Agreed; the assignment is made.' },
    DECLINED: { description: 'Declined; nothing changed.' },
    FORCED: { description: 'Made by the requesting team lead without agreement, with a documented reason; waits for review.' },
  },
});

/**
 * A request to take a citizen on (sagsoverdragelse): a team lead asks for a staff member of their
 * team to be assigned to a citizen another team holds, or a caseworker asks to take on a citizen
 * nobody holds. The holding team lead or the citizen's caseworker agrees (or, for a citizen
 * nobody holds, the own team lead); without agreement the requesting lead may go ahead with a
 * documented reason, which waits on the holding lead's review (like emergency access).
 */
@Entity('case_handover')
@Index('ix_case_handover_citizen', ['citizenId', 'status'])
@Index('ix_case_handover_to_team', ['toTeam', 'status'])
@Index('uq_case_handover_pending', ['citizenId', 'staffId', 'role'], { unique: true, where: `"status" = 'PENDING'` })
@ObjectType('CaseHandover', { description: 'A request to take a citizen on in another team, or a case nobody holds (sagsoverdragelse).' })
export class CaseHandover {
  @Field(() => ID, { description: 'Unique id.' })
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_case_handover' })
  id!: string;

  @Column({ type: 'uuid' })
  citizenId!: string;

  /** The staff member to be assigned (the `staff` field). */
  @Column({ type: 'uuid' })
  staffId!: string;

  @Field(() => StaffRole, { description: 'The role they are to hold for the citizen.' })
  @Column({ type: 'varchar', length: 32 })
  role!: StaffRole;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the new assignment; null: the day it is approved.' })
  @Column({ type: 'date', name: 'from_date', nullable: true })
  from!: string | null;

  @Field({ description: 'Why the case should move (at least 15 characters).' })
  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Field(() => ID, { description: 'Who asked.' })
  @Column({ type: 'varchar', length: 80 })
  requestedBy!: string;

  @Field({ description: 'Their role when asking.' })
  @Column({ type: 'varchar', length: 32 })
  requestedByRole!: string;

  @Field({ description: 'The team that is to take the citizen on.' })
  @Column({ type: 'varchar', length: 200 })
  toTeam!: string;

  @Field(() => DateTimeScalar, { description: 'When it was asked for.' })
  @CreateDateColumn({ type: 'timestamptz' })
  requestedAt!: Date;

  @Field(() => HandoverStatus, { description: 'Where the request stands.' })
  @Column({ type: 'varchar', length: 16 })
  status!: HandoverStatus;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was approved, declined or forced.' })
  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who approved or declined it (the requester for a forced one).' })
  @Column({ type: 'varchar', length: 80, nullable: true })
  decidedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'The note of the decision; for a forced handover, its documented reason.' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  decisionNote!: string | null;

  /** The assignment made on approval (the `assignment` field). */
  @Column({ type: 'uuid', nullable: true })
  assignmentId!: string | null;

  @Field(() => [String], { description: 'For a forced handover: the teams that held the citizen, whose leads review it.' })
  @Column({ type: 'varchar', length: 200, array: true, default: () => "'{}'" })
  heldByTeams!: string[];

  @Field(() => DateTimeScalar, { nullable: true, description: 'When a holding team lead reviewed a forced handover.' })
  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The team lead who reviewed a forced handover.' })
  @Column({ type: 'varchar', length: 80, nullable: true })
  reviewedBy!: string | null;

  @Field(() => String, { nullable: true, description: "The reviewing lead's note." })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  reviewNote!: string | null;
}
