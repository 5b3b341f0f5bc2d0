import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { badUserInput, changeTransaction, isUuid, RequestContext } from '@jobcenter/kit';
import { assertMayWriteFor, mayReadCitizen } from '../access';
import {
  followUpStatusOf,
  FollowUpStatus,
  FOLLOW_UP_INTERVAL,
  defaultFollowUpIntervalDays,
  validFollowUpInterval,
} from '../cadence/cadence.rules';
import { cadenceKey } from '../cadence/cadence.loader';
import { citizenRef } from '../federation/citizen-ref';
import { MeetingsLoaders } from '../loaders';
import { FollowUpInterval } from './follow-up-interval.entity';
import { FollowUpRhythm } from './follow-up-rhythm.type';

type Context = RequestContext<MeetingsLoaders>;

/**
 * The citizen's follow-up interval: the one set for them, else their target group's default,
 * which only the citizens service knows (asked only when no interval was set).
 */
export async function followUpIntervalOf(ctx: Context, citizenId: string): Promise<{ days: number; custom: boolean }> {
  const own = await ctx.loaders.followUpIntervalByCitizen.load(citizenId);
  if (own) return { days: own.days, custom: true };
  return { days: defaultFollowUpIntervalDays(await ctx.loaders.targetGroup.load(citizenId)), custom: false };
}

/** When the next follow-up is due on the citizen's own rhythm (caller has checked access). */
export async function followUpOf(ctx: Context, citizenId: string): Promise<FollowUpStatus & { days: number; custom: boolean }> {
  const now = new Date();
  const [interval, last, booked] = await Promise.all([
    followUpIntervalOf(ctx, citizenId),
    ctx.loaders.cadence.load(cadenceKey('lastFollowUp', citizenId)),
    ctx.loaders.cadence.load(cadenceKey('bookedFollowUp', citizenId)),
  ]);
  return { ...followUpStatusOf(last, booked !== null && booked.scheduledAt >= now, now, interval.days), ...interval };
}

async function rhythmOf(ctx: Context, citizenId: string): Promise<FollowUpRhythm> {
  const status = await followUpOf(ctx, citizenId);
  return {
    citizen: citizenRef(citizenId),
    intervalDays: status.days,
    custom: status.custom,
    nextDue: status.dueOn,
    overdue: status.overdue,
  };
}

@Resolver(() => FollowUpRhythm)
export class FollowUpResolver {
  @Query(() => FollowUpRhythm, {
    nullable: true,
    description:
      "A citizen's follow-up rhythm (opfølgningsrytme): interval, next due date, overdue. Null for an unknown citizen; a citizen " +
      'reads their own.',
  })
  async followUpRhythm(@Arg('citizenId', () => ID) citizenId: string, @Ctx() ctx: Context): Promise<FollowUpRhythm | null> {
    if (!isUuid(citizenId) || !(await mayReadCitizen(ctx, citizenId))) return null;
    return rhythmOf(ctx, citizenId);
  }

  @Mutation(() => FollowUpRhythm, {
    description: `Sets how often the citizen has a follow-up conversation: ${FOLLOW_UP_INTERVAL.minDays}–${FOLLOW_UP_INTERVAL.maxDays} days. Staff of the citizen's team.`,
  })
  async setFollowUpInterval(
    @Arg('citizenId', () => ID) citizenId: string,
    @Arg('days', () => Int, {
      description: `Days between follow-up conversations, ${FOLLOW_UP_INTERVAL.minDays} to ${FOLLOW_UP_INTERVAL.maxDays}.`,
    })
    days: number,
    @Ctx() ctx: Context,
  ): Promise<FollowUpRhythm> {
    if (!validFollowUpInterval(days)) {
      throw badUserInput(
        `days: a follow-up interval is ${FOLLOW_UP_INTERVAL.minDays} to ${FOLLOW_UP_INTERVAL.maxDays} whole days (got ${days}).`,
        'days',
      );
    }
    if (!isUuid(citizenId)) throw badUserInput(`citizenId: "${citizenId}" is not a citizen id.`, 'citizenId');
    await assertMayWriteFor(ctx, citizenId, 'set the follow-up interval');
    await changeTransaction(ctx, async (tx) => {
      await tx
        .getRepository(FollowUpInterval)
        .upsert({ citizenId, days, setBy: ctx.actor.id.slice(0, 80), setAt: new Date() }, { conflictPaths: ['citizenId'] });
    });
    ctx.loaders.followUpIntervalByCitizen.clear(citizenId);
    return rhythmOf(ctx, citizenId);
  }
}
