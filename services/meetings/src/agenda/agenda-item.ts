import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { GroupSession } from '../course/group-session.entity';
import { Meeting } from '../meeting/meeting.entity';

export enum AgendaItemKind {
  MEETING = 'MEETING',
  GROUP_SESSION = 'GROUP_SESSION',
}
registerEnumType(AgendaItemKind, {
  name: 'AgendaItemKind',
  description: 'What an agenda entry is.',
  valuesConfig: {
    MEETING: { description: 'A meeting with a citizen' },
    GROUP_SESSION: { description: 'A session of a group course the staff member runs' },
  },
});

@ObjectType({ description: "One entry in a staff member's calendar (kalender): a meeting or a group course session." })
export class AgendaItem {
  @Field(() => AgendaItemKind, { description: 'Meeting or group session.' })
  kind!: AgendaItemKind;

  @Field({ description: 'Start (UTC).' })
  startsAt!: Date;

  @Field({ description: 'End (UTC).' })
  endsAt!: Date;

  @Field({ description: 'A short title, e.g. "Network meeting" or "Trivsel i hverdagen, session 3 of 8".' })
  title!: string;

  @Field(() => Meeting, { nullable: true, description: 'The meeting, for MEETING entries.' })
  meeting!: Meeting | null;

  @Field(() => GroupSession, { nullable: true, description: 'The session, for GROUP_SESSION entries (its course via `course`).' })
  session!: GroupSession | null;
}
