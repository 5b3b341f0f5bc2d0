import { recordEvent, recordEvents } from '@jobcenter/kit';
import { milestoneAdded, milestoneStatusChanged } from '../events';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { EntityManager } from 'typeorm';
import { Actor, changeTransaction, conflict, DateScalar, forbidden, notFound, RequestContext } from '@jobcenter/kit';
import { requireCaseStaff } from '@jobcenter/kit/access';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { isUuid } from '@jobcenter/kit/ids';
import { assertCaseStaffOrOwner, assertMayReadPersonalData, assertMayWriteCitizenPlans } from '../access';
import { PlansLoaders } from '../loaders';
import { authorOf } from '../author';
import { Plan } from '../plan/plan.entity';
import { bumpPlanVersion, lockPlan } from '../plan/plan.lock';
import { checkPlanOpen } from '../plan/plan.rules';
import { Milestone } from './milestone.entity';
import { MilestoneResponsible, MilestoneStatus } from './milestone.enums';
import { AddMilestoneInput, MilestoneRevisionInput } from './milestone.inputs';
import { MilestoneUpdate } from './milestone-update.entity';
import { checkDeadline, decideStatusChange } from './milestone.rules';
import { optionalText, requiredText } from '@jobcenter/kit/input';

type Context = RequestContext<PlansLoaders>;

/** A milestone and its plan (locked), or NOT_FOUND. */
export async function milestoneWithPlan(tx: EntityManager, id: string): Promise<{ milestone: Milestone; plan: Plan }> {
  const milestone = isUuid(id) ? await tx.getRepository(Milestone).findOneBy({ id }) : null;
  if (!milestone) throw notFound('Milestone', id);
  const plan = (await lockPlan(tx, milestone.planId))!;
  // Read again under the plan's lock: another change may have been decided meanwhile.
  return { milestone: await tx.getRepository(Milestone).findOneByOrFail({ id }), plan };
}

/**
 * A new milestone of a plan from AddMilestoneInput, with the first entry of its history: agreed
 * by staff (PLANNED) or proposed by the citizen (PROPOSED).
 */
export async function insertMilestone(
  tx: EntityManager,
  actor: Actor,
  plan: Plan,
  input: AddMilestoneInput,
  status: MilestoneStatus.PLANNED | MilestoneStatus.PROPOSED,
): Promise<Milestone> {
  const proposed = status === MilestoneStatus.PROPOSED;
  const repo = tx.getRepository(Milestone);
  const milestone = await repo.save(
    repo.create({
      planId: plan.id,
      title: requiredText(input.title, 'title', 200),
      description: optionalText(input.description, 'description', 4000),
      deadline: checkDeadline(input.deadline, plan.startDate),
      status,
      responsible: input.responsible ?? (proposed ? MilestoneResponsible.CITIZEN : MilestoneResponsible.SHARED),
      proposedByCitizen: proposed,
      declineReason: null,
      achievedAt: null,
      replacedById: null,
    }),
  );
  await tx.getRepository(MilestoneUpdate).insert({
    milestoneId: milestone.id,
    ...authorOf(actor),
    note: proposed ? `Proposed by the citizen, deadline ${milestone.deadline}.` : `Milestone agreed, deadline ${milestone.deadline}.`,
    status,
  });
  return milestone;
}

@Resolver(() => Milestone)
export class MilestoneResolver {
  @Mutation(() => Milestone, { description: "Adds a milestone (milepæl) to an open plan; its deadline is not before the plan's start." })
  async addMilestone(
    @Arg('planId', () => ID) planId: string,
    @Arg('input') input: AddMilestoneInput,
    @Ctx() ctx: Context,
  ): Promise<Milestone> {
    requireCaseStaff(ctx.actor, 'add milestones');
    return changeTransaction(ctx, async (tx) => {
      const plan = await lockPlan(tx, planId);
      if (!plan) throw notFound('Plan', planId);
      await assertMayWriteCitizenPlans(ctx, plan.citizenId);
      checkPlanOpen(plan.status, 'add milestones to it');
      const milestone = await insertMilestone(tx, ctx.actor, plan, input, MilestoneStatus.PLANNED);
      await recordEvent(tx, milestoneAdded(milestone, plan.citizenId));
      await bumpPlanVersion(tx, plan);
      return milestone;
    });
  }

  @Mutation(() => Milestone, {
    description:
      "Changes a milestone's status (staff). ACHIEVED, REVISED and DROPPED are final; MISSED only after the deadline; " +
      'REVISED needs `revision`, the milestone that replaces it. Each change is logged in `updates`.',
  })
  async setMilestoneStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => MilestoneStatus) status: MilestoneStatus,
    @Ctx() ctx: Context,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
    @Arg('achievedOn', () => DateScalar, { nullable: true, description: 'For ACHIEVED: the day it was reached; defaults to today.' })
    achievedOn?: string | null,
    @Arg('revision', () => MilestoneRevisionInput, { nullable: true, description: 'For REVISED: the milestone that replaces it.' })
    revision?: MilestoneRevisionInput | null,
  ): Promise<Milestone> {
    if (ctx.actor.role === 'CITIZEN')
      throw forbidden('The milestone status is set with your caseworker; you can add your own notes (addMilestoneUpdate).');
    requireCaseStaff(ctx.actor, 'change milestones');
    const text = optionalText(note, 'note', 4000);
    return changeTransaction(ctx, async (tx) => {
      const { milestone, plan } = await milestoneWithPlan(tx, id);
      await assertMayWriteCitizenPlans(ctx, plan.citizenId);
      checkPlanOpen(plan.status, 'change its milestones');
      const change = decideStatusChange(milestone, status, {
        today: todayInCopenhagen(),
        planStart: plan.startDate,
        on: achievedOn,
        hasRevision: Boolean(revision),
      });
      const repo = tx.getRepository(Milestone);
      let replacement: Milestone | null = null;
      if (revision) {
        replacement = await repo.save(
          repo.create({
            planId: plan.id,
            title:
              revision.title !== undefined && revision.title !== null
                ? requiredText(revision.title, 'revision.title', 200)
                : milestone.title,
            description:
              revision.description !== undefined ? optionalText(revision.description, 'revision.description', 4000) : milestone.description,
            deadline: checkDeadline(revision.deadline, plan.startDate, 'revision.deadline'),
            status: MilestoneStatus.PLANNED,
            responsible: revision.responsible ?? milestone.responsible,
            achievedAt: null,
            replacedById: null,
          }),
        );
        await tx.getRepository(MilestoneUpdate).insert({
          milestoneId: replacement.id,
          ...authorOf(ctx.actor),
          note: `Revised from "${milestone.title}" (deadline ${milestone.deadline}).`,
          status: MilestoneStatus.PLANNED,
        });
      }
      // Only from the status the decision was made on: a concurrent change makes this a no-op.
      const result = await repo
        .createQueryBuilder()
        .update(Milestone)
        .set({ status: change.status, achievedAt: change.achievedAt, replacedById: replacement?.id ?? null })
        .where('id = :id AND status = :from', { id, from: milestone.status })
        .execute();
      if (!result.affected) throw conflict('Someone changed this milestone just now; reload it and try again.');
      await recordEvents(tx, [
        milestoneStatusChanged(milestone, change.status, plan.citizenId),
        ...(replacement ? [milestoneAdded(replacement, plan.citizenId)] : []),
      ]);
      await tx.getRepository(MilestoneUpdate).insert({
        milestoneId: id,
        ...authorOf(ctx.actor),
        note: text ?? `Status changed from ${milestone.status} to ${status}.`,
        status,
      });
      await bumpPlanVersion(tx, plan);
      return repo.findOneByOrFail({ id });
    });
  }

  @Mutation(() => Milestone, {
    description: "Adds a note to a milestone's history (opfølgning). The citizen may add their own to their own plan.",
  })
  async addMilestoneUpdate(@Arg('id', () => ID) id: string, @Arg('note') note: string, @Ctx() ctx: Context): Promise<Milestone> {
    assertMayReadPersonalData(ctx.actor);
    return changeTransaction(ctx, async (tx) => {
      const { milestone, plan } = await milestoneWithPlan(tx, id);
      await assertCaseStaffOrOwner(ctx, plan.citizenId, 'write in plans', () => notFound('Milestone', id));
      await assertMayWriteCitizenPlans(ctx, plan.citizenId);
      checkPlanOpen(plan.status, 'add notes to it');
      await tx.getRepository(MilestoneUpdate).insert({
        milestoneId: id,
        ...authorOf(ctx.actor),
        note: requiredText(note, 'note', 4000),
        status: null,
      });
      return milestone;
    });
  }
}
