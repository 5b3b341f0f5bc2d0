import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '@jobcenter/kit';

/**
 * Emergency access ("break-the-glass"): a staff member opened a citizen outside their caseload,
 * stating why. It lets that staff member alone in for a few hours, is written to the citizen's
 * access log with its reason on every look-up, and waits on the team lead's review list.
 */
@Entity('emergency_access')
@Index('ix_emergency_access_citizen', ['citizenId', 'expiresAt'])
@Index('ix_emergency_access_team', ['staffTeam', 'grantedAt'])
@ObjectType({ description: 'An emergency access to a citizen outside the caseload (break-the-glass), for review.' })
export class EmergencyAccess {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  citizenId!: string;

  @Field(() => ID, { description: 'The staff member who opened the citizen.' })
  @Column({ type: 'varchar', length: 80 })
  staffId!: string;

  @Field({ description: "The staff member's role at the time." })
  @Column({ type: 'varchar', length: 32 })
  staffRole!: string;

  @Field({ description: "The staff member's team, whose lead reviews the access." })
  @Column({ type: 'varchar', length: 100 })
  staffTeam!: string;

  @Field({ description: 'Why the citizen had to be opened.' })
  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  grantedAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the access ends by itself.' })
  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the team lead reviewed it; null while it waits.' })
  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'varchar', length: 80, nullable: true })
  reviewedBy!: string | null;

  @Field(() => String, { nullable: true, description: "The team lead's note." })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  reviewNote!: string | null;
}
