import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DateScalar, RequestContext } from '@jobcenter/kit';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { CitizenRef } from '../citizen/citizen-ref';
import { PlansLoaders } from '../loaders';
import { Milestone } from '../milestone/milestone.entity';
import { isOverdue, OPEN_MILESTONE_STATUSES } from '../milestone/milestone.rules';
import { PlanPeriod } from '../period/plan-period.entity';
import { Plan } from './plan.entity';
import { PrintLanguage } from './plan.enums';
import { renderPlanHtml } from './plan.print';

type Context = RequestContext<PlansLoaders>;

/** Fields of Plan beyond its row; each goes through a request DataLoader. */
@Resolver(() => Plan)
export class PlanFieldsResolver {
  @FieldResolver(() => CitizenRef, { description: 'The citizen whose plan it is.' })
  citizen(@Root() plan: Plan): CitizenRef {
    return { id: plan.citizenId };
  }

  @FieldResolver(() => [Milestone], { description: 'Milestones (milepæle), by deadline; revised and dropped ones included.' })
  milestones(@Root() plan: Plan, @Ctx() ctx: Context): Promise<Milestone[]> {
    return ctx.loaders.milestonesByPlan.load(plan.id);
  }

  @FieldResolver(() => [Milestone], {
    description: 'Milestones past their deadline and not ACHIEVED, DROPPED or REVISED (overskredne milepæle).',
  })
  async overdueMilestones(@Root() plan: Plan, @Ctx() ctx: Context): Promise<Milestone[]> {
    const today = todayInCopenhagen();
    return (await ctx.loaders.milestonesByPlan.load(plan.id)).filter((m) => isOverdue(m, today));
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description: 'The nearest deadline of a milestone still to be reached from today on; null if none.',
  })
  async nextMilestoneDeadline(@Root() plan: Plan, @Ctx() ctx: Context): Promise<string | null> {
    const today = todayInCopenhagen();
    const open = (await ctx.loaders.milestonesByPlan.load(plan.id)).filter(
      (m) => OPEN_MILESTONE_STATUSES.includes(m.status) && m.deadline >= today,
    );
    return open.length ? open.map((m) => m.deadline).sort()[0] : null;
  }

  @FieldResolver(() => [PlanPeriod], { description: 'Period statuses from network meetings (periodestatus), newest first.' })
  periods(@Root() plan: Plan, @Ctx() ctx: Context): Promise<PlanPeriod[]> {
    return ctx.loaders.periodsByPlan.load(plan.id);
  }

  @FieldResolver(() => PlanPeriod, { nullable: true, description: 'The newest period status, if any.' })
  async latestPeriod(@Root() plan: Plan, @Ctx() ctx: Context): Promise<PlanPeriod | null> {
    return (await ctx.loaders.periodsByPlan.load(plan.id))[0] ?? null;
  }

  @FieldResolver(() => String, {
    description:
      "The plan as a print-ready HTML page to hand the citizen (udskrift af planen): goal, the citizen's words, milestones with deadlines and status, the latest period status.",
  })
  async printableHtml(
    @Root() plan: Plan,
    @Ctx() ctx: Context,
    @Arg('language', () => PrintLanguage, { nullable: true, defaultValue: PrintLanguage.DA }) language?: PrintLanguage,
  ): Promise<string> {
    const [milestones, periods] = await Promise.all([ctx.loaders.milestonesByPlan.load(plan.id), ctx.loaders.periodsByPlan.load(plan.id)]);
    return renderPlanHtml({ ...plan, milestones, latestPeriod: periods[0] ?? null }, language ?? PrintLanguage.DA, todayInCopenhagen());
  }
}
