import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { badUserInput, changeTransaction, forbidden, notFound, recordEvent, RequestContext } from '@jobcenter/kit';
import { assertMayReadPersonalData } from '../access';
import { PlansLoaders } from '../loaders';
import { lockPlan } from '../plan/plan.lock';
import { checkPlanOpen } from '../plan/plan.rules';
import { optionalText } from '@jobcenter/kit/input';
import { COMMENT_MAX } from './plan-comment.resolver';
import { PlanConfirmation } from './plan-confirmation.entity';

type Context = RequestContext<PlansLoaders>;

/** The citizen confirms their plan, or records that they disagree and why. */
@Resolver(() => PlanConfirmation)
export class PlanConfirmationResolver {
  @Mutation(() => PlanConfirmation, {
    description:
      'The citizen confirms their own open plan as it stands now (`agrees: true`), or records that they disagree (`agrees: false`, ' +
      '`comment` required). It is kept with the plan version it concerns; `Plan.changedSinceConfirmed` turns true when the plan changes after it.',
  })
  async confirmPlan(
    @Arg('planId', () => ID) planId: string,
    @Arg('agrees') agrees: boolean,
    @Ctx() ctx: Context,
    @Arg('comment', () => String, { nullable: true, description: "The citizen's words; required when they disagree." })
    comment?: string | null,
  ): Promise<PlanConfirmation> {
    assertMayReadPersonalData(ctx.actor);
    if (ctx.actor.role !== 'CITIZEN') throw forbidden('Only the citizen confirms their plan; you can comment on it (addPlanComment).');
    return changeTransaction(ctx, async (tx) => {
      // Locked, so the version confirmed is the one that stands until this commits.
      const plan = await lockPlan(tx, planId);
      if (!plan) throw notFound('Plan', planId);
      await ctx.access.assert(plan.citizenId, () => notFound('Plan', planId));
      checkPlanOpen(plan.status, 'confirm it');
      const words = optionalText(comment, 'comment', COMMENT_MAX);
      if (!agrees && !words) throw badUserInput('comment: say what you disagree with, so your caseworker can see it.', 'comment');
      const repo = tx.getRepository(PlanConfirmation);
      const confirmation = await repo.save(repo.create({ planId: plan.id, planVersion: plan.version, agrees, comment: words }));
      await recordEvent(tx, {
        type: 'plan.confirmed',
        aggregateId: plan.id,
        citizenId: plan.citizenId,
        payload: { planId: plan.id, planVersion: plan.version, agrees },
      });
      return confirmation;
    });
  }
}
