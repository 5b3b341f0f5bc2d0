import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Consent } from './consent.entity';
import { DisclosureKind } from './consent.enums';

/**
 * One sharing of a citizen's information under a consent (videregivelse): what, with whom, when,
 * by whom, under which consent. Written in the same transaction as the check that the consent
 * was in force; never changed.
 */
@Entity('consent_disclosure')
@Index('ix_consent_disclosure_placement', ['placementId', 'disclosedAt'])
@Index('ix_consent_disclosure_citizen', ['citizenId', 'disclosedAt'])
@ObjectType({ description: "A sharing of the citizen's information under a consent (videregivelse): what, with whom, when, by whom." })
export class Disclosure {
  @Field(() => ID, { description: 'Unique id.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  citizenId!: string;

  @Column({ type: 'uuid' })
  consentId!: string;

  @ManyToOne(() => Consent, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'consent_id', foreignKeyConstraintName: 'fk_consent_disclosure_consent' })
  consentRow?: Consent;

  @Field(() => DisclosureKind, { description: 'What was shared.' })
  @Column({ type: 'varchar', length: 24 })
  what!: DisclosureKind;

  @Column({ type: 'uuid', nullable: true })
  placementId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The referral shared, for REFERRAL.' })
  @Column({ type: 'uuid', nullable: true })
  referralId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  companyId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The provider it was shared with, for REFERRAL.' })
  @Column({ type: 'uuid', nullable: true })
  providerId!: string | null;

  @Field(() => String, { nullable: true, description: "The company's contact person it went to, when named." })
  @Column({ type: 'varchar', length: 200, nullable: true })
  contact!: string | null;

  /** The follow-ups shared (FOLLOW_UP_NOTES): exactly those that existed at that moment. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  followUpIds!: string[];

  @Field(() => Int, { description: 'How many follow-up notes were shared (FOLLOW_UP_NOTES).' })
  get followUpCount(): number {
    return this.followUpIds?.length ?? 0;
  }

  @Column({ type: 'uuid' })
  disclosedBy!: string;

  @Field(() => Date, { description: 'When it was shared.' })
  @CreateDateColumn({ type: 'timestamptz' })
  disclosedAt!: Date;
}
