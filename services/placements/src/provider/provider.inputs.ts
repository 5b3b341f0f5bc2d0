import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { OfferKind } from './offer-kind';

@InputType({ description: 'A provider of offers new to the jobcenter.' })
export class RegisterProviderInput {
  @Field({ description: 'Name (navn).' })
  @MaxLength(200)
  name!: string;

  @Field(() => [OfferKind], { description: 'The kinds of offer it gives; at least one.' })
  @ArrayMaxSize(8)
  kinds!: OfferKind[];

  @Field({ nullable: true, description: 'CVR number (CVR-nummer): 8 digits, spaces allowed; checked with modulus 11.' })
  @IsOptional()
  cvr?: string;

  @Field({ nullable: true, description: 'An association or volunteer group (civilsamfund); defaults to false.' })
  civilSociety?: boolean;

  @Field({ nullable: true, description: 'How to reach the provider: a contact person, phone or e-mail.' })
  @IsOptional()
  @MaxLength(400)
  contact?: string;
}
