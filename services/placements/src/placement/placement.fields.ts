import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DateScalar, RequestContext } from '@jobcenter/kit';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { Company } from '../company/company.entity';
import { PlacementCitizen } from '../federation/placement-citizen';
import { PlacementStaffMember } from '../federation/placement-staff-member';
import { PlacementFollowUp } from '../follow-up/follow-up.entity';
import { PlacementsLoaders } from '../loaders';
import { PlacementRuleInfo, ruleInfo } from '../rules/placement-rule.type';
import { extensionLimit, maxEndDate, ruleFor } from '../rules/placement-rules';
import { PlacementExtension } from './placement-extension.entity';
import { Placement } from './placement.entity';
import { AttentionReason, PlacementStatus } from './placement.enums';
import { attentionReasons, EXTENDABLE } from './placement.rules';

type Context = RequestContext<PlacementsLoaders>;

/** Fields of Placement beyond its row; references and lists go through request DataLoaders. */
@Resolver(() => Placement)
export class PlacementFieldsResolver {
  @FieldResolver(() => PlacementCitizen, { description: 'The citizen (borger), resolved by the citizens service.' })
  citizen(@Root() placement: Placement): PlacementCitizen {
    return { id: placement.citizenId };
  }

  @FieldResolver(() => Company, { description: 'The company (virksomhed).' })
  async company(@Root() placement: Placement, @Ctx() ctx: Context): Promise<Company> {
    const company = await ctx.loaders.companyById.load(placement.companyId);
    if (!company) throw new Error(`placement ${placement.id} refers to a missing company`);
    return company;
  }

  @FieldResolver(() => PlacementStaffMember, { nullable: true, description: 'The job consultant (jobkonsulent) following the placement.' })
  jobConsultant(@Root() placement: Placement): PlacementStaffMember | null {
    return placement.jobConsultantId ? { id: placement.jobConsultantId } : null;
  }

  @FieldResolver(() => DateScalar, {
    description:
      'Latest end date the rules allow without an extension: for the kind and `targetGroupAtStart`, by the rule in force on the start date. ORDINARY_JOB and FLEXJOB have no legal maximum: for them it is the end date itself.',
  })
  maxEndDate(@Root() placement: Placement): string {
    const rule = ruleFor(placement.kind, placement.targetGroupAtStart, placement.startDate);
    return rule ? maxEndDate(rule, placement.startDate) : placement.endDate;
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description:
      'Latest end date an extension with a justification may set now (e.g. up to 26 weeks for a 13-week internship, then 13 weeks at a time); null when the placement can no longer be extended or has no legal maximum.',
  })
  extendableUntil(@Root() placement: Placement): string | null {
    if (!EXTENDABLE.includes(placement.status)) return null;
    const rule = ruleFor(placement.kind, placement.targetGroupAtStart, placement.startDate);
    if (!rule) return null;
    const limit = extensionLimit(rule, placement.startDate, placement.endDate);
    return limit > placement.endDate ? limit : null;
  }

  @FieldResolver(() => PlacementRuleInfo, {
    nullable: true,
    description: 'The legal rule that limits this placement; null for ORDINARY_JOB and FLEXJOB.',
  })
  rule(@Root() placement: Placement): PlacementRuleInfo | null {
    const rule = ruleFor(placement.kind, placement.targetGroupAtStart, placement.startDate);
    return rule ? ruleInfo(rule) : null;
  }

  @FieldResolver(() => [PlacementFollowUp], { description: 'Follow-ups (opfølgninger), oldest first.' })
  followUps(@Root() placement: Placement, @Ctx() ctx: Context): Promise<PlacementFollowUp[]> {
    return ctx.loaders.followUpsByPlacement.load(placement.id);
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: 'Date of the latest follow-up; null when there is none.' })
  async lastFollowUpDate(@Root() placement: Placement, @Ctx() ctx: Context): Promise<string | null> {
    const list = await ctx.loaders.followUpsByPlacement.load(placement.id);
    return list.length ? list[list.length - 1].date : null;
  }

  @FieldResolver(() => [PlacementExtension], { description: 'Extensions of the end date with their justifications, oldest first.' })
  extensions(@Root() placement: Placement, @Ctx() ctx: Context): Promise<PlacementExtension[]> {
    return ctx.loaders.extensionsByPlacement.load(placement.id);
  }

  @FieldResolver(() => [AttentionReason], {
    description: 'Why this placement needs attention now (ACTIVE only): no follow-up in 14 days, ending within 14 days, past the end date.',
  })
  async attentionReasons(@Root() placement: Placement, @Ctx() ctx: Context): Promise<AttentionReason[]> {
    if (placement.status !== PlacementStatus.ACTIVE) return [];
    const list = await ctx.loaders.followUpsByPlacement.load(placement.id);
    return attentionReasons(placement, list.length ? list[list.length - 1].date : null, todayInCopenhagen());
  }
}
