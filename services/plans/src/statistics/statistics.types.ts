import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ProgressDimension } from '../progress/progress.enums';

@ObjectType({
  description:
    "Average progression on one dimension between each citizen's first and latest assessment of it. Only dimensions with at " +
    'least 5 such citizens are given (small-cell suppression).',
})
export class ProgressionStatistic {
  @Field(() => ProgressDimension, { description: 'The dimension.' })
  dimension!: ProgressDimension;

  @Field(() => Int, {
    description:
      'Citizens assessed on this dimension at least twice, rounded to a multiple of 5; never fewer than 5 (a dimension with fewer is left out).',
  })
  citizens!: number;

  @Field(() => Float, {
    description:
      'Average of the first scores, protected against differencing: perturbed within what one person can change and rounded to 0.1.',
  })
  averageFirst!: number;

  @Field(() => Float, { description: 'Average of the latest scores, protected like averageFirst.' })
  averageLatest!: number;

  @Field(() => Float, { description: 'averageLatest − averageFirst.' })
  averageChange!: number;
}
