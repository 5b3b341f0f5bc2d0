import { RequestContext } from '@jobcenter/kit';
import { mayReadCitizenPlacements } from '../access';
import { PlacementsLoaders } from '../loaders';
import { Placement } from './placement.entity';

/** Placement references from other subgraphs, batched; the reader must be allowed to see it. */
export async function resolvePlacementReference(
  reference: { id: string },
  ctx: RequestContext<PlacementsLoaders>,
): Promise<Placement | null> {
  const placement = await ctx.loaders.placementById.load(reference.id);
  // Another citizen's placement is null, as if unknown; staff outside the caseload get FORBIDDEN.
  if (placement && !(await mayReadCitizenPlacements(ctx, placement.citizenId))) return null;
  return placement;
}
