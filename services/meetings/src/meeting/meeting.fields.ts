import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Agreement, agreementFromSnapshot, AgreementSnapshot } from '../agreement/agreement.entity';
import { RequestContext } from '@jobcenter/kit';
import { citizenRef, MeetingsCitizen } from '../federation/citizen-ref';
import { MeetingsStaffMember, staffRef } from '../federation/staff-ref';
import { MeetingsLoaders } from '../loaders';
import { MeetingParticipant } from './meeting-participant.entity';
import { Meeting } from './meeting.entity';
import { MeetingStatus } from './meeting.enums';
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
  async amendments(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<MinutesAmendment[]> {
    const amendments = await ctx.loaders.amendmentsByMeeting.load(meeting.id);
    return amendments.map((a) =>
      Object.assign(new MinutesAmendment(), a, {
        previousAgreements: (a.previousAgreements as unknown as AgreementSnapshot[]).map(agreementFromSnapshot),
      }),
    );
  }

  @FieldResolver(() => [Agreement], {
    description: 'What was agreed (aftaler): each with who carries it, a deadline where there is one, and its status.',
  })
  agreements(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<Agreement[]> {
    return ctx.loaders.agreementsByMeeting.load(meeting.id);
  }

  @FieldResolver(() => [Agreement], {
    description:
      "The agenda's follow-up points (dagsorden): the citizen's agreements from earlier meetings that are still OPEN, " +
      'earliest deadline first.',
  })
  async openAgreementsBefore(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<Agreement[]> {
    const open = await ctx.loaders.openAgreementsByCitizen.load(meeting.citizenId);
    if (open.length === 0) return [];
    const meetings = await ctx.loaders.meetingById.loadMany([...new Set(open.map((a) => a.meetingId))]);
    const earlier = new Set(
      meetings.flatMap((m) => (m && !(m instanceof Error) && m.scheduledAt < meeting.scheduledAt && m.id !== meeting.id ? [m.id] : [])),
    );
    return open.filter((a) => earlier.has(a.meetingId));
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why the meeting was cancelled (årsag til aflysning); see also `reason`.' })
  cancelReason(@Root() meeting: Meeting): string | null {
    return meeting.status === MeetingStatus.CANCELLED ? meeting.reason : null;
  }
}

@Resolver(() => MeetingParticipant)
export class MeetingParticipantResolver {
  @FieldResolver(() => MeetingsStaffMember, { nullable: true, description: 'The staff member, for staff roles.' })
  staff(@Root() participant: MeetingParticipant): MeetingsStaffMember | null {
    return participant.staffId ? staffRef(participant.staffId) : null;
  }
}
