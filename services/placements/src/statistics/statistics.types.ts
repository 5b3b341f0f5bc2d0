import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('CountByKey', { description: 'A count for one value of a grouping key.' })
@Directive('@shareable')
export class PlacementCountByKey {
  @Field({ description: 'The value counted.' })
  key!: string;

  @Field(() => Int, { description: 'How many.' })
  count!: number;
}

@ObjectType({ description: 'Placements counted for dashboards for a period; no personal data.' })
export class PlacementStatistics {
  @Field(() => Int, { description: 'ACTIVE placements whose period overlaps the report period.' })
  active!: number;

  @Field(() => Int, { description: 'Placements completed (ended) within the period.' })
  completed!: number;

  @Field(() => [PlacementCountByKey], { description: 'The active and completed placements above, by kind; every kind listed.' })
  byKind!: PlacementCountByKey[];

  @Field(() => Int, { description: 'Completed in the period with outcome ORDINARY_EMPLOYMENT.' })
  toOrdinaryEmployment!: number;

  @Field(() => Int, { description: 'Completed in the period with outcome EDUCATION.' })
  toEducation!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Share (0–1) of the completed placements that ended in ordinary employment or education; null when none completed.',
  })
  employmentRate!: number | null;
}
