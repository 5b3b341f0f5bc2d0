import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar } from '@jobcenter/kit';
import { Referral } from './referral.entity';

/** One renewal of a referral's agreement (forlængelse), e.g. a mentor agreement renewed for 6 more months. */
@Entity('referral_renewal')
@Index('ix_referral_renewal_referral', ['referralId', 'createdAt'])
@ObjectType({ description: "A renewal of a referral's agreement (forlængelse), e.g. mentor support for 6 more months (LAB § 167)." })
export class ReferralRenewal {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  referralId!: string;

  @ManyToOne(() => Referral, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'fk_referral_renewal_referral' })
  referral?: Referral;

  @Field(() => DateScalar, { description: 'The end date before the renewal.' })
  @Column({ type: 'date' })
  previousEndDate!: string;

  @Field(() => DateScalar, { description: 'The end date the renewal set.' })
  @Column({ type: 'date' })
  newEndDate!: string;

  @Column({ type: 'uuid' })
  decidedBy!: string;

  @Field(() => Date, { description: 'When it was renewed.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
