import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { badUserInput, changeTransaction, conflict, isUniqueViolation, RequestContext } from '@jobcenter/kit';
import { requireCaseStaff, requireStaff } from '@jobcenter/kit/access';
import { optionalText, requiredText } from '@jobcenter/kit/input';
import { cvrFromInput } from '../company/cvr.rules';
import { PlacementsLoaders } from '../loaders';
import { OfferKind } from './offer-kind';
import { Provider } from './provider.entity';
import { RegisterProviderInput } from './provider.inputs';

type Context = RequestContext<PlacementsLoaders>;

/**
 * The provider register (tilbudsgivere). Providers are not personal data: any staff member may
 * look them up; case staff (caseworkers, resource and job consultants, team leads) register them,
 * as they register companies. Citizens see the provider of their own referrals through
 * `Referral.provider`, analysts the figures only.
 */
@Resolver(() => Provider)
export class ProviderResolver {
  @Query(() => Provider, { nullable: true, description: 'One provider by id; null if there is none (staff).' })
  provider(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Provider | null> {
    requireStaff(ctx.actor, 'look providers up');
    return ctx.loaders.providerById.load(id);
  }

  @Query(() => [Provider], { description: 'Providers by name, optionally only those that give one kind of offer (staff).' })
  providers(@Ctx() ctx: Context, @Arg('kind', () => OfferKind, { nullable: true }) kind?: OfferKind | null): Promise<Provider[]> {
    requireStaff(ctx.actor, 'look providers up');
    const qb = ctx.dataSource.getRepository(Provider).createQueryBuilder('p');
    if (kind) qb.where(':kind = ANY(p.kinds)', { kind });
    return qb.orderBy('p.name', 'ASC').addOrderBy('p.id', 'ASC').getMany();
  }

  @Mutation(() => Provider, {
    description:
      'Registers a provider of offers (case staff). A CVR number that fails its check is BAD_USER_INPUT at `cvr`; one already registered is a CONFLICT.',
  })
  async registerProvider(@Arg('input') input: RegisterProviderInput, @Ctx() ctx: Context): Promise<Provider> {
    requireCaseStaff(ctx.actor, 'register providers');
    const name = requiredText(input.name, 'name', 200);
    const kinds = [...new Set(input.kinds)];
    if (kinds.length === 0) throw badUserInput('kinds: choose at least one kind of offer the provider gives.', 'kinds');
    const cvr = input.cvr?.trim() ? cvrFromInput(input.cvr) : null;
    const provider = ctx.dataSource.getRepository(Provider).create({
      name,
      kinds,
      cvr,
      civilSociety: input.civilSociety ?? false,
      contact: optionalText(input.contact, 'contact', 400),
    });
    try {
      return await changeTransaction(ctx, (tx) => tx.getRepository(Provider).save(provider));
    } catch (error) {
      if (isUniqueViolation(error, 'uq_provider_cvr')) {
        throw conflict(`A provider with CVR number ${cvr} is already registered; find it in the provider list instead.`);
      }
      throw error;
    }
  }
}
