import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { badUserInput, changeTransaction, isUuid, notFound, RequestContext } from '@jobcenter/kit';
import { assertCaseStaffOrOwner, assertMayReadPersonalData, assertMayWriteCitizenPlans } from '../access';
import { authorOf } from '../author';
import { PlansLoaders } from '../loaders';
import { Milestone } from '../milestone/milestone.entity';
import { Plan } from '../plan/plan.entity';
import { checkPlanOpen } from '../plan/plan.rules';
import { requiredText } from '@jobcenter/kit/input';
import { PlanComment } from './plan-comment.entity';

type Context = RequestContext<PlansLoaders>;

/** Longest comment (the kit's note length). */
export const COMMENT_MAX = 4000;

/** Comments on a plan or its milestones, by the citizen (their own plan) or staff (their caseload). */
@Resolver(() => PlanComment)
export class PlanCommentResolver {
  @Mutation(() => PlanComment, {
    description:
      'Comments on an open plan, or on one of its milestones with `milestoneId` (kommentar). The citizen on their own plan, staff on ' +
      'plans in their caseload. Comments do not change the plan (its version stays).',
  })
  async addPlanComment(
    @Arg('planId', () => ID) planId: string,
    @Arg('text') text: string,
    @Ctx() ctx: Context,
    @Arg('milestoneId', () => ID, { nullable: true, description: 'The milestone commented on; leave out for the plan as a whole.' })
    milestoneId?: string | null,
  ): Promise<PlanComment> {
    assertMayReadPersonalData(ctx.actor);
    return changeTransaction(ctx, async (tx) => {
      const plan = isUuid(planId) ? await tx.getRepository(Plan).findOneBy({ id: planId }) : null;
      if (!plan) throw notFound('Plan', planId);
      await assertCaseStaffOrOwner(ctx, plan.citizenId, 'comment on plans', () => notFound('Plan', planId));
      await assertMayWriteCitizenPlans(ctx, plan.citizenId);
      checkPlanOpen(plan.status, 'comment on it');
      const words = requiredText(text, 'text', COMMENT_MAX);
      if (milestoneId) {
        const milestone = isUuid(milestoneId) ? await tx.getRepository(Milestone).findOneBy({ id: milestoneId }) : null;
        if (!milestone || milestone.planId !== plan.id)
          throw badUserInput('milestoneId: this is not a milestone of the plan.', 'milestoneId');
      }
      const repo = tx.getRepository(PlanComment);
      return repo.save(repo.create({ planId: plan.id, milestoneId: milestoneId || null, ...authorOf(ctx.actor), text: words }));
    });
  }

  @FieldResolver(() => Milestone, { nullable: true, description: 'The milestone commented on; null for the plan as a whole.' })
  milestone(@Root() comment: PlanComment, @Ctx() ctx: Context): Promise<Milestone | null> | null {
    return comment.milestoneId ? ctx.loaders.milestoneById.load(comment.milestoneId) : null;
  }
}
