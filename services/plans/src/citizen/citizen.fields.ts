import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequestContext } from '@jobcenter/kit';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { mayReadCitizenPlans } from '../access';
import { PlansLoaders } from '../loaders';
import { Plan } from '../plan/plan.entity';
import { PrintLanguage } from '../plan/plan.enums';
import { renderPlanHtml } from '../plan/plan.print';
import { ProgressAssessment } from '../progress/progress-assessment.entity';
import { CitizenRef } from './citizen-ref';

type Context = RequestContext<PlansLoaders>;

/** The plans subgraph's fields on Citizen; each batched through a request DataLoader. */
@Resolver(() => CitizenRef)
export class CitizenPlansResolver {
  @FieldResolver(() => [Plan], { description: "All the citizen's action plans (handleplaner), newest start first." })
  async plans(@Root() citizen: CitizenRef, @Ctx() ctx: Context): Promise<Plan[]> {
    if (!(await mayReadCitizenPlans(ctx, citizen.id))) return [];
    return ctx.loaders.plansByCitizen.load(citizen.id);
  }

  @FieldResolver(() => Plan, { nullable: true, description: 'The ACTIVE action plan (aktiv handleplan), if any.' })
  async activePlan(@Root() citizen: CitizenRef, @Ctx() ctx: Context): Promise<Plan | null> {
    if (!(await mayReadCitizenPlans(ctx, citizen.id))) return null;
    return ctx.loaders.activePlanByCitizen.load(citizen.id);
  }

  @FieldResolver(() => [ProgressAssessment], { description: 'Progression measurements (progressionsmålinger), oldest first.' })
  async progress(@Root() citizen: CitizenRef, @Ctx() ctx: Context): Promise<ProgressAssessment[]> {
    if (!(await mayReadCitizenPlans(ctx, citizen.id))) return [];
    return ctx.loaders.progressByCitizen.load(citizen.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The active plan as a print-ready HTML page with the citizen's name, to hand them at the end of the conversation (udskrift af planen); null without an active plan.",
  })
  @Directive('@requires(fields: "firstName lastName")')
  async printablePlan(
    @Root() citizen: CitizenRef,
    @Ctx() ctx: Context,
    @Arg('language', () => PrintLanguage, { nullable: true, defaultValue: PrintLanguage.DA }) language?: PrintLanguage,
  ): Promise<string | null> {
    if (!(await mayReadCitizenPlans(ctx, citizen.id))) return null;
    const plan = await ctx.loaders.activePlanByCitizen.load(citizen.id);
    if (!plan) return null;
    const [milestones, periods] = await Promise.all([ctx.loaders.milestonesByPlan.load(plan.id), ctx.loaders.periodsByPlan.load(plan.id)]);
    const citizenName = [citizen.firstName, citizen.lastName].filter(Boolean).join(' ') || null;
    return renderPlanHtml(
      { ...plan, citizenName, milestones, latestPeriod: periods[0] ?? null },
      language ?? PrintLanguage.DA,
      todayInCopenhagen(),
    );
  }
}
