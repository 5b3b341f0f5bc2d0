import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequestContext } from '@jobcenter/kit';
import { PlacementsLoaders } from '../loaders';
import { Placement } from '../placement/placement.entity';
import { nextOf, pathwayOf, previousOf } from './pathway.rules';

type Context = RequestContext<PlacementsLoaders>;

/**
 * A placement's place in its pathway. A pathway is one citizen's, so the reader was already
 * allowed to see it with the placement itself; the citizen's placements come from one batched
 * statement (the same loader as Citizen.placements), however many placements are asked for.
 */
@Resolver(() => Placement)
export class PathwayFieldsResolver {
  @FieldResolver(() => Placement, {
    nullable: true,
    description: 'The placement this one continues at the same company (e.g. the internship before a wage subsidy); null if none.',
  })
  async previous(@Root() placement: Placement, @Ctx() ctx: Context): Promise<Placement | null> {
    return previousOf(placement, await ctx.loaders.placementsByCitizen.load(placement.citizenId));
  }

  @FieldResolver(() => Placement, {
    nullable: true,
    description: 'The placement that continues this one at the same company (not cancelled); null if none yet.',
  })
  async next(@Root() placement: Placement, @Ctx() ctx: Context): Promise<Placement | null> {
    return nextOf(placement, await ctx.loaders.placementsByCitizen.load(placement.citizenId));
  }

  @FieldResolver(() => [Placement], {
    description:
      'The whole pathway (forløb) this placement belongs to, first placement first: e.g. internship → wage subsidy → ordinary job at one company. Just this placement when it stands alone.',
  })
  async pathway(@Root() placement: Placement, @Ctx() ctx: Context): Promise<Placement[]> {
    return pathwayOf(placement, await ctx.loaders.placementsByCitizen.load(placement.citizenId));
  }
}
