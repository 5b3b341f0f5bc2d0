import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Meetings counted for dashboards (mødestatistik); no personal data.' })
export class MeetingStatistics {
  @Field(() => Int, { description: 'Meetings held (afholdt) that started in the period.' })
  held!: number;

  @Field(() => Int, { description: 'Meetings the citizen did not come to without a lawful excuse (udeblivelser).' })
  noShow!: number;

  @Field(() => Int, { description: 'Meetings missed with a lawful excuse (lovligt forfald).' })
  excused!: number;

  @Field(() => Int, { description: 'Meetings cancelled (aflyst).' })
  cancelled!: number;

  @Field(() => Int, { description: 'Meetings still planned (no outcome recorded yet).' })
  planned!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'held / (held + noShow): a lawful excuse does not count against it. Null when neither occurred.',
  })
  attendanceRate!: number | null;

  @Field(() => Int, {
    description:
      'Citizens overdue for a network meeting at the end of the period (or today, if earlier): last held network meeting more than ' +
      '3 months before, or none while their first contact with this service is more than 3 months before. Counts only citizens this ' +
      'service has met or enrolled; first contact stands in for the enrolment date, which the citizens service owns.',
  })
  networkMeetingsOverdue!: number;
}

@ObjectType({ description: 'Group courses counted for dashboards (gruppeforløb); no personal data.' })
export class GroupCourseStatistics {
  @Field(() => Int, { description: 'Courses starting in the period.' })
  courses!: number;

  @Field(() => Int, { description: 'Places on those courses (sum of capacities).' })
  seats!: number;

  @Field(() => Int, { description: 'Citizens enrolled on those courses.' })
  enrolled!: number;

  @Field(() => Float, { nullable: true, description: 'enrolled / seats (belægning). Null when there are no courses.' })
  occupancyRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'present / (present + absent) over the recorded attendance of those courses; excused absence does not count. Null before any is recorded.',
  })
  attendanceRate!: number | null;
}
