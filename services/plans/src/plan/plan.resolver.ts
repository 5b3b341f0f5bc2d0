import { recordEvent, recordEvents } from '@jobcenter/kit';
import { planCreated, planUpdated } from '../events';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import {
  badUserInput,
  changeTransaction,
  conflict,
  forbidden,
  isUniqueViolation,
  notFound,
  RequestContext,
  staleVersion,
} from '@jobcenter/kit';
import { requireCaseStaff } from '@jobcenter/kit/access';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { isUuid } from '@jobcenter/kit/ids';
import { assertCaseStaffOrOwner, assertMayReadPersonalData, assertMayWriteCitizenPlans } from '../access';
import { PlansLoaders } from '../loaders';
import { Plan } from './plan.entity';
import { PlanStatus } from './plan.enums';
import { CreatePlanInput, UpdatePlanInput } from './plan.inputs';
import { readablePlan } from './plan.reference';
import { dropOpenMilestones } from './plan.closing';
import { checkInitialStatus, checkPlannedEnd, checkPlanOpen, checkPlanTransition, endDateFor, isClosedPlan } from './plan.rules';
import { optionalText, requiredText, assertReferencesExist, boundedDate } from '@jobcenter/kit/input';

type Context = RequestContext<PlansLoaders>;

const ONE_ACTIVE = 'The citizen already has an ACTIVE plan. Complete or abandon it first, or create the new plan as a DRAFT.';

@Resolver(() => Plan)
export class PlanResolver {
  @Query(() => Plan, {
    nullable: true,
    description: 'One action plan (handleplan) by id; null if there is none. A citizen may read only their own.',
  })
  plan(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Plan | null> {
    return readablePlan(id, ctx);
  }

  @Mutation(() => Plan, { description: 'Creates an action plan for a citizen. A second ACTIVE plan is a CONFLICT.' })
  async createPlan(
    @Arg('citizenId', () => ID) citizenId: string,
    @Arg('input') input: CreatePlanInput,
    @Ctx() ctx: Context,
  ): Promise<Plan> {
    requireCaseStaff(ctx.actor, 'create plans');
    if (!isUuid(citizenId)) throw badUserInput('citizenId: this is not a citizen id.', 'citizenId');
    if (input.startDate) boundedDate(input.startDate, 'startDate', 'plan');
    await assertReferencesExist('plans', [{ kind: 'citizen', id: citizenId, field: 'citizenId' }], ctx.requestId);
    await assertMayWriteCitizenPlans(ctx, citizenId);
    const status = input.status ?? PlanStatus.ACTIVE;
    checkInitialStatus(status);
    const repo = ctx.dataSource.getRepository(Plan);
    const plan = repo.create({
      citizenId,
      longTermGoal: requiredText(input.longTermGoal, 'longTermGoal', 1000),
      citizenPerspective: optionalText(input.citizenPerspective, 'citizenPerspective', 4000),
      status,
      startDate: input.startDate ?? todayInCopenhagen(),
      endDate: null,
    });
    plan.plannedEndDate = checkPlannedEnd(input.plannedEndDate, plan.startDate);
    if (status === PlanStatus.ACTIVE && (await repo.existsBy({ citizenId, status: PlanStatus.ACTIVE }))) throw conflict(ONE_ACTIVE);
    try {
      return await changeTransaction(ctx, async (tx) => {
        const saved = await tx.getRepository(Plan).save(plan);
        await recordEvent(tx, planCreated(saved));
        return saved;
      });
    } catch (error) {
      // Two simultaneous creations: the partial unique index lets only one through.
      if (isUniqueViolation(error, 'uq_plan_active_per_citizen')) throw conflict(ONE_ACTIVE);
      throw error;
    }
  }

  @Mutation(() => Plan, {
    description:
      'Changes a plan. `expectedVersion` is the version you read; if someone saved in between it is a CONFLICT and nothing changes. ' +
      'The citizen may change their own words (`citizenPerspective`) in their own plan, nothing else.',
  })
  async updatePlan(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input') input: UpdatePlanInput,
    @Ctx() ctx: Context,
  ): Promise<Plan> {
    const repo = ctx.dataSource.getRepository(Plan);
    assertMayReadPersonalData(ctx.actor);
    const current = isUuid(id) ? await repo.findOneBy({ id }) : null;
    if (!current) throw notFound('Plan', id);
    await assertCaseStaffOrOwner(ctx, current.citizenId, 'change plans', () => notFound('Plan', id));
    await assertMayWriteCitizenPlans(ctx, current.citizenId);
    if (ctx.actor.role === 'CITIZEN' && (input.longTermGoal !== undefined || input.status !== undefined)) {
      throw forbidden(
        'You can change your own words in the plan (citizenPerspective); the goal and status are changed with your caseworker.',
      );
    }
    if (current.version !== expectedVersion) throw staleVersion('This plan', expectedVersion, current.version);

    const changes: Partial<Plan> = {};
    if (input.longTermGoal !== undefined && input.longTermGoal !== null) {
      changes.longTermGoal = requiredText(input.longTermGoal, 'longTermGoal', 1000);
    }
    if (input.citizenPerspective !== undefined) {
      changes.citizenPerspective = optionalText(input.citizenPerspective, 'citizenPerspective', 4000);
    }
    if (input.plannedEndDate !== undefined && input.plannedEndDate !== current.plannedEndDate) {
      changes.plannedEndDate = checkPlannedEnd(input.plannedEndDate, current.startDate);
    }
    if (input.status && input.status !== current.status) {
      checkPlanTransition(current.status, input.status);
      changes.status = input.status;
      changes.endDate = endDateFor(input.status, current.startDate, todayInCopenhagen());
    }
    if (Object.keys(changes).length === 0) return current;
    checkPlanOpen(current.status, 'change it');

    try {
      return await changeTransaction(ctx, async (tx) => {
        // The version check and the write are one statement, so two saves cannot both pass it.
        const result = await tx
          .createQueryBuilder()
          .update(Plan)
          .set(changes)
          .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
          .execute();
        if (!result.affected) {
          const latest = await tx.getRepository(Plan).findOneByOrFail({ id });
          throw staleVersion('This plan', expectedVersion, latest.version);
        }
        const updated = await tx.getRepository(Plan).findOneByOrFail({ id });
        await recordEvents(tx, planUpdated(current, updated));
        if (changes.status && isClosedPlan(changes.status)) await dropOpenMilestones(tx, current, changes.status, ctx.actor);
        return updated;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_plan_active_per_citizen')) throw conflict(ONE_ACTIVE);
      throw error;
    }
  }
}
