import { Arg, Ctx, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { isUuid, RequestContext, requireRole } from '@jobcenter/kit';
import { PlacementsLoaders } from '../loaders';
import { PlacementStatus } from '../placement/placement.enums';

@ObjectType({ description: "Whose placement an id names, for the meetings service's check of a kick-off meeting (ids and a status only)." })
export class PlacementOwner {
  @Field(() => ID, { description: 'The placement.' })
  placementId!: string;

  @Field(() => ID, { description: 'The citizen whose placement it is.' })
  citizenId!: string;

  @Field(() => PlacementStatus, { description: 'Where the placement stands.' })
  status!: PlacementStatus;
}

/**
 * Which citizen a placement belongs to: asked by the meetings service with its SERVICE identity
 * when a meeting is booked with a `placementId`, so a kick-off can only be linked to a placement
 * of the meeting's own citizen. Ids and a status, nothing personal; hidden from the composed API.
 */
@Resolver()
export class PlacementOwnerResolver {
  @Directive('@inaccessible')
  @Query(() => PlacementOwner, { nullable: true, description: 'The owner of a placement (services only); null when there is none.' })
  async placementOwner(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext<PlacementsLoaders>): Promise<PlacementOwner | null> {
    requireRole(ctx.actor, ['SERVICE'], 'look up placement owners');
    if (!isUuid(id)) return null;
    const placement = await ctx.loaders.placementById.load(id);
    return placement ? { placementId: placement.id, citizenId: placement.citizenId, status: placement.status } : null;
  }
}
