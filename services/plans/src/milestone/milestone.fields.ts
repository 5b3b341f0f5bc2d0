import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequestContext } from '@jobcenter/kit';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { PlansLoaders } from '../loaders';
import { Plan } from '../plan/plan.entity';
import { Milestone } from './milestone.entity';
import { MilestoneUpdate } from './milestone-update.entity';
import { isOverdue } from './milestone.rules';

type Context = RequestContext<PlansLoaders>;

/** Fields of Milestone beyond its row; each goes through a request DataLoader. */
@Resolver(() => Milestone)
export class MilestoneFieldsResolver {
  @FieldResolver(() => Plan, { description: 'The plan the milestone belongs to.' })
  async plan(@Root() milestone: Milestone, @Ctx() ctx: Context): Promise<Plan> {
    return (await ctx.loaders.planById.load(milestone.planId))!;
  }

  @FieldResolver(() => Boolean, {
    description: 'Deadline passed (before today, Danish time) and not ACHIEVED, DROPPED or REVISED (overskredet).',
  })
  overdue(@Root() milestone: Milestone): boolean {
    return isOverdue(milestone, todayInCopenhagen());
  }

  @FieldResolver(() => [MilestoneUpdate], { description: 'The written history (opfølgning): every status change and note, oldest first.' })
  updates(@Root() milestone: Milestone, @Ctx() ctx: Context): Promise<MilestoneUpdate[]> {
    return ctx.loaders.updatesByMilestone.load(milestone.id);
  }

  @FieldResolver(() => Milestone, { nullable: true, description: 'For a REVISED milestone: the milestone that replaces it.' })
  async replacedBy(@Root() milestone: Milestone, @Ctx() ctx: Context): Promise<Milestone | null> {
    return milestone.replacedById ? ctx.loaders.milestoneById.load(milestone.replacedById) : null;
  }
}
