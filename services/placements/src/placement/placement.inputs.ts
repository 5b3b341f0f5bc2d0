import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { DateScalar } from '@jobcenter/kit';
import { PlacementKind, PlacementPurpose } from './placement.enums';

@InputType({ description: 'A placement proposed for a citizen at a company. Checked against the legal maximum length.' })
export class ProposePlacementInput {
  @Field(() => ID, { description: 'The citizen (borger).' })
  citizenId!: string;

  @Field(() => ID, { description: 'The company (virksomhed), registered with registerCompany.' })
  companyId!: string;

  @Field(() => PlacementKind, { description: 'Kind of placement.' })
  kind!: PlacementKind;

  @Field(() => DateScalar, { description: 'First day; may be in the past when recorded after the fact.' })
  startDate!: string;

  @Field(() => DateScalar, { description: 'Last day, included; at most `maxEndDate` for the kind and target group.' })
  endDate!: string;

  @Field(() => PlacementPurpose, { nullable: true, description: 'Why (formål).' })
  purpose?: PlacementPurpose;

  @Field(() => Float, { nullable: true, description: 'Agreed hours per week, 1 to 48.' })
  @IsOptional()
  @Min(1, { message: 'must be at least 1 hour' })
  @Max(48, { message: 'must be at most 48 hours' })
  hoursPerWeek?: number;

  @Field(() => ID, { nullable: true, description: 'The job consultant (jobkonsulent); defaults to you when you are one.' })
  jobConsultantId?: string;

  @Field({ nullable: true, description: 'Mentor at the company, if any.' })
  @IsOptional()
  @MaxLength(200)
  mentor?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The placement this one continues (pathway: e.g. a wage subsidy after an internship): the same citizen at the same company, ACTIVE or COMPLETED, starting no earlier than this one; at most one continuation each (CONFLICT).',
  })
  continuesPlacementId?: string;
}

@InputType({ description: 'A dated follow-up on a placement.' })
export class FollowUpInput {
  @Field(() => DateScalar, { nullable: true, description: 'Day of the contact; defaults to today and cannot be in the future.' })
  date?: string;

  @Field({ description: 'What was said and agreed.' })
  @MaxLength(4000)
  note!: string;
}
