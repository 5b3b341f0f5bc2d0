import { Field, ObjectType } from 'type-graphql';

/** A contact person at a company (kontaktperson); stored with the company. */
@ObjectType({ description: 'A contact person at the company (kontaktperson).' })
export class CompanyContact {
  @Field({ description: 'Full name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  email!: string | null;
}
