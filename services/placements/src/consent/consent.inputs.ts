import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '@jobcenter/kit';
import { ConsentPartyKind } from './consent.enums';

@InputType({ description: 'A consent to record (samtykke): what may be shared with whom, for what, from when to when.' })
export class ConsentInput {
  @Field({ description: 'Who may receive the information, in words (e.g. "Kværndrup Kro, kromutter").' })
  @MaxLength(200)
  party!: string;

  @Field({ description: 'For what (formål).' })
  @MaxLength(2000)
  purpose!: string;

  @Field(() => DateScalar, { nullable: true, description: 'First day; defaults to today.' })
  from?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day, included; left out, it runs until withdrawn. Before `from` is BAD_USER_INPUT.',
  })
  to?: string | null;

  @Field(() => ConsentPartyKind, {
    nullable: true,
    description: 'What kind of party; defaults to EMPLOYER with a `companyId`, PROVIDER with a `providerId`, else OTHER.',
  })
  partyKind?: ConsentPartyKind | null;

  @Field(() => ID, { nullable: true, description: "The company (EMPLOYER): sharing a placement's follow-up notes with it needs this." })
  companyId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The provider (PROVIDER or ASSOCIATION): a referral to a civil-society provider becoming ACTIVE needs this.',
  })
  @IsOptional()
  providerId?: string | null;
}
