import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { changeTransaction, notFound, RequestContext } from '@jobcenter/kit';
import { requireSelfOrCaseStaff } from '@jobcenter/kit/access';
import { optionalText } from '../citizen/citizen.rules';
import { CitizensLoaders } from '../loaders';
import { NetworkContact } from './network-contact.entity';
import { NetworkContactInput } from './network-contact.inputs';

@Resolver(() => NetworkContact)
export class NetworkContactResolver {
  @Mutation(() => NetworkContact, {
    description: "Adds a person to the citizen's network. Staff, or the citizen for themselves.",
  })
  async addNetworkContact(
    @Arg('citizenId', () => ID) citizenId: string,
    @Arg('input') input: NetworkContactInput,
    @Ctx() ctx: RequestContext<CitizensLoaders>,
  ): Promise<NetworkContact> {
    requireSelfOrCaseStaff(ctx.actor, citizenId, "change a citizen's network");
    if (!(await ctx.loaders.citizenById.load(citizenId))) throw notFound('Citizen', citizenId);
    await ctx.access.assert(citizenId);
    return changeTransaction(ctx, (tx) => {
      const repo = tx.getRepository(NetworkContact);
      return repo.save(
        repo.create({
          citizenId,
          name: input.name.trim(),
          relation: input.relation.trim(),
          phone: optionalText(input.phone),
          email: optionalText(input.email),
        }),
      );
    });
  }
}
