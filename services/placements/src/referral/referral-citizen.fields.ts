import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequestContext } from '@jobcenter/kit';
import { mayReadCitizenPlacements } from '../access';
import { PlacementCitizen } from '../federation/placement-citizen';
import { PlacementsLoaders } from '../loaders';
import { Referral } from './referral.entity';
import { ReferralStatus } from './referral.enums';

type Context = RequestContext<PlacementsLoaders>;

/** The offers part of Citizen (entity extension); one statement for any number of citizens. */
@Resolver(() => PlacementCitizen)
export class CitizenReferralsResolver {
  @FieldResolver(() => [Referral], { description: "All the citizen's referrals to offers (tilbud), newest start first." })
  async referrals(@Root() citizen: PlacementCitizen, @Ctx() ctx: Context): Promise<Referral[]> {
    if (!(await mayReadCitizenPlacements(ctx, citizen.id, 'Referrals'))) return [];
    return ctx.loaders.referralsByCitizen.load(citizen.id);
  }

  @FieldResolver(() => [Referral], { description: 'The ACTIVE referrals (offers under way, igangværende tilbud), for the caseload.' })
  async activeReferrals(@Root() citizen: PlacementCitizen, @Ctx() ctx: Context): Promise<Referral[]> {
    if (!(await mayReadCitizenPlacements(ctx, citizen.id, 'Referrals'))) return [];
    const all = await ctx.loaders.referralsByCitizen.load(citizen.id);
    return all.filter((r) => r.status === ReferralStatus.ACTIVE);
  }
}
