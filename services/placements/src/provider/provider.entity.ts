import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { OfferKind } from './offer-kind';

/**
 * A provider of offers beyond company placements (tilbudsgiver): a course provider or AMU centre,
 * a school, a treatment centre, a mentor firm, an association or volunteer group. Not personal
 * data: any staff member may read it. A CVR number, when given, is registered once.
 */
@Entity('provider')
@Index('ix_provider_name', ['name'])
@Index('uq_provider_cvr', ['cvr'], { unique: true, where: 'cvr IS NOT NULL' })
@ObjectType({
  description: 'A provider of offers (tilbudsgiver): course provider, school, treatment centre, mentor, association or volunteer group.',
})
@Directive('@key(fields: "id")')
export class Provider {
  @Field(() => ID, { description: 'Unique id.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'Name (navn).' })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field(() => [OfferKind], { description: 'The kinds of offer the provider gives; a referral must be for one of them.' })
  @Column({ type: 'varchar', length: 24, array: true })
  kinds!: OfferKind[];

  @Field(() => String, { nullable: true, description: 'Danish company number, 8 digits (CVR-nummer), when the provider has one.' })
  @Column({ type: 'char', length: 8, nullable: true })
  cvr!: string | null;

  @Field({
    description: "An association or volunteer group (civilsamfund): sharing a referral with it needs the citizen's consent in force.",
  })
  @Column({ type: 'boolean', default: false })
  civilSociety!: boolean;

  @Field(() => String, { nullable: true, description: 'How to reach the provider: a contact person, phone or e-mail (kontakt).' })
  @Column({ type: 'varchar', length: 400, nullable: true })
  contact!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
