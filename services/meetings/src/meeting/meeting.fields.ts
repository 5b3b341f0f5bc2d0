import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequestContext } from '@jobcenter/kit';
import { citizenRef, MeetingsCitizen } from '../federation/citizen-ref';
import { MeetingsStaffMember, staffRef } from '../federation/staff-ref';
import { MeetingsLoaders } from '../loaders';
import { MeetingParticipant } from './meeting-participant.entity';
import { Meeting } from './meeting.entity';
import { MinutesAmendment } from './minutes-amendment.entity';

type Context = RequestContext<MeetingsLoaders>;

/** Fields of Meeting beyond its own row; lists go through the request's DataLoaders. */
@Resolver(() => Meeting)
export class MeetingFieldsResolver {
  @FieldResolver(() => MeetingsCitizen, { description: 'The citizen the meeting is with (borger).' })
  citizen(@Root() meeting: Meeting): MeetingsCitizen {
    return citizenRef(meeting.citizenId);
  }

  @FieldResolver(() => [MeetingParticipant], { description: 'Who takes part (deltagere), in the order they were given.' })
  participants(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<MeetingParticipant[]> {
    return ctx.loaders.participantsByMeeting.load(meeting.id);
  }

  @FieldResolver(() => [MinutesAmendment], {
    description: 'Corrections of the recorded outcome, oldest first, each with what it said before.',
  })
  amendments(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<MinutesAmendment[]> {
    return ctx.loaders.amendmentsByMeeting.load(meeting.id);
  }
}

@Resolver(() => MeetingParticipant)
export class MeetingParticipantResolver {
  @FieldResolver(() => MeetingsStaffMember, { nullable: true, description: 'The staff member, for staff roles.' })
  staff(@Root() participant: MeetingParticipant): MeetingsStaffMember | null {
    return participant.staffId ? staffRef(participant.staffId) : null;
  }
}
