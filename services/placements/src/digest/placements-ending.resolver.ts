import { Arg, Ctx, Directive, ID, Int, Query, Resolver } from 'type-graphql';
import { addDays, isUuid, RequestContext, requireRole, todayInCopenhagen } from '@jobcenter/kit';

/**
 * How many agreed or active placements of these citizens end within the next `days` days (today
 * included): a count for the citizens service's daily digest e-mail, asked with its SERVICE
 * identity; no personal data; hidden from the composed API.
 */
@Resolver()
export class PlacementsEndingResolver {
  @Directive('@inaccessible')
  @Query(() => Int, { description: "Placements of these citizens ending within `days` days (a staff member's daily digest)." })
  async placementsEndingCount(
    @Arg('citizenIds', () => [ID]) citizenIds: string[],
    @Arg('days', () => Int) days: number,
    @Ctx() ctx: RequestContext<unknown>,
  ): Promise<number> {
    requireRole(ctx.actor, ['SERVICE'], 'count placements');
    const ids = [...new Set(citizenIds.filter(isUuid))].slice(0, 2_000);
    if (!ids.length) return 0;
    const today = todayInCopenhagen();
    const [row]: { n: number }[] = await ctx.dataSource.query(
      `SELECT COUNT(*)::int AS n FROM placement WHERE citizen_id = ANY($1::uuid[]) AND status IN ('AGREED', 'ACTIVE') AND end_date BETWEEN $2 AND $3`,
      [ids, today, addDays(today, Math.max(0, Math.min(days, 366)))],
    );
    return row.n;
  }
}
