import { Arg, Ctx, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { badUserInput, DateScalar, isCaseStaffRole, isUuid, logReadFor, RequestContext, requireRole } from '@jobcenter/kit';
import { PlacementsLoaders } from '../loaders';

@ObjectType('ReportReferral', { description: 'A referral as a report of the course quotes it (services only).' })
@Directive('@inaccessible')
export class ReportReferral {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The citizen referred.' }) citizenId!: string;
  @Field({ description: "The provider's name (tilbudsgiver)." }) providerName!: string;
  @Field({ description: 'OfferKind code.' }) kind!: string;
  @Field(() => String, { nullable: true, description: 'What the offer is for (formål).' }) purpose!: string | null;
  @Field(() => DateScalar) startDate!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Last day, included; null when open-ended.' }) endDate!: string | null;
  @Field({ description: 'ReferralStatus code.' }) status!: string;
  @Field(() => String, { nullable: true, description: 'How it went, in words (udfald).' }) outcome!: string | null;
  @Field(() => String, { nullable: true, description: 'ReferralResult code.' }) result!: string | null;
}

/**
 * The plans service drafts a report of a course that is a referral (e.g. pedagogical support in
 * the home) and copies the referral into it: it asks here with its SERVICE identity, after it has
 * checked that the staff member drafting may see the citizen, and names that staff member, so the
 * read is on the citizen's access log under them (purpose: report drafting). Hidden from the
 * composed API. A referral of another citizen answers as unknown (null): nothing of it leaves.
 */
@Resolver()
export class ReportReferralResolver {
  @Directive('@inaccessible')
  @Query(() => ReportReferral, {
    nullable: true,
    description: "One of the citizen's referrals, for drafting a report; null if there is none.",
  })
  async reportReferral(
    @Arg('referralId', () => ID) referralId: string,
    @Arg('citizenId', () => ID) citizenId: string,
    @Arg('actorRole', () => String, { description: 'The role of the staff member drafting the report.' }) actorRole: string,
    @Arg('actorId', () => ID, { description: 'The staff member drafting the report.' }) actorId: string,
    @Ctx() ctx: RequestContext<PlacementsLoaders>,
  ): Promise<ReportReferral | null> {
    requireRole(ctx.actor, ['SERVICE'], 'read a referral for a report');
    if (!isUuid(citizenId)) throw badUserInput('citizenId: this is not a citizen id.', 'citizenId');
    if (!isCaseStaffRole(actorRole)) throw badUserInput('actorRole: reports are drafted by case staff.', 'actorRole');
    const referral = isUuid(referralId) ? await ctx.loaders.referralById.load(referralId) : null;
    if (!referral || referral.citizenId !== citizenId) return null;
    const provider = await ctx.loaders.providerById.load(referral.providerId);
    // On the citizen's log under the staff member drafting, as their case work for the report.
    await logReadFor(ctx.dataSource, {
      domain: 'placements',
      citizenId,
      kind: 'referral (report drafting)',
      actor: { id: actorId, role: actorRole },
      requestId: ctx.requestId,
      operationName: 'reportReferral',
    });
    return {
      id: referral.id,
      citizenId: referral.citizenId,
      providerName: provider?.name ?? '',
      kind: referral.kind,
      purpose: referral.purpose,
      startDate: referral.startDate,
      endDate: referral.endDate,
      status: referral.status,
      outcome: referral.outcome,
      result: referral.result,
    };
  }
}
