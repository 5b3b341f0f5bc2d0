import { Arg, Ctx, Directive, ID, Int, Query, Resolver } from 'type-graphql';
import { In } from 'typeorm';
import { DateScalar, isUuid, RequestContext, requireRole } from '@jobcenter/kit';
import { Plan } from '../plan/plan.entity';
import { PlanStatus } from '../plan/plan.enums';
import { ReportKind } from './report.enums';
import { isMidwayReportDue } from './report.rules';

/**
 * How many of these citizens' active plans have a midway status report due on `on` and none
 * drafted (a referral's own midway report does not stand in for the plan's): a count for the citizens service's daily digest e-mail, asked with its SERVICE
 * identity; no personal data; hidden from the composed API (like placements' placementsEndingCount).
 */
@Resolver()
export class MidwayReportsDueCountResolver {
  @Directive('@inaccessible')
  @Query(() => Int, { description: "Active plans of these citizens whose midway report is due on `on` (a staff member's daily digest)." })
  async midwayReportsDueCount(
    @Arg('citizenIds', () => [ID]) citizenIds: string[],
    @Arg('on', () => DateScalar) on: string,
    @Ctx() ctx: RequestContext<unknown>,
  ): Promise<number> {
    requireRole(ctx.actor, ['SERVICE'], 'count due midway reports');
    const ids = [...new Set(citizenIds.filter(isUuid))].slice(0, 2_000);
    if (!ids.length) return 0;
    const plans = await ctx.dataSource.getRepository(Plan).find({ where: { citizenId: In(ids), status: PlanStatus.ACTIVE } });
    if (!plans.length) return 0;
    const drafted: { plan_id: string }[] = await ctx.dataSource.query(
      `SELECT DISTINCT plan_id FROM case_report WHERE plan_id = ANY($1::uuid[]) AND kind = $2 AND referral_id IS NULL`,
      [plans.map((p) => p.id), ReportKind.MIDWAY_STATUS],
    );
    const hasMidway = new Set(drafted.map((r) => r.plan_id));
    return plans.filter((plan) => isMidwayReportDue(plan, on, hasMidway.has(plan.id))).length;
  }
}
