import { IsOptional, MaxLength } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { DateScalar } from '@jobcenter/kit';
import { ProgressDimension } from './progress.enums';

@InputType({ description: 'A score on one dimension.' })
export class ProgressScoreInput {
  @Field(() => ProgressDimension, { description: 'The dimension scored.' })
  dimension!: ProgressDimension;

  @Field(() => Int, { description: 'From 1 to 10.' })
  score!: number;
}

@InputType({ description: 'A progression measurement (progressionsmåling) to record.' })
export class RecordProgressInput {
  @Field(() => DateScalar, { nullable: true, description: 'Day of the assessment; defaults to today, not in the future.' })
  assessedAt?: string;

  @Field(() => [ProgressScoreInput], { description: 'Each dimension at most once, scores 1–10.' })
  scores!: ProgressScoreInput[];

  @Field(() => String, { nullable: true, description: 'What was said about the scores.' })
  @IsOptional()
  @MaxLength(4000)
  note?: string | null;
}
