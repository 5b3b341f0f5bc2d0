import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { forbidden, isStaff, RequestContext } from '@jobcenter/kit';
import { computeSeries, MAX_MONTHS } from './series.compute';
import { Breakdown, Measure } from './series.enums';
import { Series } from './series.types';

@Resolver(() => Series)
export class SeriesResolver {
  @Query(() => Series, {
    description:
      `A figure month by month from fromMonth to toMonth ("YYYY-MM", both included, at most ${MAX_MONTHS} months), optionally broken down; ` +
      'aggregates only, perturbed and small cells withheld (see Series.method). Staff and analysts, like the other statistics.',
  })
  async series(
    @Arg('measure', () => Measure) measure: Measure,
    @Arg('fromMonth', () => String) fromMonth: string,
    @Arg('toMonth', () => String) toMonth: string,
    @Arg('breakdown', () => Breakdown, { defaultValue: Breakdown.NONE }) breakdown: Breakdown,
    @Ctx() ctx: RequestContext<unknown>,
  ): Promise<Series> {
    // The rule of every statistics field (plans, meetings, placements): staff, analysts included.
    if (!isStaff(ctx.actor)) throw forbidden('Statistics are for staff.');
    return computeSeries(ctx.dataSource, { measure, fromMonth, toMonth, breakdown });
  }
}
