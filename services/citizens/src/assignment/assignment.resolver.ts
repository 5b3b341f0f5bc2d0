import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import {
  badUserInput,
  changeTransaction,
  conflict,
  boundedDate,
  DateScalar,
  isUuid,
  notFound,
  unknownReference,
  RequestContext,
  requireCaseStaff,
  todayInCopenhagen,
} from '@jobcenter/kit';
import { Citizen } from '../citizen/citizen.entity';
import { CitizensLoaders } from '../loaders';
import { StaffMember } from '../staff/staff-member.entity';
import { StaffRole } from '../staff/staff-role';
import { Assignment } from './assignment.entity';
import { decideAssignment, decideEnd } from './assignment.rules';

type Context = RequestContext<CitizensLoaders>;

/**
 * Who may assign staff to a citizen: a team lead; staff who already work with the citizen (a
 * handover); or anyone of the case staff for a citizen nobody holds yet (a new registration),
 * since otherwise a freshly registered citizen could not be taken on.
 */
async function assertMayAssign(ctx: Context, citizenId: string): Promise<void> {
  if (ctx.actor.role === 'TEAM_LEAD' || !isUuid(citizenId)) return;
  if ((await ctx.loaders.activeAssignmentsByCitizen.load(citizenId)).length === 0) return;
  await ctx.loaders.access.assert(citizenId);
}

@Resolver(() => Assignment)
export class AssignmentResolver {
  @FieldResolver(() => StaffMember, { description: 'The staff member holding the role.' })
  async staff(@Root() assignment: Assignment, @Ctx() ctx: Context): Promise<StaffMember> {
    return assignment.staff ?? (await ctx.loaders.staffById.load(assignment.staffId))!;
  }

  @Mutation(() => Assignment, {
    description:
      'Assigns a staff member to a citizen in a role from a date (default today). A previous holder of the role hands over: their assignment ends the day before.',
  })
  async assignStaff(
    @Arg('citizenId', () => ID) citizenId: string,
    @Arg('staffId', () => ID) staffId: string,
    @Arg('role', () => StaffRole) role: StaffRole,
    @Ctx() ctx: Context,
    @Arg('from', () => DateScalar, { nullable: true }) from?: string,
  ): Promise<Assignment> {
    requireCaseStaff(ctx.actor, 'assign staff to citizens');
    await assertMayAssign(ctx, citizenId);
    const start = boundedDate(from ?? todayInCopenhagen(), 'from', 'assignment');
    const staffRef = { kind: 'staff' as const, id: staffId, field: 'staffId' };
    const staff = isUuid(staffId) ? await ctx.loaders.staffById.load(staffId) : null;
    if (!staff) throw unknownReference(staffRef);
    return changeTransaction(ctx, async (tx) => {
      // Lock the citizen so two assignments for the same citizen are decided one after the other.
      const citizen = isUuid(citizenId)
        ? await tx.getRepository(Citizen).createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :citizenId', { citizenId }).getOne()
        : null;
      if (!citizen) throw notFound('Citizen', citizenId);
      const repo = tx.getRepository(Assignment);
      const existing = await repo.findBy({ citizenId });
      const decision = decideAssignment(existing, staff, role, start);
      if (!decision.ok) {
        throw decision.kind === 'CONFLICT' ? conflict(decision.message) : badUserInput(decision.message, 'role');
      }
      for (const end of decision.end) await repo.update({ id: end.id }, { to: end.to });
      const saved = await repo.save(repo.create({ citizenId, staffId, role, from: start, to: null }));
      return Object.assign(saved, { staff });
    });
  }

  @Mutation(() => Assignment, { description: 'Ends an assignment on a date (default today); the history is kept.' })
  async endAssignment(
    @Arg('assignmentId', () => ID) assignmentId: string,
    @Ctx() ctx: Context,
    @Arg('to', () => DateScalar, { nullable: true }) to?: string,
  ): Promise<Assignment> {
    requireCaseStaff(ctx.actor, 'end assignments');
    const repo = ctx.dataSource.getRepository(Assignment);
    const assignment = isUuid(assignmentId) ? await repo.findOne({ where: { id: assignmentId }, relations: { staff: true } }) : null;
    if (!assignment) throw notFound('Assignment', assignmentId);
    if (ctx.actor.role !== 'TEAM_LEAD') await ctx.loaders.access.assert(assignment.citizenId);
    const today = todayInCopenhagen();
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
      return Object.assign(assignment, { to: end });
    });
  }
}
