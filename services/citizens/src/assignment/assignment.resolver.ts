import { assignmentEnded, assignmentStarted } from '../events';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { EntityManager } from 'typeorm';
import { badUserInput, changeTransaction, conflict, DateScalar, notFound, RequestContext, recordEvents, recordEvent } from '@jobcenter/kit';
import { requireCaseStaff } from '@jobcenter/kit/access';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { isUuid } from '@jobcenter/kit/ids';
import { boundedDate, unknownReference } from '@jobcenter/kit/input';
import { Citizen } from '../citizen/citizen.entity';
import { CitizensLoaders } from '../loaders';
import { StaffMember } from '../staff/staff-member.entity';
import { StaffRole } from '../staff/staff-role';
import { Assignment } from './assignment.entity';
import { decideAssignment, decideEnd, Holder, refuseAssignment, refuseEnd } from './assignment.rules';

type Context = RequestContext<CitizensLoaders>;

/** What an assignment change is on the citizen's access log. */
export const ASSIGNMENT_KIND = 'assignment (the citizen’s team)';

/** The citizen's holders today (active assignments with their staff's team; emergency access is none). */
export function holdersOf(assignments: readonly Assignment[], today: string): Holder[] {
  return assignments
    .filter((a) => a.from <= today && (a.to === null || a.to >= today))
    .map((a) => ({ staffId: a.staffId, team: a.staff?.team ?? null, role: a.role }));
}

/**
 * Assigns `staff` in `role` from `from`, inside `tx`, with the citizen locked so two changes of
 * one citizen's team are decided one after the other. `refuse` decides on the citizen's team as
 * it is under the lock (a message refuses: FORBIDDEN, logged as a refused change); the change is
 * a CHANGE on the citizen's access log in the same transaction.
 */
export async function assignInTransaction(
  ctx: Context,
  tx: EntityManager,
  a: {
    citizenId: string;
    staff: StaffMember;
    role: StaffRole;
    from: string;
    refuse: (holders: Holder[], citizen: Citizen, all: Assignment[]) => string | null;
  },
): Promise<Assignment> {
  const citizen = isUuid(a.citizenId)
    ? await tx
        .getRepository(Citizen)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('c.id = :citizenId', { citizenId: a.citizenId })
        .getOne()
    : null;
  if (!citizen) throw notFound('Citizen', a.citizenId);
  const repo = tx.getRepository(Assignment);
  const existing = await repo.find({ where: { citizenId: a.citizenId }, relations: { staff: true } });
  const refusal = a.refuse(holdersOf(existing, todayInCopenhagen()), citizen, existing);
  if (refusal) throw ctx.access.refuse(a.citizenId, refusal);
  const decision = decideAssignment(existing, a.staff, a.role, a.from);
  if (!decision.ok) {
    throw decision.kind === 'CONFLICT' ? conflict(decision.message) : badUserInput(decision.message, 'role');
  }
  for (const end of decision.end) await repo.update({ id: end.id }, { to: end.to });
  const saved = await repo.save(repo.create({ citizenId: a.citizenId, staffId: a.staff.id, role: a.role, from: a.from, to: null }));
  await recordEvents(tx, [
    ...decision.end.map((end) =>
      assignmentEnded(
        existing.find((e) => e.id === end.id)!,
        end.to,
      ),
    ),
    assignmentStarted(saved, a.staff.team),
  ]);
  ctx.access.recordChange(a.citizenId, ASSIGNMENT_KIND);
  return Object.assign(saved, { staff: a.staff });
}

@Resolver(() => Assignment)
export class AssignmentResolver {
  @FieldResolver(() => StaffMember, { description: 'The staff member holding the role.' })
  async staff(@Root() assignment: Assignment, @Ctx() ctx: Context): Promise<StaffMember> {
    return assignment.staff ?? (await ctx.loaders.staffById.load(assignment.staffId))!;
  }

  @Mutation(() => Assignment, {
    description:
      'Assigns a staff member to a citizen in a role from a date (default today). A previous holder of the role hands over: their assignment ends the day before. ' +
      'A team lead assigns staff of their own team to citizens their team holds or nobody holds; the citizen’s caseworker does the same within their team; ' +
      'the caseworker who registered a citizen makes the first assignment. Another team’s citizen, or a case nobody holds, needs requestHandover (FORBIDDEN otherwise).',
  })
  async assignStaff(
    @Arg('citizenId', () => ID) citizenId: string,
    @Arg('staffId', () => ID) staffId: string,
    @Arg('role', () => StaffRole) role: StaffRole,
    @Ctx() ctx: Context,
    @Arg('from', () => DateScalar, { nullable: true }) from?: string,
  ): Promise<Assignment> {
    requireCaseStaff(ctx.actor, 'assign staff to citizens');
    const start = boundedDate(from ?? todayInCopenhagen(), 'from', 'assignment');
    const staffRef = { kind: 'staff' as const, id: staffId, field: 'staffId' };
    const staff = isUuid(staffId) ? await ctx.loaders.staffById.load(staffId) : null;
    if (!staff) throw unknownReference(staffRef);
    return changeTransaction(ctx, (tx) =>
      assignInTransaction(ctx, tx, {
        citizenId,
        staff,
        role,
        from: start,
        refuse: (holders, citizen, all) =>
          refuseAssignment(ctx.actor, { holders, staff, registeredBy: citizen.registeredBy, everAssigned: all.length > 0 }),
      }),
    );
  }

  @Mutation(() => Assignment, {
    description:
      'Ends an assignment on a date (default today); the history is kept. A team lead, or the citizen’s caseworker, for staff of their own team.',
  })
  async endAssignment(
    @Arg('assignmentId', () => ID) assignmentId: string,
    @Ctx() ctx: Context,
    @Arg('to', () => DateScalar, { nullable: true }) to?: string,
  ): Promise<Assignment> {
    requireCaseStaff(ctx.actor, 'end assignments');
    const repo = ctx.dataSource.getRepository(Assignment);
    const assignment = isUuid(assignmentId) ? await repo.findOne({ where: { id: assignmentId }, relations: { staff: true } }) : null;
    if (!assignment) throw notFound('Assignment', assignmentId);
    const today = todayInCopenhagen();
    const notAllowed = refuseEnd(ctx.actor, {
      holders: holdersOf(await ctx.loaders.activeAssignmentsByCitizen.load(assignment.citizenId), today),
      staffTeam: assignment.staff!.team,
    });
    if (notAllowed) throw ctx.access.refuse(assignment.citizenId, notAllowed);
    const end = boundedDate(to ?? today, 'to', 'assignment', today);
    const refusal = decideEnd(assignment, end, today);
    if (refusal === 'CONFLICT') throw conflict(`This assignment already ended on ${assignment.to}.`);
    if (refusal === 'BAD_USER_INPUT') throw badUserInput(`to: the assignment cannot end before it began (${assignment.from}).`, 'to');
    return changeTransaction(ctx, async (tx) => {
      // Only an assignment still open (or ending later) is changed; the condition makes it race-free.
      const result = await tx
        .createQueryBuilder()
        .update(Assignment)
        .set({ to: end })
        .where('id = :id AND (to_date IS NULL OR to_date >= :today)', { id: assignment.id, today })
        .execute();
      if (!result.affected) throw conflict('This assignment was ended by someone else just now.');
      await recordEvent(tx, assignmentEnded(assignment, end));
      ctx.access.recordChange(assignment.citizenId, ASSIGNMENT_KIND);
      return Object.assign(assignment, { to: end });
    });
  }
}
