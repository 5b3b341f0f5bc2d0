import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@jobcenter/kit';
import { MeetingsCitizen } from '../federation/citizen-ref';

/** The citizen's follow-up rhythm: how often, when the next follow-up is due, and whether it is overdue. */
@ObjectType({ description: "A citizen's follow-up rhythm (opfølgningsrytme): the interval, the next due date and whether it is overdue." })
export class FollowUpRhythm {
  @Field(() => MeetingsCitizen, { description: 'The citizen.' })
  citizen!: MeetingsCitizen;

  @Field(() => Int, { description: "Days between follow-up conversations: set for the citizen, else the target group's default." })
  intervalDays!: number;

  @Field({ description: "True when set for this citizen with `setFollowUpInterval`; false while the target group's default applies." })
  custom!: boolean;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When the next follow-up is due: the interval after the last held contact; today when none has been held.',
  })
  nextDue!: string | null;

  @Field({ description: 'True when the due date has passed and no follow-up contact is booked ahead.' })
  overdue!: boolean;
}
