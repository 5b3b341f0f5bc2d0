import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import {
  badUserInput,
  CitizenStatistics,
  DateScalar,
  forbidden,
  GroupCourseStatistics,
  MeetingStatistics,
  MilestoneStatistics,
  PlacementStatistics,
  RequestContext,
} from '@jobcenter/kit';
import { assertMayReadStatistics, requireStaff } from '@jobcenter/kit/access';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import {
  citizenStatistics,
  groupCourseStatistics,
  meetingStatistics,
  milestoneStatistics,
  placementStatistics,
} from './statistics.queries';

type Context = RequestContext<unknown>;

/** The period check of the home subgraphs (the same message and field). */
function checkPeriod(from: string, to: string) {
  if (to < from) throw badUserInput(`to: the period ends (${to}) before it starts (${from}).`, 'to');
}

/**
 * The existing statistics fields, taken over from their home subgraphs (`@override`): same
 * names, arguments, meaning, access rules and perturbation, read from insights' rollups
 * (docs/insights.md, "The dashboard's statistics"). `progressionStatistics` stays in plans (it
 * already reads an 11-row total kept by triggers).
 */
@Resolver()
export class StatisticsResolver {
  @Query(() => CitizenStatistics, { description: 'Citizens by status and target group, for dashboards.' })
  @Directive('@federation__override(from: "citizens")')
  citizenStatistics(@Ctx() ctx: Context): Promise<CitizenStatistics> {
    if (ctx.actor.role === 'CITIZEN') throw forbidden('Statistics are for staff.');
    return citizenStatistics(ctx.dataSource);
  }

  @Query(() => MilestoneStatistics, {
    description: 'Milestones due in a period (from and to included), for dashboards; staff and analysts.',
  })
  @Directive('@federation__override(from: "plans")')
  milestoneStatistics(
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Ctx() ctx: Context,
  ): Promise<MilestoneStatistics> {
    assertMayReadStatistics(ctx.actor);
    checkPeriod(from, to);
    return milestoneStatistics(ctx.dataSource, from, to, todayInCopenhagen());
  }

  @Query(() => MeetingStatistics, { description: 'Meeting outcomes in a period (Copenhagen dates, inclusive), for dashboards.' })
  @Directive('@federation__override(from: "meetings")')
  meetingStatistics(
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Ctx() ctx: Context,
  ): Promise<MeetingStatistics> {
    assertMayReadStatistics(ctx.actor);
    if (to < from) throw badUserInput('to: the period ends before it begins.', 'to');
    return meetingStatistics(ctx.dataSource, from, to, todayInCopenhagen());
  }

  @Query(() => GroupCourseStatistics, { description: 'Occupancy and attendance of group courses starting in a period, for dashboards.' })
  @Directive('@federation__override(from: "meetings")')
  groupCourseStatistics(
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Ctx() ctx: Context,
  ): Promise<GroupCourseStatistics> {
    assertMayReadStatistics(ctx.actor);
    if (to < from) throw badUserInput('to: the period ends before it begins.', 'to');
    return groupCourseStatistics(ctx.dataSource, from, to);
  }

  @Query(() => PlacementStatistics, {
    description: 'Placement figures for a period (from and to included), for dashboards; staff and analysts.',
  })
  @Directive('@federation__override(from: "placements")')
  placementStatistics(
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Ctx() ctx: Context,
  ): Promise<PlacementStatistics> {
    requireStaff(ctx.actor, 'read statistics');
    checkPeriod(from, to);
    return placementStatistics(ctx.dataSource, from, to);
  }
}
