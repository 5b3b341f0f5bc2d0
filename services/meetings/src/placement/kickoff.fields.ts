import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequestContext } from '@jobcenter/kit';
import { mayReadCitizen } from '../access';
import { MeetingsLoaders } from '../loaders';
import { Meeting } from '../meeting/meeting.entity';
import { currentKickoff } from './kickoff.rules';
import { MeetingsPlacement, placementRef } from './placement-ref';

type Context = RequestContext<MeetingsLoaders>;

/** The meetings subgraph's field on Placement: its kick-off meeting (opstartsmøde). */
@Resolver(() => MeetingsPlacement)
export class PlacementKickoffResolver {
  @FieldResolver(() => Meeting, {
    nullable: true,
    description:
      'The kick-off meeting (opstartsmøde) with the company, booked with this placement: the newest one not cancelled (else the newest). Null when none is booked. A placement starts only after it is held, or with a recorded reason.',
  })
  async kickoff(@Root() placement: MeetingsPlacement, @Ctx() ctx: Context): Promise<Meeting | null> {
    const meeting = currentKickoff(await ctx.loaders.kickoffsByPlacement.load(placement.id));
    if (!meeting || !(await mayReadCitizen(ctx, meeting.citizenId))) return null;
    return meeting;
  }
}

/** Meeting.placement: the placement a meeting is about, resolved by the placements subgraph. */
@Resolver(() => Meeting)
export class MeetingPlacementResolver {
  @FieldResolver(() => MeetingsPlacement, {
    nullable: true,
    description: 'The placement the meeting is about (e.g. its kick-off); null if none.',
  })
  placement(@Root() meeting: Meeting): MeetingsPlacement | null {
    return meeting.placementId ? placementRef(meeting.placementId) : null;
  }
}
