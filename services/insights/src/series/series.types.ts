import { Field, Float, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '@jobcenter/kit';
import { Breakdown, Measure } from './series.enums';

@ObjectType({ description: 'One month of a series (one breakdown key of it). Protected: see Series.method.' })
export class SeriesPoint {
  @Field(() => String, { description: 'The month, "YYYY-MM" (Copenhagen time).' })
  month!: string;

  @Field(() => String, { nullable: true, description: "The breakdown's value (e.g. a target group or team); null without a breakdown." })
  key!: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'The figure, perturbed (cell-key method): a count is within ±2 of the true one; null when withheld (1–4 people) or when there is nothing to divide by.',
  })
  value!: number | null;

  @Field(() => Boolean, { description: 'True when the figure is withheld because it would describe 1–4 people: show "<5".' })
  suppressed!: boolean;
}

@ObjectType({ description: 'A monthly series of one dashboard figure, possibly broken down; aggregates only, disclosure-controlled.' })
export class Series {
  @Field(() => Measure, { description: 'The figure.' })
  measure!: Measure;

  @Field(() => Breakdown, { description: 'What it is broken down by.' })
  breakdown!: Breakdown;

  @Field(() => [SeriesPoint], { description: 'Month by month (and key by key); months after today have none.' })
  points!: SeriesPoint[];

  @Field(() => DateTimeScalar, { description: 'The time of the newest event the figures include ("figures as of").' })
  asOf!: Date;

  @Field(() => String, { description: 'How the figures are protected against disclosure, in one sentence.' })
  method!: string;
}
