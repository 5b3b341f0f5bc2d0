import { RequestContext } from '@jobcenter/kit';
import { assertMayReadCitizenPlacements } from '../access';
import { PlacementsLoaders } from '../loaders';
import { Placement } from './placement.entity';

/** Placement references from other subgraphs, batched; the reader must be allowed to see it. */
export async function resolvePlacementReference(
  reference: { id: string },
  ctx: RequestContext<PlacementsLoaders>,
): Promise<Placement | null> {
  const placement = await ctx.loaders.placementById.load(reference.id);
  if (placement) assertMayReadCitizenPlacements(ctx.actor, placement.citizenId);
  return placement;
}
