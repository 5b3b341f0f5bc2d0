import { RequestContext } from '@jobcenter/kit';
import { assertMayReadCitizenPlans, assertMayReadPersonalData } from '../access';
import { PlansLoaders } from '../loaders';
import { Plan } from './plan.entity';

/**
 * A plan the actor may read, through the request's DataLoader; null if there is none.
 * Analysts and services are refused before anything is looked up; a citizen asking for another citizen's
 * plan is refused, and one asking for a plan that does not exist gets null like anyone else.
 */
export async function readablePlan(id: string, ctx: RequestContext<PlansLoaders>): Promise<Plan | null> {
  assertMayReadPersonalData(ctx.actor);
  const plan = await ctx.loaders.planById.load(id);
  if (plan) assertMayReadCitizenPlans(ctx.actor, plan.citizenId);
  return plan;
}

/** Plan references from other subgraphs, batched: one statement for any number of ids. */
export function resolvePlanReference(reference: { id: string }, ctx: RequestContext<PlansLoaders>): Promise<Plan | null> {
  return readablePlan(reference.id, ctx);
}
