import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { changeTransaction, conflict, forbidden, notFound, recordEvent, RequestContext } from '@jobcenter/kit';
import { requireCaseStaff } from '@jobcenter/kit/access';
import { assertMayReadPersonalData, assertMayWriteCitizenPlans } from '../access';
import { authorOf } from '../author';
import { PlansLoaders } from '../loaders';
import { bumpPlanVersion, lockPlan } from '../plan/plan.lock';
import { checkPlanOpen } from '../plan/plan.rules';
import { optionalText } from '@jobcenter/kit/input';
import { Milestone } from './milestone.entity';
import { MilestoneStatus } from './milestone.enums';
import { AddMilestoneInput } from './milestone.inputs';
import { decideProposal, DECLINE_REASON_MAX } from './milestone.rules';
import { insertMilestone, milestoneWithPlan } from './milestone.resolver';
import { MilestoneUpdate } from './milestone-update.entity';

type Context = RequestContext<PlansLoaders>;

/** The citizen proposes milestones for their own plan; staff accept or decline them with a reason. */
@Resolver(() => Milestone)
export class MilestoneProposalResolver {
  @Mutation(() => Milestone, {
    description:
      'The citizen proposes a milestone for their own open plan (forslag til milepæl): it is PROPOSED, not yet part of the plan, ' +
      'until staff accept it (PLANNED) or decline it with a reason (decideMilestoneProposal). Responsible defaults to CITIZEN.',
  })
  async proposeMilestone(
    @Arg('planId', () => ID) planId: string,
    @Arg('input') input: AddMilestoneInput,
    @Ctx() ctx: Context,
  ): Promise<Milestone> {
    assertMayReadPersonalData(ctx.actor);
    if (ctx.actor.role !== 'CITIZEN') throw forbidden('Staff add milestones with addMilestone; proposals are the citizen’s.');
    return changeTransaction(ctx, async (tx) => {
      const plan = await lockPlan(tx, planId);
      if (!plan) throw notFound('Plan', planId);
      await ctx.access.assert(plan.citizenId, () => notFound('Plan', planId));
      checkPlanOpen(plan.status, 'propose milestones for it');
      const milestone = await insertMilestone(tx, ctx.actor, plan, input, MilestoneStatus.PROPOSED);
      await recordEvent(tx, {
        type: 'milestone.proposed',
        aggregateId: milestone.id,
        citizenId: plan.citizenId,
        payload: { milestoneId: milestone.id, planId: plan.id, deadline: milestone.deadline },
      });
      return milestone;
    });
  }

  @Mutation(() => Milestone, {
    description:
      "Staff decide a citizen's proposed milestone: `accept` makes it PLANNED (a new version of the plan); declining makes it DROPPED " +
      'and needs `reason`, which the citizen sees (`declineReason` and the history). A milestone that is not PROPOSED is a CONFLICT.',
  })
  async decideMilestoneProposal(
    @Arg('id', () => ID) id: string,
    @Arg('accept') accept: boolean,
    @Ctx() ctx: Context,
    @Arg('reason', () => String, {
      nullable: true,
      description: `Why; required when declining (at most ${DECLINE_REASON_MAX} characters).`,
    })
    reason?: string | null,
  ): Promise<Milestone> {
    if (ctx.actor.role === 'CITIZEN') throw forbidden('Your caseworker decides on your proposal; you can comment on it (addPlanComment).');
    requireCaseStaff(ctx.actor, 'decide proposed milestones');
    return changeTransaction(ctx, async (tx) => {
      const { milestone, plan } = await milestoneWithPlan(tx, id);
      await assertMayWriteCitizenPlans(ctx, plan.citizenId);
      checkPlanOpen(plan.status, 'decide proposals for it');
      const decision = decideProposal(milestone, accept, optionalText(reason, 'reason', DECLINE_REASON_MAX));
      const result = await tx
        .createQueryBuilder()
        .update(Milestone)
        .set({ status: decision.status, declineReason: decision.declineReason })
        .where('id = :id AND status = :proposed', { id, proposed: MilestoneStatus.PROPOSED })
        .execute();
      if (!result.affected) throw conflict('Someone decided this proposal just now; reload it.');
      await tx
        .getRepository(MilestoneUpdate)
        .insert({ milestoneId: id, ...authorOf(ctx.actor), note: decision.note, status: decision.status });
      await recordEvent(tx, {
        type: 'milestone.statusChanged',
        aggregateId: id,
        citizenId: plan.citizenId,
        payload: {
          milestoneId: id,
          planId: plan.id,
          status: decision.status,
          previousStatus: MilestoneStatus.PROPOSED,
          deadline: milestone.deadline,
          responsible: milestone.responsible,
        },
      });
      // Only an accepted proposal becomes part of the plan; a declined one never was.
      if (accept) await bumpPlanVersion(tx, plan);
      return tx.getRepository(Milestone).findOneByOrFail({ id });
    });
  }
}
