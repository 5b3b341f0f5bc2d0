import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequestContext } from '@jobcenter/kit';
import { Assignment } from '../assignment/assignment.entity';
import { formatCpr, maskCpr } from '../cpr/cpr.rules';
import { revealCpr } from '../cpr/cpr.storage';
import { CitizensLoaders } from '../loaders';
import { NetworkContact } from '../network/network-contact.entity';
import { ResourceProfile } from '../resource-profile/resource-profile.entity';
import { seesFullCpr } from './citizen.access';
import { CitizenData, isMaskedHit, isOwnRegistration } from './citizen.guard';
import { Citizen } from './citizen.entity';

type Context = RequestContext<CitizensLoaders>;

/** Fields of Citizen that need more than its own row; each goes through a request DataLoader. */
@Resolver(() => Citizen)
export class CitizenFieldsResolver {
  @CitizenData()
  @FieldResolver(() => String, {
    description: 'CPR number: DDMMYY-SSSS for the citizen and the staff with access; DDMMYY-**** in a masked search hit.',
  })
  async cpr(@Root() citizen: Citizen, @Ctx() ctx: Context): Promise<string> {
    // Decrypted only here, where the number leaves the service, so a changed value is noticed.
    const digits = revealCpr(citizen);
    if (isMaskedHit(citizen) || isOwnRegistration(citizen)) return maskCpr(digits);
    return seesFullCpr(await ctx.access.decide(citizen.id)) ? formatCpr(digits) : maskCpr(digits);
  }

  @CitizenData()
  @FieldResolver(() => [Assignment], {
    description: "The citizen's team: who holds which role, oldest first. Ended assignments with `activeOnly: false`.",
  })
  assignments(
    @Root() citizen: Citizen,
    @Ctx() ctx: Context,
    @Arg('activeOnly', () => Boolean, { nullable: true, defaultValue: true }) activeOnly?: boolean | null,
  ): Promise<Assignment[]> {
    return (activeOnly !== false ? ctx.loaders.activeAssignmentsByCitizen : ctx.loaders.allAssignmentsByCitizen).load(citizen.id);
  }

  @CitizenData()
  @FieldResolver(() => [NetworkContact], { description: "People in the citizen's network (netværk)." })
  network(@Root() citizen: Citizen, @Ctx() ctx: Context): Promise<NetworkContact[]> {
    return ctx.loaders.networkByCitizen.load(citizen.id);
  }

  @CitizenData()
  @FieldResolver(() => ResourceProfile, { nullable: true, description: 'The resource profile (ressourceprofil), once made.' })
  resourceProfile(@Root() citizen: Citizen, @Ctx() ctx: Context): Promise<ResourceProfile | null> {
    return ctx.loaders.profileByCitizen.load(citizen.id);
  }
}
