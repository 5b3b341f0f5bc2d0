import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { badUserInput, DateScalar, GroupCourseStatistics, MeetingStatistics, RequestContext } from '@jobcenter/kit';
import { assertMayReadStatistics } from '@jobcenter/kit/access';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { MeetingsLoaders } from '../loaders';
import { groupCourseStatistics, meetingStatistics } from './statistics.queries';

type Context = RequestContext<MeetingsLoaders>;

function checkPeriod(from: string, to: string) {
  if (to < from) throw badUserInput('to: the period ends before it begins.', 'to');
}

/** Aggregated figures for dashboards: staff (analysts included), never citizens. */
@Resolver()
export class StatisticsResolver {
  @Query(() => MeetingStatistics, { description: 'Meeting outcomes in a period (Copenhagen dates, inclusive), for dashboards.' })
  meetingStatistics(
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Ctx() ctx: Context,
  ): Promise<MeetingStatistics> {
    assertMayReadStatistics(ctx.actor);
    checkPeriod(from, to);
    return meetingStatistics(ctx.dataSource, from, to, todayInCopenhagen());
  }

  @Query(() => GroupCourseStatistics, { description: 'Occupancy and attendance of group courses starting in a period, for dashboards.' })
  groupCourseStatistics(
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Ctx() ctx: Context,
  ): Promise<GroupCourseStatistics> {
    assertMayReadStatistics(ctx.actor);
    checkPeriod(from, to);
    return groupCourseStatistics(ctx.dataSource, from, to);
  }
}
