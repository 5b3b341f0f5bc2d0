import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar } from '@jobcenter/kit';
import { ConsentPartyKind } from './consent.enums';

/**
 * A citizen's consent (samtykke): what may be shared with whom, for what purpose, from when to
 * when. Never deleted: a withdrawal is dated (`withdrawnAt`) and takes effect at once; the
 * disclosures made under it point at it for ever.
 */
@Entity('consent')
@Index('ix_consent_citizen', ['citizenId', 'createdAt'])
@Index('ix_consent_company', ['companyId', 'citizenId'])
@Index('ix_consent_provider', ['providerId', 'citizenId'])
@ObjectType({ description: "A citizen's consent to share information (samtykke): with whom, for what, from when to when." })
export class Consent {
  @Field(() => ID, { description: 'Unique id.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  citizenId!: string;

  @Field({ description: 'Who may receive the information, in words (e.g. "Kværndrup Kro, kromutter", "Egen læge").' })
  @Column({ type: 'varchar', length: 200 })
  party!: string;

  @Field(() => ConsentPartyKind, {
    description: 'What kind of party it is; EMPLOYER and PROVIDER/ASSOCIATION name the company or provider.',
  })
  @Column({ type: 'varchar', length: 16 })
  partyKind!: ConsentPartyKind;

  @Column({ type: 'uuid', nullable: true })
  companyId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The provider (course, treatment, association) it is given to, if any.' })
  @Column({ type: 'uuid', nullable: true })
  providerId!: string | null;

  @Field({ description: 'For what (formål), e.g. "Opfølgning på praktikken".' })
  @Column({ type: 'text' })
  purpose!: string;

  @Field(() => DateScalar, { description: 'First day it applies.' })
  @Column({ type: 'date' })
  from!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day it applies, included; null when it runs until withdrawn.' })
  @Column({ type: 'date', nullable: true })
  to!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was withdrawn (tilbagekaldt); it stopped applying at that moment.' })
  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  withdrawnBy!: string | null;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  /** CITIZEN when the citizen recorded it themselves, else the staff role. */
  @Column({ type: 'varchar', length: 24 })
  recordedByRole!: string;

  @Field(() => Date, { description: 'When it was recorded.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
