import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { DateScalar, notFound, RequestContext } from '@jobcenter/kit';
import { requireCaseStaff } from '@jobcenter/kit/access';
import { isUuid } from '@jobcenter/kit/ids';
import { PlacementsLoaders } from '../loaders';
import { PlacementKind } from '../placement/placement.enums';
import { fetchCitizenFacts } from '../target-group/citizens.client';
import { PlacementLimit, ruleInfo } from './placement-rule.type';
import { checkProposedLength, maxEndDate, ruleFor, UNLIMITED_KINDS } from './placement-rules';

type Context = RequestContext<PlacementsLoaders>;

/**
 * The legal maximum shown while a placement is being filled in, so the job consultant sees the
 * limit and its source before submitting. The same rule table and the same target group source
 * as `proposePlacement`, so what is shown is what the proposal will be judged by.
 */
@Resolver(() => PlacementLimit)
export class PlacementLimitResolver {
  @Query(() => PlacementLimit, {
    description:
      "The legal maximum for a placement of this kind starting on this date for this citizen (case staff), by the citizen's target group as the citizens service records it: the latest end date and the rule with its source.",
  })
  async placementLimit(
    @Arg('citizenId', () => ID) citizenId: string,
    @Arg('kind', () => PlacementKind) kind: PlacementKind,
    @Arg('startDate', () => DateScalar) startDate: string,
    @Ctx() ctx: Context,
  ): Promise<PlacementLimit> {
    requireCaseStaff(ctx.actor, 'look up the legal maximum of a placement');
    if (!isUuid(citizenId)) throw notFound('Citizen', citizenId);
    const { targetGroup } = await fetchCitizenFacts(citizenId, ctx.requestId);
    await ctx.access.assert(citizenId);
    const limit = { kind, startDate, targetGroup, maxEndDate: null, rule: null, refusal: null };
    if (UNLIMITED_KINDS.includes(kind)) return limit;
    const rule = ruleFor(kind, targetGroup, startDate);
    if (!rule) {
      const check = checkProposedLength(kind, targetGroup, startDate, startDate);
      return { ...limit, refusal: check.ok ? null : check.message };
    }
    return { ...limit, maxEndDate: maxEndDate(rule, startDate), rule: ruleInfo(rule) };
  }
}
