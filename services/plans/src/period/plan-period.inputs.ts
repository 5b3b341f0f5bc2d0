import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DateScalar } from '@jobcenter/kit';

@InputType({ description: 'What a network meeting (netværksmøde) writes into the plan.' })
export class RecordPlanPeriodInput {
  @Field(() => DateScalar, { nullable: true, description: 'Date of the meeting; defaults to today, not in the future.' })
  meetingDate?: string;

  @Field({ description: 'Status of the period that ended (status for perioden).' })
  @MaxLength(4000)
  pastPeriodStatus!: string;

  @Field({ description: 'Goals for the next period (mål for næste periode).' })
  @MaxLength(4000)
  nextPeriodGoals!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When the plan is looked at again; after the meeting.' })
  nextReviewDate?: string;
}
