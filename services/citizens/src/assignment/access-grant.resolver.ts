import { Arg, Ctx, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { RequestContext } from '@jobcenter/kit';
import { requireRole } from '@jobcenter/kit/access';
import { CitizensLoaders } from '../loaders';
import { localGrantSource } from './assignment.grants';

@ObjectType({ description: 'An active assignment as an access grant (no personal data). For services only.' })
export class AccessGrantType {
  @Field(() => ID)
  citizenId!: string;

  @Field(() => ID)
  staffId!: string;

  @Field(() => String, { nullable: true, description: "The assigned staff member's team." })
  team!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'For an emergency access: its reason (it opens the citizen to that staff member alone).',
  })
  reason?: string | null;
}

/**
 * How the other subgraphs learn the caseloads: they ask here, with their SERVICE identity,
 * for the active grants of the citizens a request touches (one call per request batch) and
 * cache the answer for at most 60 seconds. Hidden from the composed API (`@inaccessible`).
 */
@Resolver()
export class AccessGrantResolver {
  @Directive('@inaccessible')
  @Query(() => [AccessGrantType], { description: 'Active assignments of these citizens, for access decisions in other services.' })
  async accessGrants(
    @Arg('citizenIds', () => [ID]) citizenIds: string[],
    @Ctx() ctx: RequestContext<CitizensLoaders>,
  ): Promise<AccessGrantType[]> {
    requireRole(ctx.actor, ['SERVICE'], 'read access grants');
    return localGrantSource(ctx.dataSource)(citizenIds.slice(0, 1000));
  }
}
