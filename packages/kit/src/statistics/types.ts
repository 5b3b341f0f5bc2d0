// Decorated classes: the metadata polyfill before type-graphql reads them (also when imported alone).
import 'reflect-metadata';
import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { SUPPRESSED_FIELD_DESCRIPTION, SUPPRESSIBLE } from './suppression';

/*
 * The published statistics types, one definition for every subgraph that answers them: the
 * home subgraphs (citizens, plans, meetings, placements) and insights, which resolves their
 * Query fields through `@override`. Value types, `@shareable`, so each subgraph's schema holds
 * the same names, fields and descriptions and clients see no difference between them.
 */

@ObjectType({ description: 'A count for one value of a grouping key.' })
@Directive('@shareable')
export class CountByKey {
  @Field({ description: 'The value counted.' })
  key!: string;

  @Field(() => Int, { description: 'How many.' })
  count!: number;
}

@ObjectType({
  description: 'Citizens counted for dashboards; no personal data. Groups of 1–4 citizens are withheld (small-cell suppression).',
})
@Directive('@shareable')
export class CitizenStatistics {
  @Field(() => Int, { description: 'All registered citizens.' + SUPPRESSIBLE })
  total!: number;

  @Field(() => [CountByKey], {
    description:
      'Every status, including those with no citizens, except those withheld: a status of 1–4 citizens, and the next smallest with ' +
      'it so that total − the rest gives none away (named in `suppressed` as `byStatus.STATUS`).',
  })
  byStatus!: CountByKey[];

  @Field(() => [CountByKey], {
    description:
      'Every target group, including those with no citizens, except those withheld: a group of 1–4 citizens, and the next smallest ' +
      'with it (named in `suppressed` as `byTargetGroup.GROUP`).',
  })
  byTargetGroup!: CountByKey[];

  @Field(() => [String], { description: SUPPRESSED_FIELD_DESCRIPTION })
  suppressed!: string[];
}

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
  description: 'Meetings counted for dashboards (mødestatistik); no personal data. A count of meetings with 1–4 citizens is withheld.',
})
@Directive('@shareable')
export class MeetingStatistics {
  @Field(() => Int, { description: 'Meetings held (afholdt) that started in the period.' + SUPPRESSIBLE })
  held!: number;

  @Field(() => Int, { description: 'Meetings the citizen did not come to without a lawful excuse (udeblivelser).' + SUPPRESSIBLE })
  noShow!: number;

  @Field(() => Int, { description: 'Meetings missed with a lawful excuse (lovligt forfald).' + SUPPRESSIBLE })
  excused!: number;

  @Field(() => Int, { description: 'Meetings cancelled (aflyst).' + SUPPRESSIBLE })
  cancelled!: number;

  @Field(() => Int, { description: 'Meetings still planned (no outcome recorded yet).' + SUPPRESSIBLE })
  planned!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'held / (held + noShow): a lawful excuse does not count against it. Null when neither occurred, or (listed in `suppressed`) ' +
      'when held or noShow is withheld or they concern fewer than 5 citizens.',
  })
  attendanceRate!: number | null;

  @Field(() => Int, {
    description:
      'Citizens ACTIVE at the end of the period (or today, if earlier) who are overdue for a network meeting: their last held ' +
      'network meeting is more than 3 months before that day, or they have none and were enrolled more than 3 months before it. ' +
      "Exact in the federation (answered by insights from citizens' and meetings' events); the meetings subgraph on its own " +
      'approximates an active case by a meeting still planned and the enrolment by first contact.' +
      SUPPRESSIBLE,
  })
  networkMeetingsOverdue!: number;

  @Field(() => [String], { description: SUPPRESSED_FIELD_DESCRIPTION })
  suppressed!: string[];
}

@ObjectType({ description: 'Group courses counted for dashboards (gruppeforløb); no personal data.' })
@Directive('@shareable')
export class GroupCourseStatistics {
  @Field(() => Int, { description: 'Courses starting in the period (describes no one, so never withheld).' })
  courses!: number;

  @Field(() => Int, { description: 'Places on those courses (sum of capacities; describes no one, so never withheld).' })
  seats!: number;

  @Field(() => Int, { description: 'Citizens enrolled on those courses.' + SUPPRESSIBLE })
  enrolled!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'enrolled / seats (belægning). Null when there are no courses, or (listed in `suppressed`) when enrolled is withheld.',
  })
  occupancyRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'present / (present + absent) over the recorded attendance of those courses; excused absence does not count. Null before any ' +
      'is recorded, or (listed in `suppressed`) when it covers fewer than 5 citizens or the present or the absent are 1–4 citizens.',
  })
  attendanceRate!: number | null;

  @Field(() => [String], { description: SUPPRESSED_FIELD_DESCRIPTION })
  suppressed!: string[];
}

@ObjectType({ description: 'Placements counted for dashboards for a period; no personal data.' })
@Directive('@shareable')
export class PlacementStatistics {
  @Field(() => Int, { description: 'ACTIVE placements whose period overlaps the report period.' + SUPPRESSIBLE })
  active!: number;

  @Field(() => Int, { description: 'Placements completed (ended) within the period.' + SUPPRESSIBLE })
  completed!: number;

  @Field(() => [CountByKey], {
    description:
      'The active and completed placements above, by kind; every kind listed except those withheld (a kind of 1–4 citizens, and ' +
      'the next smallest with it so the sum gives none away), which `suppressed` names as `byKind.KIND`.',
  })
  byKind!: CountByKey[];

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
