import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DateScalar, RequestContext } from '@jobcenter/kit';
import { PlacementCitizen } from '../federation/placement-citizen';
import { PlacementsLoaders } from '../loaders';
import { Provider } from '../provider/provider.entity';
import { agreementMaxEnd, describeOfferRule, offerRuleFor } from '../rules/offer-rules';
import { PlacementRuleInfo } from '../rules/placement-rule.type';
import { ReferralMilestone } from './referral-milestone';
import { ReferralRenewal } from './referral-renewal.entity';
import { Referral } from './referral.entity';
import { RENEWABLE } from './referral.rules';

type Context = RequestContext<PlacementsLoaders>;

/** Fields of Referral beyond its row; references and lists go through request DataLoaders. */
@Resolver(() => Referral)
export class ReferralFieldsResolver {
  @FieldResolver(() => PlacementCitizen, { description: 'The citizen (borger), resolved by the citizens service.' })
  citizen(@Root() referral: Referral): PlacementCitizen {
    return { id: referral.citizenId };
  }

  @FieldResolver(() => Provider, { description: 'The provider (tilbudsgiver).' })
  async provider(@Root() referral: Referral, @Ctx() ctx: Context): Promise<Provider> {
    const provider = await ctx.loaders.providerById.load(referral.providerId);
    if (!provider) throw new Error(`referral ${referral.id} refers to a missing provider`);
    return provider;
  }

  @FieldResolver(() => ReferralMilestone, { nullable: true, description: "The milestone of the citizen's plan the offer serves, if any." })
  milestone(@Root() referral: Referral): ReferralMilestone | null {
    return referral.milestoneId ? { id: referral.milestoneId } : null;
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description:
      'Where a rule limits the length: the latest end date of the current agreement period (mentor support: 6 months from the start, or from the day after the end a renewal continued), by the rule in force on the start date. Null when no rule limits the kind.',
  })
  maxEndDate(@Root() referral: Referral): string | null {
    const rule = offerRuleFor(referral.kind, referral.startDate);
    return rule ? agreementMaxEnd(rule, referral.agreementStart) : null;
  }

  @FieldResolver(() => PlacementRuleInfo, { nullable: true, description: 'The legal rule that limits this referral; null when none does.' })
  rule(@Root() referral: Referral): PlacementRuleInfo | null {
    const rule = offerRuleFor(referral.kind, referral.startDate);
    if (!rule) return null;
    return {
      code: rule.code,
      description: rule.description,
      source: rule.source,
      effectiveFrom: rule.effectiveFrom,
      ...describeOfferRule(rule),
    };
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether `renewReferral` may renew it now (an open referral a rule limits, e.g. mentor support).',
  })
  renewable(@Root() referral: Referral): boolean {
    const rule = offerRuleFor(referral.kind, referral.startDate);
    return Boolean(rule?.renewal && referral.endDate && RENEWABLE.includes(referral.status));
  }

  @FieldResolver(() => [ReferralRenewal], { description: 'Renewals of the agreement, oldest first.' })
  renewals(@Root() referral: Referral, @Ctx() ctx: Context): Promise<ReferralRenewal[]> {
    return ctx.loaders.renewalsByReferral.load(referral.id);
  }
}
