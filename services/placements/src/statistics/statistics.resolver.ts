import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { badUserInput, DateScalar, PlacementStatistics, RequestContext } from '@jobcenter/kit';
import { requireStaff } from '@jobcenter/kit/access';
import { PlacementsLoaders } from '../loaders';
import { placementStatistics } from './statistics.queries';

@Resolver(() => PlacementStatistics)
export class PlacementStatisticsResolver {
  @Query(() => PlacementStatistics, {
    description: 'Placement figures for a period (from and to included), for dashboards; staff and analysts.',
  })
  placementStatistics(
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Ctx() ctx: RequestContext<PlacementsLoaders>,
  ): Promise<PlacementStatistics> {
    requireStaff(ctx.actor, 'read statistics');
    if (to < from) throw badUserInput(`to: the period ends (${to}) before it starts (${from}).`, 'to');
    return placementStatistics(ctx.dataSource, from, to);
  }
}
