import { staffCreated } from '../events';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { changeTransaction, conflict, forbidden, isUniqueViolation, RequestContext, recordEvent } from '@jobcenter/kit';
import { requireCaseStaff, requireRole } from '@jobcenter/kit/access';
import { Citizen } from '../citizen/citizen.entity';
import { CitizensLoaders } from '../loaders';
import { StaffMember } from './staff-member.entity';
import { StaffRole } from './staff-role';
import { CreateStaffMemberInput } from './staff.inputs';

type Context = RequestContext<CitizensLoaders>;

@Resolver(() => StaffMember)
export class StaffResolver {
  @Query(() => StaffMember, { nullable: true, description: 'One staff member by id; null if there is none.' })
  staffMember(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<StaffMember | null> {
    return ctx.loaders.staffById.load(id);
  }

  @Query(() => [StaffMember], { description: 'Staff members by name, optionally of one role and/or team.' })
  staffMembers(
    @Ctx() ctx: Context,
    @Arg('role', () => StaffRole, { nullable: true }) role?: StaffRole,
    @Arg('team', () => String, { nullable: true }) team?: string,
  ): Promise<StaffMember[]> {
    if (ctx.actor.role === 'CITIZEN') throw forbidden('The staff list is for staff; your own team is on your record.');
    return ctx.dataSource.getRepository(StaffMember).find({
      where: { ...(role ? { role } : {}), ...(team ? { team } : {}) },
      order: { name: 'ASC' },
    });
  }

  @Mutation(() => StaffMember, { description: 'Adds a staff member (team leads only). A known e-mail is a CONFLICT.' })
  async createStaffMember(@Arg('input') input: CreateStaffMemberInput, @Ctx() ctx: Context): Promise<StaffMember> {
    requireRole(ctx.actor, ['TEAM_LEAD'], 'create staff members');
    try {
      return await changeTransaction(ctx, async (tx) => {
        const repo = tx.getRepository(StaffMember);
        const saved = await repo.save(
          repo.create({ name: input.name.trim(), role: input.role, email: input.email.trim().toLowerCase(), team: input.team.trim() }),
        );
        await recordEvent(tx, staffCreated(saved));
        return saved;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_staff_member_email')) {
        throw conflict(`A staff member with the e-mail ${input.email} already exists.`);
      }
      throw error;
    }
  }

  @FieldResolver(() => [Citizen], { description: 'Citizens with an active assignment to this staff member (those the asker may read).' })
  async caseload(@Root() staff: StaffMember, @Ctx() ctx: Context): Promise<Citizen[]> {
    requireCaseStaff(ctx.actor, "see a staff member's caseload");
    const assignments = await ctx.loaders.caseloadByStaff.load(staff.id);
    // Only the citizens the asker may read themselves (their own caseload, their team's).
    const readable = await ctx.access.filter(assignments.map((a) => a.citizenId));
    const seen = new Set<string>();
    return assignments.flatMap((a) =>
      a.citizen && readable.has(a.citizenId) && !seen.has(a.citizenId) && seen.add(a.citizenId) ? [a.citizen] : [],
    );
  }
}
