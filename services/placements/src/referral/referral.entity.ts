import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateScalar } from '@jobcenter/kit';
import { OfferKind } from '../provider/offer-kind';
import { Provider } from '../provider/provider.entity';
import { ReferralResult, ReferralStatus } from './referral.enums';

/** The statuses in which a referral is open: a citizen has at most one open referral per provider. */
export const OPEN_REFERRAL_STATUSES = [ReferralStatus.PROPOSED, ReferralStatus.ACTIVE] as const;

/**
 * A citizen referred to a provider for an offer (henvisning til tilbud). The citizen and the
 * milestone are referred to by id only (the citizens and plans services own them). The partial
 * unique index keeps one open (PROPOSED or ACTIVE) referral per citizen and provider, even when
 * two caseworkers save at the same moment.
 */
@Entity('referral')
@Index('ix_referral_citizen_status', ['citizenId', 'status'])
@Index('ix_referral_provider', ['providerId'])
@Index('uq_referral_open_citizen_provider', ['citizenId', 'providerId'], {
  unique: true,
  where: `status IN ('PROPOSED', 'ACTIVE')`,
})
@ObjectType({ description: 'A citizen referred to a provider for an offer (henvisning til tilbud).' })
@Directive('@key(fields: "id")')
export class Referral {
  @Field(() => ID, { description: 'Unique id.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  citizenId!: string;

  @Column({ type: 'uuid' })
  providerId!: string;

  /** The foreign key to the provider; read through `provider` (a DataLoader), never loaded here. */
  @ManyToOne(() => Provider, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'fk_referral_provider' })
  providerRow?: Provider;

  @Field(() => OfferKind, { description: 'The kind of offer; one the provider gives.' })
  @Column({ type: 'varchar', length: 24 })
  kind!: OfferKind;

  @Field(() => String, { nullable: true, description: 'What the offer is for, in words (formål).' })
  @Column({ type: 'text', nullable: true })
  purpose!: string | null;

  @Field(() => DateScalar, { description: 'First day (startdato).' })
  @Column({ type: 'date' })
  startDate!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day, included (slutdato); null when open-ended. Moved by `renewReferral`.',
  })
  @Column({ type: 'date', nullable: true })
  endDate!: string | null;

  /** First day of the current agreement period: the start date, or the day after the end a renewal continued from. */
  @Column({ type: 'date' })
  agreementStart!: string;

  @Field(() => ReferralStatus, { description: 'Where the referral stands (status).' })
  @Column({ type: 'varchar', length: 16 })
  status!: ReferralStatus;

  @Column({ type: 'uuid', nullable: true })
  milestoneId!: string | null;

  @Field(() => String, { nullable: true, description: 'How it went, in words (udfald); never leaves this service in an event.' })
  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @Field(() => ReferralResult, { nullable: true, description: 'What it led to, as a code (resultat); set when completed or called off.' })
  @Column({ type: 'varchar', length: 24, nullable: true })
  result!: ReferralResult | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The day it actually ended (completed or called off while under way); null while open or when called off before it started.',
  })
  @Column({ type: 'date', nullable: true })
  endedOn!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @Field(() => Date, { description: 'When the referral was made.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
