import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ProgressDimension } from '../progress/progress.enums';

@ObjectType({
  description:
    'Milestones whose deadline falls in the period, by where they stand today; no personal data. ' +
    'The buckets do not overlap: open past the deadline is `overdue`, marked MISSED is `missed`.',
})
export class MilestoneStatistics {
  @Field(() => Int, { description: 'Achieved (nået).' })
  achieved!: number;

  @Field(() => Int, { description: 'Marked MISSED (ikke nået).' })
  missed!: number;

  @Field(() => Int, { description: 'PLANNED or IN_PROGRESS with the deadline passed (overskredet).' })
  overdue!: number;

  @Field(() => Int, { description: 'PLANNED or IN_PROGRESS with the deadline still ahead.' })
  open!: number;

  @Field(() => Int, { description: 'Replaced by a revised milestone.' })
  revised!: number;

  @Field(() => Int, { description: 'Dropped.' })
  dropped!: number;

  @Field(() => Float, { nullable: true, description: 'achieved / (achieved + missed + overdue); null when none of those.' })
  achievementRate!: number | null;
}

@ObjectType({ description: "Average progression on one dimension between each citizen's first and latest assessment of it." })
export class ProgressionStatistic {
  @Field(() => ProgressDimension, { description: 'The dimension.' })
  dimension!: ProgressDimension;

  @Field(() => Int, { description: 'Citizens assessed on this dimension at least twice.' })
  citizens!: number;

  @Field(() => Float, { description: 'Average of the first scores.' })
  averageFirst!: number;

  @Field(() => Float, { description: 'Average of the latest scores.' })
  averageLatest!: number;

  @Field(() => Float, { description: 'averageLatest − averageFirst.' })
  averageChange!: number;
}
