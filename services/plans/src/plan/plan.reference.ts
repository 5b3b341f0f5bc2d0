import { RequestContext } from '@jobcenter/kit';
import { assertMayReadPersonalData, mayReadCitizenPlans } from '../access';
import { PlansLoaders } from '../loaders';
import { Plan } from './plan.entity';

/**
 * A plan the actor may read, through the request's DataLoader; null if there is none.
 * Analysts and services are refused before anything is looked up; staff outside the citizen's
 * caseload get FORBIDDEN; a citizen asking for another citizen's plan gets null, exactly as for
 * a plan that does not exist.
 */
export async function readablePlan(id: string, ctx: RequestContext<PlansLoaders>): Promise<Plan | null> {
  assertMayReadPersonalData(ctx.actor);
  const plan = await ctx.loaders.planById.load(id);
  if (plan && !(await mayReadCitizenPlans(ctx, plan.citizenId))) return null;
  return plan;
}

/** Plan references from other subgraphs, batched: one statement for any number of ids. */
export function resolvePlanReference(reference: { id: string }, ctx: RequestContext<PlansLoaders>): Promise<Plan | null> {
  return readablePlan(reference.id, ctx);
}
