import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PersonalData, RequestContext } from '@jobcenter/kit';
import { Assignment } from '../assignment/assignment.entity';
import { formatCpr, maskCpr } from '../cpr/cpr.rules';
import { CitizensLoaders } from '../loaders';
import { NetworkContact } from '../network/network-contact.entity';
import { ResourceProfile } from '../resource-profile/resource-profile.entity';
import { seesFullCpr } from './citizen.access';
import { Citizen } from './citizen.entity';

type Context = RequestContext<CitizensLoaders>;

/** Fields of Citizen that need more than its own row; each goes through a request DataLoader. */
@Resolver(() => Citizen)
export class CitizenFieldsResolver {
  @PersonalData()
  @FieldResolver(() => String, {
    description: 'CPR number: DDMMYY-SSSS for the citizen and their team, DDMMYY-**** for other staff.',
  })
  async cpr(@Root() citizen: Citizen, @Ctx() ctx: Context): Promise<string> {
    if (ctx.actor.role === 'CITIZEN') return formatCpr(citizen.cprDigits);
    const assignments = await ctx.loaders.activeAssignmentsByCitizen.load(citizen.id);
    return seesFullCpr(ctx.actor, citizen.id, assignments) ? formatCpr(citizen.cprDigits) : maskCpr(citizen.cprDigits);
  }

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

  @PersonalData()
  @FieldResolver(() => [NetworkContact], { description: "People in the citizen's network (netværk)." })
  network(@Root() citizen: Citizen, @Ctx() ctx: Context): Promise<NetworkContact[]> {
    return ctx.loaders.networkByCitizen.load(citizen.id);
  }

  @PersonalData()
  @FieldResolver(() => ResourceProfile, { nullable: true, description: 'The resource profile (ressourceprofil), once made.' })
  resourceProfile(@Root() citizen: Citizen, @Ctx() ctx: Context): Promise<ResourceProfile | null> {
    return ctx.loaders.profileByCitizen.load(citizen.id);
  }
}
