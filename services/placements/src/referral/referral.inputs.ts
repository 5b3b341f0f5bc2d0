import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '@jobcenter/kit';
import { OfferKind } from '../provider/offer-kind';

@InputType({ description: 'A citizen referred to a provider for an offer. Checked against the rules (mentor support: at most 6 months).' })
export class ReferralInput {
  @Field(() => ID, { description: 'The citizen (borger).' })
  citizenId!: string;

  @Field(() => ID, { description: 'The provider (tilbudsgiver), registered with registerProvider.' })
  providerId!: string;

  @Field(() => OfferKind, { description: 'The kind of offer; one the provider gives.' })
  kind!: OfferKind;

  @Field(() => DateScalar, { description: 'First day; may be in the past when recorded after the fact.' })
  startDate!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Last day, included; at most `maxEndDate` where a rule limits the length. Left out: open-ended, or the longest agreement a rule allows.',
  })
  endDate?: string;

  @Field({ nullable: true, description: 'What the offer is for, in words (formål).' })
  @IsOptional()
  @MaxLength(2000)
  purpose?: string;

  @Field(() => ID, { nullable: true, description: "The milestone of the citizen's plan the offer serves (milepæl), if any." })
  milestoneId?: string;
}
