import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { badUserInput, changeTransaction, conflict, notFound, RequestContext, setting } from '@jobcenter/kit';
import { CASELOAD_ROLES, requireRole } from '@jobcenter/kit/access';
import { isUuid } from '@jobcenter/kit/ids';
import { CitizensLoaders } from '../loaders';
import { EmergencyAccess } from './emergency-access.entity';

type Context = RequestContext<CitizensLoaders>;

/** How long an emergency access lasts: EMERGENCY_ACCESS_HOURS, 1 to 12 (default 4). */
export function emergencyAccessHours(): number {
  return setting('EMERGENCY_ACCESS_HOURS');
}

@Resolver(() => EmergencyAccess)
export class EmergencyAccessResolver {
  @Mutation(() => EmergencyAccess, {
    description:
      'Opens a citizen outside your caseload in an emergency (break-the-glass), stating why (at least 15 characters). ' +
      'Lasts a few hours (EMERGENCY_ACCESS_HOURS, default 4), shows with its reason in the citizen’s access log, and goes on your team lead’s review list.',
  })
  async openEmergencyAccess(
    @Arg('citizenId', () => ID) citizenId: string,
    @Arg('reason') reason: string,
    @Ctx() ctx: Context,
  ): Promise<EmergencyAccess> {
    requireRole(ctx.actor, CASELOAD_ROLES, 'open emergency access');
    const why = reason.trim().replace(/\s+/g, ' ');
    if (why.length < 15) throw badUserInput('reason: say why the citizen must be opened (at least 15 characters).', 'reason');
    if (why.length > 500) throw badUserInput('reason: at most 500 characters.', 'reason');
    if (!isUuid(citizenId) || !(await ctx.loaders.citizenById.load(citizenId))) throw notFound('Citizen', citizenId);
    if ((await ctx.access.decide(citizenId)) === 'ALLOW') {
      throw conflict('You already have access to this citizen; emergency access is for citizens outside your caseload.');
    }
    return changeTransaction(ctx, async (tx) => {
      const repo = tx.getRepository(EmergencyAccess);
      const grant = await repo.save(
        repo.create({
          citizenId,
          staffId: ctx.actor.id,
          staffRole: ctx.actor.role,
          staffTeam: ctx.actor.team ?? '',
          reason: why,
          expiresAt: new Date(Date.now() + emergencyAccessHours() * 3_600_000),
          reviewedAt: null,
          reviewedBy: null,
          reviewNote: null,
        }),
      );
      // The opening itself is on the citizen's access log, with its reason, in the same transaction.
      ctx.access.recordEmergency(citizenId, why);
      return grant;
    });
  }

  @Query(() => [EmergencyAccess], {
    description: "Emergency accesses opened by the team lead's team, those not yet reviewed first, newest first (team leads).",
  })
  async emergencyAccessesForReview(
    @Ctx() ctx: Context,
    @Arg('includeReviewed', { nullable: true, defaultValue: false }) includeReviewed?: boolean,
  ): Promise<EmergencyAccess[]> {
    requireRole(ctx.actor, ['TEAM_LEAD'], 'review emergency accesses');
    const qb = ctx.dataSource
      .getRepository(EmergencyAccess)
      .createQueryBuilder('e')
      .where('e.staff_team = :team', { team: ctx.actor.team ?? '' })
      .orderBy('e.reviewed_at IS NULL', 'DESC')
      .addOrderBy('e.granted_at', 'DESC')
      .take(500);
    if (!includeReviewed) qb.andWhere('e.reviewed_at IS NULL');
    return qb.getMany();
  }

  @Mutation(() => EmergencyAccess, { description: 'Marks an emergency access of your team as reviewed, with a note (team leads).' })
  async reviewEmergencyAccess(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ): Promise<EmergencyAccess> {
    requireRole(ctx.actor, ['TEAM_LEAD'], 'review emergency accesses');
    const repo = ctx.dataSource.getRepository(EmergencyAccess);
    const grant = isUuid(id) ? await repo.findOneBy({ id, staffTeam: ctx.actor.team ?? '' }) : null;
    if (!grant) throw notFound('Emergency access', id);
    if (grant.reviewedAt) throw conflict('This emergency access has already been reviewed.');
    Object.assign(grant, { reviewedAt: new Date(), reviewedBy: ctx.actor.id, reviewNote: note?.trim().slice(0, 1000) || null });
    return changeTransaction(ctx, (tx) => tx.getRepository(EmergencyAccess).save(grant));
  }
}
