import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { badUserInput, DateScalar, MilestoneStatistics, RequestContext } from '@jobcenter/kit';
import { assertMayReadStatistics } from '@jobcenter/kit/access';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { PlansLoaders } from '../loaders';
import { milestoneStatistics, progressionStatistics } from './statistics.queries';
import { ProgressionStatistic } from './statistics.types';

type Context = RequestContext<PlansLoaders>;

@Resolver()
export class StatisticsResolver {
  @Query(() => MilestoneStatistics, {
    description: 'Milestones due in a period (from and to included), for dashboards; staff and analysts.',
  })
  async milestoneStatistics(
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Ctx() ctx: Context,
  ): Promise<MilestoneStatistics> {
    assertMayReadStatistics(ctx.actor);
    if (to < from) throw badUserInput(`to: the period ends (${to}) before it starts (${from}).`, 'to');
    return milestoneStatistics(ctx.dataSource, from, to, todayInCopenhagen());
  }

  @Query(() => [ProgressionStatistic], {
    description:
      'Average progression per dimension between first and latest assessment (progression), over citizens assessed at least twice on it; ' +
      'a dimension with fewer than 5 such citizens is left out (small-cell suppression). Staff and analysts.',
  })
  async progressionStatistics(@Ctx() ctx: Context): Promise<ProgressionStatistic[]> {
    assertMayReadStatistics(ctx.actor);
    return progressionStatistics(ctx.dataSource);
  }
}
