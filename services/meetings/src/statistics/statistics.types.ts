import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { SUPPRESSED_FIELD_DESCRIPTION, SUPPRESSIBLE } from '@jobcenter/kit';

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
