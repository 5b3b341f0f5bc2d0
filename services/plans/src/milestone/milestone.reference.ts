import { RequestContext } from '@jobcenter/kit';
import { assertMayReadPersonalData, mayReadCitizenPlans } from '../access';
import { PlansLoaders } from '../loaders';
import { Milestone } from './milestone.entity';

/** A milestone the actor may read (same rules as its plan); null if there is none. */
async function readableMilestone(id: string, ctx: RequestContext<PlansLoaders>): Promise<Milestone | null> {
  assertMayReadPersonalData(ctx.actor);
  const milestone = await ctx.loaders.milestoneById.load(id);
  if (milestone) {
    const plan = await ctx.loaders.planById.load(milestone.planId);
    if (!(await mayReadCitizenPlans(ctx, plan!.citizenId))) return null;
  }
  return milestone;
}

/** Milestone references from other subgraphs, batched through the request's DataLoaders. */
export function resolveMilestoneReference(reference: { id: string }, ctx: RequestContext<PlansLoaders>): Promise<Milestone | null> {
  return readableMilestone(reference.id, ctx);
}
