import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Company } from '../company/company.entity';
import { DateScalar } from '@jobcenter/kit';
import { TargetGroup } from '../target-group/target-group';
import { PlacementKind, PlacementOutcome, PlacementPurpose, PlacementStatus } from './placement.enums';

/**
 * A citizen's placement at a company (virksomhedspraktik, løntilskud, job). The citizen and the
 * job consultant are referred to by id only; the citizens service owns who they are.
 * Start and end dates are the agreed period, both days included.
 */
@Entity('placement')
@Index('ix_placement_citizen_status', ['citizenId', 'status'])
@Index('ix_placement_consultant_status_end', ['jobConsultantId', 'status', 'endDate'])
@Index('ix_placement_company', ['companyId'])
@Index('ix_placement_status_dates', ['status', 'startDate', 'endDate'])
@Index('ix_placement_status_ended_on', ['status', 'endedOn'])
@Index('ix_placement_continues', ['continuesPlacementId'])
@ObjectType({ description: "A citizen's placement at a company: internship (virksomhedspraktik), wage subsidy (løntilskud) or job." })
@Directive('@key(fields: "id")')
export class Placement {
  @Field(() => ID, { description: 'Unique id.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  citizenId!: string;

  @Column({ type: 'uuid' })
  companyId!: string;

  /** The foreign key to the company; read through `company` (a DataLoader), never loaded here. */
  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id', foreignKeyConstraintName: 'fk_placement_company' })
  companyRow?: Company;

  @Field(() => PlacementKind, { description: 'Kind of placement.' })
  @Column({ type: 'varchar', length: 24 })
  kind!: PlacementKind;

  @Field(() => PlacementPurpose, { nullable: true, description: 'Why the placement is made (formål).' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  purpose!: PlacementPurpose | null;

  @Field(() => DateScalar, { description: 'First day (startdato).' })
  @Column({ type: 'date' })
  startDate!: string;

  @Field(() => DateScalar, { description: 'Last day as agreed, included (slutdato); moved by `extendPlacement`.' })
  @Column({ type: 'date' })
  endDate!: string;

  @Field(() => Float, { nullable: true, description: 'Agreed hours per week (timer pr. uge).' })
  @Column({ type: 'double precision', nullable: true })
  hoursPerWeek!: number | null;

  @Field(() => String, { nullable: true, description: 'Mentor at the company, if any (mentor).' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  mentor!: string | null;

  @Field(() => PlacementStatus, { description: 'Where the placement stands (status).' })
  @Column({ type: 'varchar', length: 16 })
  status!: PlacementStatus;

  @Column({ type: 'uuid', nullable: true })
  jobConsultantId!: string | null;

  @Field(() => TargetGroup, {
    description:
      "The citizen's target group (målgruppe) as the citizens service recorded it when the placement was proposed and again when it started; never taken from a client.",
  })
  @Column({ type: 'varchar', length: 32 })
  targetGroupAtStart!: TargetGroup;

  @Field(() => PlacementOutcome, { nullable: true, description: 'What the placement led to (resultat); set on completion.' })
  @Column({ type: 'varchar', length: 24, nullable: true })
  outcome!: PlacementOutcome | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day it actually ended (completed or called off); null while open.' })
  @Column({ type: 'date', nullable: true })
  endedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the placement was called off (årsag til aflysning).' })
  @Column({ type: 'text', nullable: true })
  cancelReason!: string | null;

  /**
   * The placement this one continues at the same company (pathway: internship → wage subsidy →
   * ordinary job); read through `previous` / `next` / `pathway` (pathway/pathway.fields.ts).
   */
  @Column({ type: 'uuid', nullable: true })
  continuesPlacementId!: string | null;

  @ManyToOne(() => Placement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'continues_placement_id', foreignKeyConstraintName: 'fk_placement_continues' })
  continuesRow?: Placement;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the placement was started without a held kick-off meeting (opstartsmøde), as the consultant recorded it; null when a kick-off was held.',
  })
  @Column({ type: 'text', nullable: true })
  startWithoutKickoffReason!: string | null;

  @Field(() => Date, { description: 'When the placement was proposed.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
