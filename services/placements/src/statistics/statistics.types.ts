import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { SUPPRESSED_FIELD_DESCRIPTION, SUPPRESSIBLE } from '@jobcenter/kit';

@ObjectType('CountByKey', { description: 'A count for one value of a grouping key.' })
@Directive('@shareable')
export class PlacementCountByKey {
  @Field({ description: 'The value counted.' })
  key!: string;

  @Field(() => Int, { description: 'How many.' })
  count!: number;
}

@ObjectType({ description: 'Placements counted for dashboards for a period; no personal data.' })
@Directive('@shareable')
export class PlacementStatistics {
  @Field(() => Int, { description: 'ACTIVE placements whose period overlaps the report period.' + SUPPRESSIBLE })
  active!: number;

  @Field(() => Int, { description: 'Placements completed (ended) within the period.' + SUPPRESSIBLE })
  completed!: number;

  @Field(() => [PlacementCountByKey], {
    description:
      'The active and completed placements above, by kind; every kind listed except those withheld (a kind of 1–4 citizens, and ' +
      'the next smallest with it so the sum gives none away), which `suppressed` names as `byKind.KIND`.',
  })
  byKind!: PlacementCountByKey[];

  @Field(() => Int, {
    description:
      'Completed in the period with outcome ORDINARY_EMPLOYMENT.' +
      SUPPRESSIBLE +
      ' Also withheld when it is the smallest other ' +
      'outcome beside a withheld one, as `completed` would otherwise reveal that.',
  })
  toOrdinaryEmployment!: number;

  @Field(() => Int, {
    description:
      'Completed in the period with outcome EDUCATION.' +
      SUPPRESSIBLE +
      ' Also withheld when it is the smallest other outcome beside ' +
      'a withheld one, as `completed` would otherwise reveal that.',
  })
  toEducation!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Share (0–1) of the completed placements that ended in ordinary employment or education; null when none completed, or ' +
      '(listed in `suppressed`) when they are of fewer than 5 citizens or any outcome (employment, education, the rest) is of 1–4.',
  })
  employmentRate!: number | null;

  @Field(() => [String], { description: SUPPRESSED_FIELD_DESCRIPTION })
  suppressed!: string[];
}
