import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { SUPPRESSED_FIELD_DESCRIPTION, SUPPRESSIBLE } from '@jobcenter/kit';
import { ProgressDimension } from '../progress/progress.enums';

@ObjectType({
  description:
    'Milestones whose deadline falls in the period, by where they stand today; no personal data. A bucket whose milestones ' +
    'belong to 1–4 citizens is withheld (small-cell suppression). ' +
    'The buckets do not overlap: open past the deadline is `overdue`, marked MISSED is `missed`.',
})
@Directive('@shareable')
export class MilestoneStatistics {
  @Field(() => Int, { description: 'Achieved (nået).' + SUPPRESSIBLE })
  achieved!: number;

  @Field(() => Int, { description: 'Marked MISSED (ikke nået).' + SUPPRESSIBLE })
  missed!: number;

  @Field(() => Int, { description: 'PLANNED or IN_PROGRESS with the deadline passed (overskredet).' + SUPPRESSIBLE })
  overdue!: number;

  @Field(() => Int, { description: 'PLANNED or IN_PROGRESS with the deadline still ahead.' + SUPPRESSIBLE })
  open!: number;

  @Field(() => Int, { description: 'Replaced by a revised milestone.' + SUPPRESSIBLE })
  revised!: number;

  @Field(() => Int, { description: 'Dropped.' + SUPPRESSIBLE })
  dropped!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'achieved / (achieved + missed + overdue); null when none of those, or (listed in `suppressed`) when they concern fewer than 5 ' +
      'citizens or any of the three is withheld.',
  })
  achievementRate!: number | null;

  @Field(() => [String], { description: SUPPRESSED_FIELD_DESCRIPTION })
  suppressed!: string[];
}

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
