import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { badUserInput, RequestContext } from '@jobcenter/kit';
import { requireCaseStaff } from '@jobcenter/kit/access';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { readablePlacements as readable } from '../access';
import { PlacementsLoaders } from '../loaders';
import { Placement } from '../placement/placement.entity';
import { AttentionReason, PlacementStatus } from '../placement/placement.enums';
import { attentionReasons } from '../placement/placement.rules';
import { PlacementStaffMember } from './placement-staff-member';

type Context = RequestContext<PlacementsLoaders>;

@ObjectType({ description: 'A placement that needs its job consultant now, and why.' })
export class PlacementAttention {
  @Field(() => Placement, { description: 'The placement.' })
  placement!: Placement;

  @Field(() => [AttentionReason], { description: 'Why it needs attention; never empty.' })
  reasons!: AttentionReason[];
}

/** The placements subgraph's fields on StaffMember: a job consultant's own list. */
@Resolver(() => PlacementStaffMember)
export class StaffPlacementsResolver {
  @FieldResolver(() => [Placement], {
    description:
      'Placements this staff member is job consultant (jobkonsulent) for, by end date; optionally of one status and/or ending within the next `endingWithinDays` days (today included).',
  })
  async placements(
    @Root() staff: PlacementStaffMember,
    @Ctx() ctx: Context,
    @Arg('status', () => PlacementStatus, { nullable: true }) status?: PlacementStatus | null,
    @Arg('endingWithinDays', () => Int, { nullable: true, description: 'Only placements ending between today and today + this many days.' })
    endingWithinDays?: number | null,
  ): Promise<Placement[]> {
    requireCaseStaff(ctx.actor, "read a staff member's placements");
    if (endingWithinDays != null && (endingWithinDays < 0 || endingWithinDays > 366)) {
      throw badUserInput('endingWithinDays: give a number of days from 0 to 366.', 'endingWithinDays');
    }
    return readable(ctx, await ctx.loaders.placementsByStaff({ status, endingWithinDays }).load(staff.id));
  }

  @FieldResolver(() => [PlacementAttention], {
    description:
      "The job consultant's ACTIVE placements that need attention now: no follow-up in 14 days, ending within 14 days, or past the end date. Soonest end first.",
  })
  async placementsNeedingAttention(@Root() staff: PlacementStaffMember, @Ctx() ctx: Context): Promise<PlacementAttention[]> {
    requireCaseStaff(ctx.actor, "read a staff member's placements");
    const active = await readable(ctx, await ctx.loaders.placementsByStaff({ status: PlacementStatus.ACTIVE }).load(staff.id));
    const followUps = await ctx.loaders.followUpsByPlacement.loadMany(active.map((p) => p.id));
    const today = todayInCopenhagen();
    return active
      .map((placement, i) => {
        const list = followUps[i];
        const last = Array.isArray(list) && list.length ? list[list.length - 1].date : null;
        return { placement, reasons: attentionReasons(placement, last, today) };
      })
      .filter((a) => a.reasons.length > 0);
  }
}
