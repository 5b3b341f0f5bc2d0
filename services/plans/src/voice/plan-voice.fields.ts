import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequestContext } from '@jobcenter/kit';
import { PlansLoaders } from '../loaders';
import { Plan } from '../plan/plan.entity';
import { PlanComment } from './plan-comment.entity';
import { PlanConfirmation } from './plan-confirmation.entity';

type Context = RequestContext<PlansLoaders>;

/** The citizen's voice on Plan: comments, confirmations and whether the plan moved on since. */
@Resolver(() => Plan)
export class PlanVoiceFieldsResolver {
  @FieldResolver(() => [PlanComment], { description: 'Comments on the plan and its milestones by the citizen and staff, oldest first.' })
  comments(@Root() plan: Plan, @Ctx() ctx: Context): Promise<PlanComment[]> {
    return ctx.loaders.commentsByPlan.load(plan.id);
  }

  @FieldResolver(() => [PlanConfirmation], {
    description: "The citizen's confirmations of (or disagreements with) the plan, newest first.",
  })
  confirmations(@Root() plan: Plan, @Ctx() ctx: Context): Promise<PlanConfirmation[]> {
    return ctx.loaders.confirmationsByPlan.load(plan.id);
  }

  @FieldResolver(() => Boolean, {
    description:
      "True when the plan changed after the citizen's latest confirmation: its version (goal, the citizen's words, status, milestones " +
      'added or changed, proposals accepted) is newer than the version confirmed. False when it has not changed, or was never confirmed.',
  })
  async changedSinceConfirmed(@Root() plan: Plan, @Ctx() ctx: Context): Promise<boolean> {
    const [latest] = await ctx.loaders.confirmationsByPlan.load(plan.id);
    return latest ? plan.version > latest.planVersion : false;
  }
}
