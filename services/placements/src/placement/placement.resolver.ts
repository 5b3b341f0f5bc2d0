import { recordEvent } from '@jobcenter/kit';
import { placementExtended, placementProposed } from '../events';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { badUserInput, changeTransaction, conflict, DateScalar, forbidden, notFound, RequestContext } from '@jobcenter/kit';
import { isCaseStaff, requireCaseStaff } from '@jobcenter/kit/access';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { isUuid } from '@jobcenter/kit/ids';
import { notInFuture, optionalText, requiredText, boundedDate, unknownReference } from '@jobcenter/kit/input';
import { mayReadCitizenPlacements } from '../access';
import { PlacementFollowUp } from '../follow-up/follow-up.entity';
import { PlacementsLoaders } from '../loaders';
import { checkExtension, checkProposedLength } from '../rules/placement-rules';
import { fetchCitizenFacts } from '../target-group/citizens.client';
import { PlacementExtension } from './placement-extension.entity';
import { Placement } from './placement.entity';
import { PlacementOutcome, PlacementStatus } from './placement.enums';
import { FollowUpInput, ProposePlacementInput } from './placement.inputs';
import { EXTENDABLE, FOLLOW_UP_STATUSES, mayTransition, transitionRefusal } from './placement.rules';
import { assertMayContinue } from '../pathway/continuation';
import { kickoffReasonForStart } from '../pathway/kickoff.start';
import { assertNoOverlappingActive, lockCitizenPlacements, transition } from './placement.store';

type Context = RequestContext<PlacementsLoaders>;

/** The placement by id within the caseload: NOT_FOUND when there is none, FORBIDDEN outside the caseload. */
export async function existing(ctx: Context, id: string): Promise<Placement> {
  const placement = isUuid(id) ? await ctx.dataSource.getRepository(Placement).findOneBy({ id }) : null;
  if (!placement) throw notFound('Placement', id);
  // Every change is within the caseload: the shared policy decides on the placement's citizen.
  await ctx.access.assert(placement.citizenId);
  return placement;
}

@Resolver(() => Placement)
export class PlacementResolver {
  @Query(() => Placement, {
    nullable: true,
    description: 'One placement by id; null if there is none. A citizen may see only their own; analysts none.',
  })
  async placement(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Placement | null> {
    if (ctx.actor.role !== 'CITIZEN' && !isCaseStaff(ctx.actor)) {
      throw forbidden('Placements are personal data; analysts see the statistics only.');
    }
    const placement = await ctx.loaders.placementById.load(id);
    if (placement && !(await mayReadCitizenPlacements(ctx, placement.citizenId))) return null;
    return placement;
  }

  @Mutation(() => Placement, {
    description:
      "Proposes a placement (PROPOSED). The citizen's target group is read from the citizens service; a period past the legal maximum is BAD_USER_INPUT naming the rule, the limit and the latest allowed end date.",
  })
  async proposePlacement(@Arg('input') input: ProposePlacementInput, @Ctx() ctx: Context): Promise<Placement> {
    requireCaseStaff(ctx.actor, 'propose placements');
    // The citizen, company and consultant are references the placement stores: unknown ones are the input at fault.
    if (!isUuid(input.citizenId)) throw unknownReference({ kind: 'citizen', id: input.citizenId, field: 'citizenId' });
    if (!isUuid(input.companyId)) throw unknownCompany(input.companyId);
    boundedDate(input.startDate, 'startDate', 'placement');
    boundedDate(input.endDate, 'endDate', 'placement');
    if (input.endDate < input.startDate) {
      throw badUserInput(`endDate: the end date (${input.endDate}) is before the start date (${input.startDate}).`, 'endDate');
    }
    const jobConsultantId = input.jobConsultantId ?? (ctx.actor.role === 'JOB_CONSULTANT' ? ctx.actor.id : undefined);
    const consultant =
      jobConsultantId === undefined ? undefined : { kind: 'staff' as const, id: jobConsultantId, field: 'jobConsultantId' };
    if (consultant && !isUuid(consultant.id)) throw unknownReference(consultant);
    const company = await ctx.loaders.companyById.load(input.companyId);
    if (!company) throw unknownCompany(input.companyId);

    const facts = await fetchCitizenFacts(input.citizenId, ctx.requestId, jobConsultantId);
    await ctx.access.assert(input.citizenId);
    if (consultant && !facts.staffMember) throw unknownReference(consultant);
    const check = checkProposedLength(input.kind, facts.targetGroup, input.startDate, input.endDate);
    if (!check.ok) throw badUserInput(check.message, 'endDate');

    const placement = ctx.dataSource.getRepository(Placement).create({
      citizenId: input.citizenId,
      companyId: company.id,
      kind: input.kind,
      purpose: input.purpose ?? null,
      startDate: input.startDate,
      endDate: input.endDate,
      hoursPerWeek: input.hoursPerWeek ?? null,
      mentor: input.mentor?.trim() || null,
      status: PlacementStatus.PROPOSED,
      jobConsultantId: jobConsultantId ?? null,
      targetGroupAtStart: facts.targetGroup,
      continuesPlacementId: input.continuesPlacementId ?? null,
    });
    return changeTransaction(ctx, async (tx) => {
      if (input.continuesPlacementId) await assertMayContinue(tx, input.continuesPlacementId, placement);
      const saved = await tx.getRepository(Placement).save(placement);
      await recordEvent(tx, placementProposed(saved));
      return saved;
    });
  }

  @Mutation(() => Placement, { description: 'The citizen and the company have agreed (PROPOSED → AGREED).' })
  async agreePlacement(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Placement> {
    requireCaseStaff(ctx.actor, 'agree placements');
    await existing(ctx, id);
    return changeTransaction(ctx, (tx) => transition(tx, id, 'agree'));
  }

  @Mutation(() => Placement, {
    description:
      'The placement starts (AGREED → ACTIVE). The target group is read again from the citizens service and snapshotted. CONFLICT when another ACTIVE placement of the citizen overlaps its period, and when no kick-off meeting (opstartsmøde) for it is recorded as held and no `startWithoutKickoffReason` is given.',
  })
  async startPlacement(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg('startWithoutKickoffReason', () => String, {
      nullable: true,
      description: 'Why the placement starts without a held kick-off meeting; needed only when none is held, then stored and shown.',
    })
    startWithoutKickoffReason?: string | null,
  ): Promise<Placement> {
    requireCaseStaff(ctx.actor, 'start placements');
    const reason = optionalText(startWithoutKickoffReason, 'startWithoutKickoffReason');
    const placement = await existing(ctx, id);
    if (!mayTransition('start', placement.status)) throw conflict(transitionRefusal('start', placement.status));
    const { targetGroup } = await fetchCitizenFacts(placement.citizenId, ctx.requestId);
    if (targetGroup !== placement.targetGroupAtStart) {
      const check = checkProposedLength(placement.kind, targetGroup, placement.startDate, placement.endDate);
      if (!check.ok) {
        throw conflict(`The citizen's target group changed to ${targetGroup} since the proposal. ${check.message}`);
      }
    }
    return changeTransaction(ctx, async (tx) => {
      await lockCitizenPlacements(tx, placement.citizenId);
      await assertNoOverlappingActive(tx, placement, placement);
      const kickoffReason = await kickoffReasonForStart(tx, id, reason);
      return transition(tx, id, 'start', { targetGroupAtStart: targetGroup, startWithoutKickoffReason: kickoffReason });
    });
  }

  @Mutation(() => Placement, {
    description: 'Records a dated follow-up (opfølgning). The date defaults to today and cannot be in the future.',
  })
  async recordPlacementFollowUp(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: FollowUpInput,
    @Ctx() ctx: Context,
  ): Promise<Placement> {
    requireCaseStaff(ctx.actor, 'record follow-ups');
    const note = requiredText(input.note, 'note');
    const date = input.date ?? todayInCopenhagen();
    notInFuture(date, 'date', 'a follow-up');
    boundedDate(date, 'date', 'record');
    const placement = await existing(ctx, id);
    if (!FOLLOW_UP_STATUSES.includes(placement.status)) {
      throw conflict(`A ${placement.status} placement takes no follow-ups; only ${FOLLOW_UP_STATUSES.join(', ')} ones do.`);
    }
    await changeTransaction(ctx, (tx) =>
      tx.getRepository(PlacementFollowUp).insert({ placementId: id, date, note, authorId: ctx.actor.id }),
    );
    return placement;
  }

  @Mutation(() => Placement, {
    description:
      'Moves the end date later, with a justification (forlængelse). Past what the rules allow is BAD_USER_INPUT naming the rule, the limit and the latest allowed end date.',
  })
  async extendPlacement(
    @Arg('id', () => ID) id: string,
    @Arg('endDate', () => DateScalar) endDate: string,
    @Arg('justification') justification: string,
    @Ctx() ctx: Context,
  ): Promise<Placement> {
    requireCaseStaff(ctx.actor, 'extend placements');
    boundedDate(endDate, 'endDate', 'placement');
    const reason = requiredText(justification, 'justification');
    const current = await existing(ctx, id);
    return changeTransaction(ctx, async (tx) => {
      await lockCitizenPlacements(tx, current.citizenId);
      const placement = await tx.getRepository(Placement).findOneByOrFail({ id });
      if (!EXTENDABLE.includes(placement.status)) {
        throw conflict(`A ${placement.status} placement cannot be extended; only ${EXTENDABLE.join(', ')} ones can.`);
      }
      if (endDate <= placement.endDate) {
        throw badUserInput(`endDate: an extension must end after the current end date (${placement.endDate}).`, 'endDate');
      }
      const check = checkExtension(placement.kind, placement.targetGroupAtStart, placement.startDate, placement.endDate, endDate);
      if (!check.ok) throw badUserInput(check.message, 'endDate');
      if (placement.status === PlacementStatus.ACTIVE) {
        await assertNoOverlappingActive(tx, placement, { startDate: placement.startDate, endDate });
      }
      await tx.getRepository(PlacementExtension).insert({
        placementId: id,
        previousEndDate: placement.endDate,
        newEndDate: endDate,
        justification: reason,
        decidedBy: ctx.actor.id,
      });
      await tx.getRepository(Placement).update({ id }, { endDate });
      await recordEvent(tx, placementExtended(placement, endDate, placement.endDate));
      return tx.getRepository(Placement).findOneByOrFail({ id });
    });
  }

  @Mutation(() => Placement, {
    description:
      'Completes an ACTIVE placement with its outcome. `endedOn` (the actual last day) defaults to today and cannot be in the future.',
  })
  async completePlacement(
    @Arg('id', () => ID) id: string,
    @Arg('outcome', () => PlacementOutcome) outcome: PlacementOutcome,
    @Ctx() ctx: Context,
    @Arg('endedOn', () => DateScalar, { nullable: true, description: 'The actual last day; defaults to today.' }) endedOn?: string,
  ): Promise<Placement> {
    requireCaseStaff(ctx.actor, 'complete placements');
    const day = endedOn ?? todayInCopenhagen();
    notInFuture(day, 'endedOn', 'the end of a placement');
    boundedDate(day, 'endedOn', 'record');
    const placement = await existing(ctx, id);
    if (day < placement.startDate) {
      throw badUserInput(`endedOn: ${day} is before the placement started (${placement.startDate}).`, 'endedOn');
    }
    return changeTransaction(ctx, (tx) => transition(tx, id, 'complete', { outcome, endedOn: day }));
  }

  @Mutation(() => Placement, { description: 'Calls the placement off (aflyser) with a reason, before it is completed.' })
  async cancelPlacement(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: Context): Promise<Placement> {
    requireCaseStaff(ctx.actor, 'cancel placements');
    const text = requiredText(reason, 'reason');
    await existing(ctx, id);
    return changeTransaction(ctx, (tx) => transition(tx, id, 'cancel', { cancelReason: text, endedOn: todayInCopenhagen() }));
  }
}

/** A company id that names no company here: the input at fault. */
const unknownCompany = (id: string) =>
  badUserInput(
    `companyId: there is no company with id ${id}. Register the company first, or check the id; nothing was saved.`,
    'companyId',
  );
