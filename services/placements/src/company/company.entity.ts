import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CompanyContact } from './company-contact';
import { CompanySize } from './company.enums';

/**
 * A company the jobcenter works with (virksomhed). Not personal data: any staff member may read
 * it. The CVR number is unique, so two registrations of one company cannot both succeed.
 */
@Entity('company')
@Index('ix_company_name', ['name'])
@ObjectType({ description: 'A company that takes citizens in placements (virksomhed).' })
@Directive('@key(fields: "id")')
export class Company {
  @Field(() => ID, { description: 'Unique id.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'Danish company number, 8 digits (CVR-nummer).' })
  @Index('uq_company_cvr', { unique: true })
  @Column({ type: 'char', length: 8 })
  cvr!: string;

  @Field({ description: 'Company name (virksomhedsnavn).' })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Industry (branche), e.g. "Restaurant and inn".' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  industry!: string | null;

  @Field(() => CompanySize, { nullable: true, description: 'Company size (virksomhedsstørrelse).' })
  @Column({ type: 'varchar', length: 8, nullable: true })
  size!: CompanySize | null;

  @Field({ description: 'Whether the company has a partnership agreement with the municipality (partnerskabsaftale).' })
  @Column({ type: 'boolean', default: false })
  partnership!: boolean;

  @Field(() => [CompanyContact], { description: 'Contact persons at the company (kontaktpersoner).' })
  @Column({ type: 'jsonb', default: () => "'[]'" })
  contacts!: CompanyContact[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
