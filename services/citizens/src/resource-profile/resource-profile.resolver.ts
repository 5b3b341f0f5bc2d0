import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { changeTransaction, notFound, RequestContext } from '@jobcenter/kit';
import { requireSelfOrCaseStaff } from '@jobcenter/kit/access';
import { CitizensLoaders } from '../loaders';
import { ResourceProfile } from './resource-profile.entity';
import { ResourceProfileInput } from './resource-profile.inputs';

@Resolver(() => ResourceProfile)
export class ResourceProfileResolver {
  @Mutation(() => ResourceProfile, {
    description: 'Creates or changes the resource profile. The citizen may write their own dreams and strengths; staff may too.',
  })
  async updateResourceProfile(
    @Arg('citizenId', () => ID) citizenId: string,
    @Arg('input') input: ResourceProfileInput,
    @Ctx() ctx: RequestContext<CitizensLoaders>,
  ): Promise<ResourceProfile> {
    requireSelfOrCaseStaff(ctx.actor, citizenId, "change a citizen's resource profile");
    if (!(await ctx.loaders.citizenById.load(citizenId))) throw notFound('Citizen', citizenId);
    await ctx.access.assert(citizenId);
    return changeTransaction(ctx, async (tx) => {
      const repo = tx.getRepository(ResourceProfile);
      await repo.createQueryBuilder().insert().values({ citizenId, strengths: [] }).orIgnore().execute();
      const profile = await repo
        .createQueryBuilder('p')
        .setLock('pessimistic_write')
        .where('p.citizen_id = :citizenId', { citizenId })
        .getOneOrFail();
      if (input.dreams !== undefined) profile.dreams = input.dreams?.trim() || null;
      if (input.strengths !== undefined) profile.strengths = input.strengths.map((s) => s.trim()).filter(Boolean);
      return repo.save(profile);
    });
  }
}
