import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { badUserInput, changeTransaction, conflict, isUniqueViolation, notFound, RequestContext } from '@jobcenter/kit';
import { requireCaseStaff } from '@jobcenter/kit/access';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { isUuid } from '@jobcenter/kit/ids';
import { assertMayWriteCitizenPlans } from '../access';
import { PlansLoaders } from '../loaders';
import { Plan } from '../plan/plan.entity';
import { checkPlanOpen } from '../plan/plan.rules';
import { PlanPeriod } from './plan-period.entity';
import { RecordPlanPeriodInput } from './plan-period.inputs';
import { notInFuture, requiredText, boundedDate } from '@jobcenter/kit/input';

type Context = RequestContext<PlansLoaders>;

@Resolver(() => PlanPeriod)
export class PlanPeriodResolver {
  @Mutation(() => PlanPeriod, {
    description:
      'Writes the outcome of a network meeting (netværksmøde) into the plan: the status of the past period and the goals for the next. ' +
      'Kept as history, newest first; one per plan and meeting date.',
  })
  async recordPlanPeriod(
    @Arg('planId', () => ID) planId: string,
    @Arg('input') input: RecordPlanPeriodInput,
    @Ctx() ctx: Context,
  ): Promise<PlanPeriod> {
    requireCaseStaff(ctx.actor, 'write period statuses');
    const plan = isUuid(planId) ? await ctx.dataSource.getRepository(Plan).findOneBy({ id: planId }) : null;
    if (!plan) throw notFound('Plan', planId);
    await assertMayWriteCitizenPlans(ctx, plan.citizenId);
    checkPlanOpen(plan.status, 'add period statuses to it');
    const today = todayInCopenhagen();
    const meetingDate = boundedDate(
      notInFuture(input.meetingDate ?? today, 'meetingDate', 'a meeting that has not been held', today),
      'meetingDate',
      'record',
      today,
    );
    if (input.nextReviewDate) boundedDate(input.nextReviewDate, 'nextReviewDate', 'plan', today);
    if (meetingDate < plan.startDate) {
      throw badUserInput(`meetingDate: ${meetingDate} is before the plan started (${plan.startDate}).`, 'meetingDate');
    }
    if (input.nextReviewDate && input.nextReviewDate <= meetingDate) {
      throw badUserInput(`nextReviewDate: the next review must be after the meeting (${meetingDate}).`, 'nextReviewDate');
    }
    const period = ctx.dataSource.getRepository(PlanPeriod).create({
      planId,
      meetingDate,
      pastPeriodStatus: requiredText(input.pastPeriodStatus, 'pastPeriodStatus', 4000),
      nextPeriodGoals: requiredText(input.nextPeriodGoals, 'nextPeriodGoals', 4000),
      nextReviewDate: input.nextReviewDate ?? null,
      authorRole: ctx.actor.role,
      authorName: ctx.actor.name,
    });
    try {
      return await changeTransaction(ctx, (tx) => tx.getRepository(PlanPeriod).save(period));
    } catch (error) {
      if (isUniqueViolation(error, 'uq_plan_period_date')) {
        throw conflict(`The plan already has a period status from the meeting on ${meetingDate}.`);
      }
      throw error;
    }
  }
}
