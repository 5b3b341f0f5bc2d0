import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import {
  badUserInput,
  changeTransaction,
  conflict,
  forbidden,
  isUniqueViolation,
  notFound,
  recordEvent,
  RequestContext,
} from '@jobcenter/kit';
import { isCaseStaff, requireCaseStaff } from '@jobcenter/kit/access';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { isUuid } from '@jobcenter/kit/ids';
import { assertReferencesExist, boundedDate, optionalText } from '@jobcenter/kit/input';
import { mayReadCitizenPlacements } from '../access';
import { PlacementsLoaders } from '../loaders';
import { checkReferralLength } from '../rules/offer-rules';
import { Referral } from './referral.entity';
import { ReferralResult, ReferralStatus } from './referral.enums';
import { referralCreated } from './referral.events';
import { ReferralInput } from './referral.inputs';
import { changeReferralStatus, renewReferralAgreement } from './referral.store';

type Context = RequestContext<PlacementsLoaders>;

/** A referral to change: NOT_FOUND when unknown; the caseload policy decides on its citizen (logged). */
async function existing(ctx: Context, id: string): Promise<Referral> {
  const referral = isUuid(id) ? await ctx.dataSource.getRepository(Referral).findOneBy({ id }) : null;
  if (!referral) throw notFound('Referral', id);
  await ctx.access.assert(referral.citizenId);
  return referral;
}

const REFERRALS_ARE_PERSONAL = 'Referrals are personal data; analysts see the statistics only.';

const OPEN_CLASH =
  'The citizen already has an open (PROPOSED or ACTIVE) referral to this provider; change that one, or complete or cancel it first.';

@Resolver(() => Referral)
export class ReferralResolver {
  @Query(() => Referral, {
    nullable: true,
    description: 'One referral by id; null if there is none. A citizen may see only their own; analysts none.',
  })
  async referral(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Referral | null> {
    if (ctx.actor.role !== 'CITIZEN' && !isCaseStaff(ctx.actor)) throw forbidden(REFERRALS_ARE_PERSONAL);
    const referral = await ctx.loaders.referralById.load(id);
    if (referral && !(await mayReadCitizenPlacements(ctx, referral.citizenId, 'Referrals'))) return null;
    return referral;
  }

  @Mutation(() => Referral, {
    description:
      "Refers a citizen to a provider for an offer (PROPOSED), case staff within their caseload. A period past a rule's maximum (mentor support: 6 months, LAB § 167) is BAD_USER_INPUT at `endDate` naming the rule; a second open referral to the same provider is a CONFLICT.",
  })
  async referCitizen(@Arg('input') input: ReferralInput, @Ctx() ctx: Context): Promise<Referral> {
    requireCaseStaff(ctx.actor, 'refer citizens to offers');
    if (!isUuid(input.providerId)) throw unknownProvider(input.providerId);
    if (input.milestoneId != null && !isUuid(input.milestoneId)) {
      throw badUserInput(`milestoneId: ${input.milestoneId} is not a milestone id; choose the milestone from the plan.`, 'milestoneId');
    }
    boundedDate(input.startDate, 'startDate', 'placement');
    if (input.endDate != null) {
      boundedDate(input.endDate, 'endDate', 'placement');
      if (input.endDate < input.startDate) {
        throw badUserInput(`endDate: the end date (${input.endDate}) is before the start date (${input.startDate}).`, 'endDate');
      }
    }
    const provider = await ctx.loaders.providerById.load(input.providerId);
    if (!provider) throw unknownProvider(input.providerId);
    if (!provider.kinds.includes(input.kind)) {
      throw badUserInput(
        `kind: ${provider.name} does not offer ${input.kind}; it offers ${provider.kinds.join(', ')}. Choose another provider or kind.`,
        'kind',
      );
    }
    const check = checkReferralLength(input.kind, input.startDate, input.endDate ?? null);
    if (!check.ok) throw badUserInput(check.message, 'endDate');
    const purpose = optionalText(input.purpose, 'purpose', 2000);
    await assertReferencesExist('placements', [{ kind: 'citizen', id: input.citizenId, field: 'citizenId' }], ctx.requestId);
    await ctx.access.assert(input.citizenId);

    const row = ctx.dataSource.getRepository(Referral).create({
      citizenId: input.citizenId,
      providerId: provider.id,
      kind: input.kind,
      purpose,
      startDate: input.startDate,
      endDate: check.endDate,
      agreementStart: input.startDate,
      status: ReferralStatus.PROPOSED,
      milestoneId: input.milestoneId ?? null,
      createdBy: ctx.actor.id,
    });
    try {
      return await changeTransaction(ctx, async (tx) => {
        const saved = await tx.getRepository(Referral).save(row);
        await recordEvent(tx, referralCreated(saved, provider.civilSociety));
        return saved;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_referral_open_citizen_provider')) throw conflict(OPEN_CLASH);
      throw error;
    }
  }

  @Mutation(() => Referral, {
    description:
      'Moves a referral along its lifecycle (PROPOSED → ACTIVE or CANCELLED; ACTIVE → COMPLETED or CANCELLED), with an optional outcome in words and, when it ends, a coded result. Any other move is a CONFLICT.',
  })
  async setReferralStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => ReferralStatus) status: ReferralStatus,
    @Ctx() ctx: Context,
    @Arg('outcome', () => String, { nullable: true, description: 'How it went, in words (udfald).' }) outcome?: string | null,
    @Arg('result', () => ReferralResult, { nullable: true, description: 'What it led to, as a code; only when COMPLETED or CANCELLED.' })
    result?: ReferralResult | null,
  ): Promise<Referral> {
    requireCaseStaff(ctx.actor, 'change referrals');
    const text = optionalText(outcome, 'outcome', 4000);
    await existing(ctx, id);
    return changeTransaction(ctx, (tx) =>
      changeReferralStatus(tx, id, { to: status, outcome: text, result: result ?? null, today: todayInCopenhagen(), by: ctx.actor.id }),
    );
  }

  @Mutation(() => Referral, {
    description:
      'Renews the agreement of a PROPOSED or ACTIVE referral that a rule limits: mentor support for 6 more months from the day after the current end date (LAB § 167). CONFLICT for other kinds or an ended referral.',
  })
  async renewReferral(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Referral> {
    requireCaseStaff(ctx.actor, 'renew referrals');
    await existing(ctx, id);
    return changeTransaction(ctx, (tx) => renewReferralAgreement(tx, id, ctx.actor.id));
  }
}

/** A provider id that names no provider here: the input at fault. */
const unknownProvider = (id: string) =>
  badUserInput(
    `providerId: there is no provider with id ${id}. Register the provider first, or check the id; nothing was saved.`,
    'providerId',
  );
