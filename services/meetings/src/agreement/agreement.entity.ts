import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar } from '@jobcenter/kit';
import { ParticipantRole } from '../meeting/meeting.enums';
import { AgreementStatus } from './agreement.enums';

/**
 * Something agreed at a held meeting (aftale), followed up as a task: who carries it, by when,
 * and whether it was done. A row of its own (not a line of the minutes), so it has an id, a
 * status with history, and can be listed per citizen and on the next meeting's agenda.
 *
 * `withdrawnAt` is set when a correction of the minutes leaves the agreement out: the row and
 * its history stay (the amendment keeps the previous list), but it is no longer listed.
 */
@Entity('agreement')
@Index('ix_agreement_meeting', ['meetingId', 'position'])
@Index('ix_agreement_citizen_status', ['citizenId', 'status', 'deadline'])
@ObjectType({ description: 'Something agreed at a meeting (aftale): who carries it, by when, and whether it was done.' })
export class Agreement {
  @Field(() => ID, { description: 'Agreement id.' })
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_agreement' })
  id!: string;

  @Column({ type: 'uuid' })
  meetingId!: string;

  /** The meeting's citizen, kept here so a citizen's open agreements are one index probe. */
  @Column({ type: 'uuid' })
  citizenId!: string;

  /** Order within the meeting's list. */
  @Column({ type: 'int' })
  position!: number;

  @Field({ description: 'What was agreed, in plain words.' })
  @Column({ type: 'text' })
  text!: string;

  @Field(() => DateScalar, { nullable: true, description: 'By when (frist), if agreed; never before the meeting.' })
  @Column({ type: 'date', nullable: true })
  deadline!: string | null;

  @Field(() => ParticipantRole, {
    description: 'Who carries it (ansvarlig): the citizen, a staff member (see `responsibleStaff`), a relative, the employer …',
  })
  @Column({ type: 'varchar', length: 32 })
  responsible!: ParticipantRole;

  @Column({ type: 'uuid', nullable: true })
  responsibleStaffId!: string | null;

  @Field(() => AgreementStatus, { description: 'OPEN, DONE or DROPPED; changed with `setAgreementStatus`, history in `history`.' })
  @Column({ type: 'varchar', length: 16 })
  status!: AgreementStatus;

  @Field(() => Date, { nullable: true, description: 'When the status last changed; null while it has never changed.' })
  @Column({ type: 'timestamptz', nullable: true })
  statusChangedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ type: 'varchar', length: 80 })
  createdBy!: string;

  @Field({ description: 'When the agreement was recorded.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A change of an agreement's status, kept for good (historik). */
@Entity('agreement_status_change')
@Index('ix_agreement_status_change_agreement', ['agreementId', 'at'])
@ObjectType({ description: "A change of an agreement's status, with who made it and their note." })
export class AgreementStatusChange {
  @Field(() => ID, { description: 'Change id.' })
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_agreement_status_change' })
  id!: string;

  @Column({ type: 'uuid' })
  agreementId!: string;

  @Field({ description: 'When the status changed.' })
  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'varchar', length: 80 })
  changedById!: string;

  @Field({ description: 'The role of whoever changed it: CITIZEN or a staff role.' })
  @Column({ type: 'varchar', length: 32 })
  changedByRole!: string;

  @Field(() => AgreementStatus, { description: 'The status before.' })
  @Column({ type: 'varchar', length: 16 })
  previousStatus!: AgreementStatus;

  @Field(() => AgreementStatus, { description: 'The status after.' })
  @Column({ type: 'varchar', length: 16 })
  status!: AgreementStatus;

  @Field(() => String, { nullable: true, description: 'The note given with the change (e.g. why it was dropped).' })
  @Column({ type: 'text', nullable: true })
  note!: string | null;
}

/** An agreement as kept in a correction's `previousAgreements` (jsonb): the row as it stood. */
export type AgreementSnapshot = Omit<Agreement, 'createdAt' | 'statusChangedAt' | 'withdrawnAt'> & {
  createdAt: string;
  statusChangedAt: string | null;
};

export function snapshotOf(a: Agreement): AgreementSnapshot {
  return {
    id: a.id,
    meetingId: a.meetingId,
    citizenId: a.citizenId,
    position: a.position,
    text: a.text,
    deadline: a.deadline,
    responsible: a.responsible,
    responsibleStaffId: a.responsibleStaffId,
    status: a.status,
    createdBy: a.createdBy,
    createdAt: new Date(a.createdAt).toISOString(),
    statusChangedAt: a.statusChangedAt ? new Date(a.statusChangedAt).toISOString() : null,
  };
}

/** A snapshot back as an Agreement for the schema (dates as dates; never withdrawn then). */
export function agreementFromSnapshot(s: AgreementSnapshot): Agreement {
  return Object.assign(new Agreement(), {
    ...s,
    createdAt: new Date(s.createdAt),
    statusChangedAt: s.statusChangedAt ? new Date(s.statusChangedAt) : null,
    withdrawnAt: null,
  });
}
