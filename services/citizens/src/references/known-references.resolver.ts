import { Arg, Ctx, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { In } from 'typeorm';
import { RequestContext } from '@jobcenter/kit';
import { requireRole } from '@jobcenter/kit/access';
import { isUuid } from '@jobcenter/kit/ids';
import { Citizen } from '../citizen/citizen.entity';
import { CitizensLoaders } from '../loaders';
import { StaffMember } from '../staff/staff-member.entity';

@ObjectType({ description: 'Which of the ids asked about name a citizen or a staff member here. For services only.' })
export class KnownReferences {
  @Field(() => [ID], { description: 'The citizen ids asked about that exist.' })
  citizenIds!: string[];

  @Field(() => [ID], { description: 'The staff ids asked about that exist.' })
  staffIds!: string[];
}

/**
 * How the other subgraphs check, before they store a reference, that a citizen or staff id names
 * someone (the kit's assertReferencesExist): asked with their SERVICE identity, answered with
 * ids only (no names, nothing personal), hidden from the composed API (`@inaccessible`).
 */
@Resolver()
export class KnownReferencesResolver {
  @Directive('@inaccessible')
  @Query(() => KnownReferences, { description: 'The ids among these that exist, for reference checks in other services.' })
  async knownReferences(
    @Arg('citizenIds', () => [ID]) citizenIds: string[],
    @Arg('staffIds', () => [ID]) staffIds: string[],
    @Ctx() ctx: RequestContext<CitizensLoaders>,
  ): Promise<KnownReferences> {
    requireRole(ctx.actor, ['SERVICE'], 'check references');
    const ids = (list: string[]) => [...new Set(list.filter(isUuid))].slice(0, 1000);
    const [citizens, staff] = await Promise.all([
      ids(citizenIds).length
        ? ctx.dataSource.getRepository(Citizen).find({ select: { id: true }, where: { id: In(ids(citizenIds)) } })
        : [],
      ids(staffIds).length
        ? ctx.dataSource.getRepository(StaffMember).find({ select: { id: true }, where: { id: In(ids(staffIds)) } })
        : [],
    ]);
    return { citizenIds: citizens.map((c) => c.id), staffIds: staff.map((s) => s.id) };
  }
}
