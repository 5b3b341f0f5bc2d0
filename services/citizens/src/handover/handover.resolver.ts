import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { EntityManager } from 'typeorm';
import { badUserInput, changeTransaction, conflict, DateScalar, isUniqueViolation, notFound, RequestContext } from '@jobcenter/kit';
import { requireRole } from '@jobcenter/kit/access';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { isUuid } from '@jobcenter/kit/ids';
import { Assignment } from '../assignment/assignment.entity';
import { assignInTransaction, ASSIGNMENT_KIND, holdersOf } from '../assignment/assignment.resolver';
import { mayDecideHandover, otherHoldingTeams } from '../assignment/assignment.rules';
import { Citizen } from '../citizen/citizen.entity';
import { CitizensLoaders } from '../loaders';
import { StaffMember } from '../staff/staff-member.entity';
import { StaffRole } from '../staff/staff-role';
import { CaseHandover, HandoverStatus } from './handover.entity';

type Context = RequestContext<CitizensLoaders>;

const HANDOVER_KIND = 'handover request (the citizen’s team)';

@InputType({ description: 'Who is to take the citizen on, from when, and why.' })
export class HandoverRequestInput {
  @Field(() => ID, { description: 'The citizen to take on.' })
  citizenId!: string;

  @Field(() => ID, { description: 'The staff member of your team to be assigned (yourself, unless you are the team lead).' })
  staffId!: string;

  @Field(() => StaffRole, { description: 'The role they are to hold (their own role).' })
  role!: StaffRole;

  @Field(() => DateScalar, { nullable: true, description: 'First day; default: the day it is approved.' })
  from?: string | null;

  @Field({ description: 'Why the case should move (at least 15 characters); the holding side reads it.' })
  reason!: string;
}

export enum HandoverView {
  TO_DECIDE = 'TO_DECIDE',
  REQUESTED = 'REQUESTED',
  FOR_REVIEW = 'FOR_REVIEW',
}
registerEnumType(HandoverView, {
  name: 'HandoverView',
  description: 'Which handover requests to list.',
  valuesConfig: {
    TO_DECIDE: { description: 'Pending requests you may approve or decline.' },
    REQUESTED: { description: 'Requests you made (a team lead: your team made).' },
    FOR_REVIEW: { description: 'Handovers forced away from your team without agreement, waiting for your review (team leads).' },
  },
});

/** A text of 15–`max` characters, spaces collapsed; BAD_USER_INPUT naming `field` otherwise. */
function documented(text: string, field: string, max = 500): string {
  const clean = text.trim().replace(/\s+/g, ' ');
  if (clean.length < 15) throw badUserInput(`${field}: say why (at least 15 characters).`, field);
  if (clean.length > max) throw badUserInput(`${field}: at most ${max} characters.`, field);
  return clean;
}

const note = (text: string | null | undefined) => text?.trim().replace(/\s+/g, ' ').slice(0, 1000) || null;

/** The request, locked for this transaction, or NOT_FOUND. */
async function lockedRequest(tx: EntityManager, id: string): Promise<CaseHandover> {
  const request = isUuid(id)
    ? await tx.getRepository(CaseHandover).createQueryBuilder('h').setLock('pessimistic_write').where('h.id = :id', { id }).getOne()
    : null;
  if (!request) throw notFound('Handover request', id);
  return request;
}

/** The citizen's holders today, read inside the transaction. */
async function holdersIn(tx: EntityManager, citizenId: string) {
  return holdersOf(await tx.getRepository(Assignment).find({ where: { citizenId }, relations: { staff: true } }), todayInCopenhagen());
}

/**
 * Handovers between teams (sagsoverdragelse), the way a municipality expects a case to move:
 * the receiving team lead asks, the holding team lead or the citizen's caseworker agrees; a
 * caseworker asking to take on a case nobody holds is reviewed by their own team lead. Without
 * agreement the requesting lead may go ahead with a documented reason, and the handover waits on
 * the holding team lead's review list (like emergency access). Every step is a CHANGE on the
 * citizen's access log, in its own transaction. See docs/access-rules.md.
 */
@Resolver(() => CaseHandover)
export class HandoverResolver {
  @FieldResolver(() => Citizen, { description: 'The citizen (their data only as far as your access goes).' })
  async citizen(@Root() request: CaseHandover, @Ctx() ctx: Context): Promise<Citizen> {
    return (await ctx.loaders.citizenById.load(request.citizenId))!;
  }

  @FieldResolver(() => StaffMember, { description: 'The staff member to be assigned.' })
  async staff(@Root() request: CaseHandover, @Ctx() ctx: Context): Promise<StaffMember> {
    return (await ctx.loaders.staffById.load(request.staffId))!;
  }

  @FieldResolver(() => Assignment, { nullable: true, description: 'The assignment made when it was approved or forced.' })
  async assignment(@Root() request: CaseHandover, @Ctx() ctx: Context): Promise<Assignment | null> {
    if (!request.assignmentId) return null;
    return (await ctx.loaders.allAssignmentsByCitizen.load(request.citizenId)).find((a) => a.id === request.assignmentId) ?? null;
  }

  @Mutation(() => CaseHandover, {
    description:
      'Asks to take a citizen on (sagsoverdragelse): a team lead for a staff member of their team, when another team holds the citizen; ' +
      'a caseworker or consultant for themselves, when another team or nobody holds the citizen. The holding team lead or the citizen’s ' +
      'caseworker approves (for a citizen nobody holds: your own team lead). A CONFLICT when you may assign directly with assignStaff.',
  })
  async requestHandover(@Arg('input') input: HandoverRequestInput, @Ctx() ctx: Context): Promise<CaseHandover> {
    const { actor } = ctx;
    requireRole(actor, ['TEAM_LEAD', 'CASEWORKER', 'RESOURCE_CONSULTANT', 'JOB_CONSULTANT'], 'ask for handovers');
    const reason = documented(input.reason, 'reason');
    const staff = isUuid(input.staffId) ? await ctx.loaders.staffById.load(input.staffId) : null;
    if (!staff) throw notFound('Staff member', input.staffId);
    if (actor.role === 'TEAM_LEAD' ? staff.team !== actor.team : staff.id !== actor.id) {
      throw badUserInput('staffId: a team lead asks for a staff member of their own team; anyone else asks for themselves.', 'staffId');
    }
    if (staff.role !== input.role) throw badUserInput(`role: ${staff.name} is a ${staff.role}, not a ${input.role}.`, 'role');
    if (!isUuid(input.citizenId) || !(await ctx.loaders.citizenById.load(input.citizenId))) throw notFound('Citizen', input.citizenId);
    try {
      return await changeTransaction(ctx, async (tx) => {
        const holders = await holdersIn(tx, input.citizenId);
        if (holders.some((h) => h.staffId === staff.id && h.role === input.role)) {
          throw conflict(`${staff.name} already holds this citizen as ${input.role}.`);
        }
        if (actor.role === 'TEAM_LEAD' && otherHoldingTeams(holders, actor.team).length === 0) {
          throw conflict('No other team holds this citizen: assign your staff directly with assignStaff.');
        }
        const repo = tx.getRepository(CaseHandover);
        const saved = await repo.save(
          repo.create({
            citizenId: input.citizenId,
            staffId: staff.id,
            role: input.role,
            from: input.from ?? null,
            reason,
            requestedBy: actor.id,
            requestedByRole: actor.role,
            toTeam: staff.team,
            status: HandoverStatus.PENDING,
            heldByTeams: [],
          }),
        );
        ctx.access.recordChange(input.citizenId, HANDOVER_KIND);
        return saved;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_case_handover_pending'))
        throw conflict('This handover has already been asked for and waits for a decision.');
      throw error;
    }
  }

  @Mutation(() => CaseHandover, {
    description:
      'Agrees to a handover request: the assignment is made (a previous holder of the role hands over). The holding team lead or the ' +
      'citizen’s caseworker; for a citizen nobody else holds, the receiving team lead.',
  })
  async approveHandover(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg('note', () => String, { nullable: true }) decisionNote?: string | null,
  ): Promise<CaseHandover> {
    return this.decide(ctx, id, HandoverStatus.APPROVED, note(decisionNote));
  }

  @Mutation(() => CaseHandover, { description: 'Declines a handover request, with a note; nothing changes. Who may approve may decline.' })
  async declineHandover(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg('note', () => String, { nullable: true }) decisionNote?: string | null,
  ): Promise<CaseHandover> {
    return this.decide(ctx, id, HandoverStatus.DECLINED, note(decisionNote));
  }

  @Mutation(() => CaseHandover, {
    description:
      'Makes a pending handover without the holding side’s agreement (e.g. nobody there can be reached), with a documented reason (at least ' +
      '15 characters): the requesting team lead only. It goes on the holding team leads’ review list and in the citizen’s access log.',
  })
  async forceHandover(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: Context): Promise<CaseHandover> {
    requireRole(ctx.actor, ['TEAM_LEAD'], 'force handovers');
    const why = documented(reason, 'reason', 1000);
    return changeTransaction(ctx, async (tx) => {
      const request = await lockedRequest(tx, id);
      if (request.requestedBy !== ctx.actor.id) throw notFound('Handover request', id);
      if (request.status !== HandoverStatus.PENDING) throw conflict(`This handover request is already ${request.status}.`);
      const held = otherHoldingTeams(await holdersIn(tx, request.citizenId), request.toTeam);
      if (held.length === 0) throw conflict('No other team holds this citizen any more: assign directly with assignStaff.');
      return this.complete(ctx, tx, request, HandoverStatus.FORCED, why, held);
    });
  }

  @Mutation(() => CaseHandover, {
    description: 'Marks a forced handover away from your team as reviewed, with a note (team leads of the holding team).',
  })
  async reviewHandover(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg('note', () => String, { nullable: true }) reviewNote?: string | null,
  ): Promise<CaseHandover> {
    requireRole(ctx.actor, ['TEAM_LEAD'], 'review handovers');
    return changeTransaction(ctx, async (tx) => {
      const request = await lockedRequest(tx, id);
      if (request.status !== HandoverStatus.FORCED || !request.heldByTeams.includes(ctx.actor.team ?? ''))
        throw notFound('Handover request', id);
      if (request.reviewedAt) throw conflict('This handover has already been reviewed.');
      Object.assign(request, { reviewedAt: new Date(), reviewedBy: ctx.actor.id, reviewNote: note(reviewNote) });
      ctx.access.recordChange(request.citizenId, HANDOVER_KIND);
      return tx.getRepository(CaseHandover).save(request);
    });
  }

  @Query(() => [CaseHandover], {
    description:
      'Handover requests: TO_DECIDE (pending ones you may approve or decline), REQUESTED (yours; a team lead: the team’s), FOR_REVIEW ' +
      '(forced away from your team, not yet reviewed). Newest first; `includeClosed` adds decided (or reviewed) ones.',
  })
  async handovers(
    @Ctx() ctx: Context,
    @Arg('view', () => HandoverView, { nullable: true, defaultValue: HandoverView.TO_DECIDE }) view?: HandoverView,
    @Arg('includeClosed', () => Boolean, { nullable: true, defaultValue: false }) includeClosed?: boolean,
  ): Promise<CaseHandover[]> {
    const { actor } = ctx;
    requireRole(actor, ['TEAM_LEAD', 'CASEWORKER', 'RESOURCE_CONSULTANT', 'JOB_CONSULTANT'], 'see handover requests');
    const qb = ctx.dataSource.getRepository(CaseHandover).createQueryBuilder('h').orderBy('h.requested_at', 'DESC').take(500);
    const team = actor.team ?? '';
    if (view === HandoverView.REQUESTED) {
      qb.where(actor.role === 'TEAM_LEAD' ? 'h.to_team = :team' : 'h.requested_by = :me', { team, me: actor.id });
      if (!includeClosed) qb.andWhere(`h.status = 'PENDING'`);
      return qb.getMany();
    }
    if (view === HandoverView.FOR_REVIEW) {
      if (actor.role !== 'TEAM_LEAD') return [];
      qb.where(`h.status = 'FORCED' AND :team = ANY(h.held_by_teams)`, { team });
      if (!includeClosed) qb.andWhere('h.reviewed_at IS NULL');
      return qb.getMany();
    }
    // Candidates: requests to the own team, and requests for citizens the actor (or, for a lead, the team) holds.
    const today = todayInCopenhagen();
    qb.where(`h.status = 'PENDING'`).andWhere(
      `(h.to_team = :team OR EXISTS (SELECT 1 FROM assignment a JOIN staff_member s ON s.id = a.staff_id
         WHERE a.citizen_id = h.citizen_id AND a.from_date <= :today AND (a.to_date IS NULL OR a.to_date >= :today)
           AND (a.staff_id = :me OR (:lead AND s.team = :team))))`,
      { team, today, me: isUuid(actor.id) ? actor.id : '00000000-0000-0000-0000-000000000000', lead: actor.role === 'TEAM_LEAD' },
    );
    const candidates = await qb.getMany();
    const decidable = await Promise.all(
      candidates.map(async (h) =>
        mayDecideHandover(actor, {
          holders: holdersOf(await ctx.loaders.activeAssignmentsByCitizen.load(h.citizenId), today),
          toTeam: h.toTeam,
          requestedBy: h.requestedBy,
        }),
      ),
    );
    return candidates.filter((_, i) => decidable[i]);
  }

  private async decide(ctx: Context, id: string, status: HandoverStatus, decisionNote: string | null): Promise<CaseHandover> {
    requireRole(ctx.actor, ['TEAM_LEAD', 'CASEWORKER'], 'decide on handovers');
    return changeTransaction(ctx, async (tx) => {
      const request = await lockedRequest(tx, id);
      if (request.status !== HandoverStatus.PENDING) throw conflict(`This handover request is already ${request.status}.`);
      const holders = await holdersIn(tx, request.citizenId);
      if (!mayDecideHandover(ctx.actor, { holders, toTeam: request.toTeam, requestedBy: request.requestedBy })) {
        throw ctx.access.refuse(request.citizenId, 'This handover is decided by the holding team lead or the citizen’s caseworker.');
      }
      if (status === HandoverStatus.DECLINED) {
        Object.assign(request, { status, decidedAt: new Date(), decidedBy: ctx.actor.id, decisionNote });
        ctx.access.recordChange(request.citizenId, HANDOVER_KIND);
        return tx.getRepository(CaseHandover).save(request);
      }
      return this.complete(ctx, tx, request, status, decisionNote, []);
    });
  }

  /** Makes the request's assignment and closes it, in the caller's transaction. */
  private async complete(
    ctx: Context,
    tx: EntityManager,
    request: CaseHandover,
    status: HandoverStatus,
    decisionNote: string | null,
    heldByTeams: string[],
  ): Promise<CaseHandover> {
    const staff = await tx.getRepository(StaffMember).findOneBy({ id: request.staffId });
    if (!staff) throw notFound('Staff member', request.staffId);
    const today = todayInCopenhagen();
    const assignment = await assignInTransaction(ctx, tx, {
      citizenId: request.citizenId,
      staff,
      role: request.role,
      from: request.from && request.from > today ? request.from : today,
      refuse: () => null, // decided above: the agreement (or the documented reason) is the permission
    });
    ctx.access.recordChange(request.citizenId, ASSIGNMENT_KIND);
    Object.assign(request, {
      status,
      decidedAt: new Date(),
      decidedBy: ctx.actor.id,
      decisionNote,
      assignmentId: assignment.id,
      heldByTeams,
    });
    return tx.getRepository(CaseHandover).save(request);
  }
}
