import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequestContext } from '@jobcenter/kit';
import { mayReadCitizenPlacements } from '../access';
import { PlacementsLoaders } from '../loaders';
import { Placement } from '../placement/placement.entity';
import { PlacementStatus } from '../placement/placement.enums';
import { PlacementCitizen } from './placement-citizen';

type Context = RequestContext<PlacementsLoaders>;

/** The placements subgraph's fields on Citizen; one statement for any number of citizens. */
@Resolver(() => PlacementCitizen)
export class CitizenPlacementsResolver {
  @FieldResolver(() => [Placement], { description: "All the citizen's placements (praktikker, løntilskud, job), newest start first." })
  async placements(@Root() citizen: PlacementCitizen, @Ctx() ctx: Context): Promise<Placement[]> {
    if (!(await mayReadCitizenPlacements(ctx, citizen.id))) return [];
    return ctx.loaders.placementsByCitizen.load(citizen.id);
  }

  @FieldResolver(() => Placement, { nullable: true, description: 'The ACTIVE placement (igangværende), if any.' })
  async activePlacement(@Root() citizen: PlacementCitizen, @Ctx() ctx: Context): Promise<Placement | null> {
    if (!(await mayReadCitizenPlacements(ctx, citizen.id))) return null;
    const all = await ctx.loaders.placementsByCitizen.load(citizen.id);
    return all.find((p) => p.status === PlacementStatus.ACTIVE) ?? null;
  }
}
