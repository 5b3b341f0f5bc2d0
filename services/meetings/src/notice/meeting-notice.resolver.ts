import { Arg, Ctx, Directive, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { appendAccessLog, accessLogRows, isUuid, RequestContext, requireRole } from '@jobcenter/kit';
import { MeetingsLoaders } from '../loaders';
import { MeetingParticipant } from '../meeting/meeting-participant.entity';
import { Meeting } from '../meeting/meeting.entity';

@ObjectType({
  description: 'What a notice to the citizen about a meeting says: when, where, with whom. For the notification service only.',
})
export class MeetingNotice {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  citizenId!: string;

  @Field(() => String)
  kind!: string;

  @Field(() => String)
  status!: string;

  @Field(() => Date)
  scheduledAt!: Date;

  @Field(() => Int)
  durationMinutes!: number;

  @Field(() => String, { nullable: true })
  location!: string | null;

  @Field(() => [ID], { description: 'The staff taking part (names are in the citizens service).' })
  staffIds!: string[];
}

/**
 * The citizens service's notification worker looks a meeting's details up here at send time
 * (events carry ids and codes only). SERVICE identity only, hidden from the composed API, and
 * the look-up is on the citizen's access log (the notice puts time and place in a message).
 */
@Resolver()
export class MeetingNoticeResolver {
  @Directive('@inaccessible')
  @Query(() => MeetingNotice, { nullable: true, description: "A meeting's time, place and staff, for the citizen's notice." })
  async meetingNotice(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext<MeetingsLoaders>): Promise<MeetingNotice | null> {
    requireRole(ctx.actor, ['SERVICE'], 'read meeting notices');
    if (!isUuid(id)) return null;
    const meeting = await ctx.dataSource.getRepository(Meeting).findOne({ where: { id } });
    if (!meeting) return null;
    const participants = await ctx.dataSource
      .getRepository(MeetingParticipant)
      .find({ where: { meetingId: id }, order: { position: 'ASC' } });
    await appendAccessLog(
      ctx.dataSource,
      accessLogRows([{ citizenId: meeting.citizenId, kind: 'meeting time and place (notice)', purpose: 'CASE_WORK' }], {
        actor: ctx.actor,
        requestId: ctx.requestId,
        operationName: 'meetingNotice',
        domain: 'meetings',
        change: false,
      }),
    );
    return {
      id: meeting.id,
      citizenId: meeting.citizenId,
      kind: meeting.kind,
      status: meeting.status,
      scheduledAt: meeting.scheduledAt,
      durationMinutes: meeting.durationMinutes,
      location: meeting.location,
      staffIds: participants.map((p) => p.staffId).filter((s): s is string => !!s),
    };
  }
}
