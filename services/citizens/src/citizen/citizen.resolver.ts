import { citizenChanged, citizenRegistered } from '../events';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import {
  badUserInput,
  changeTransaction,
  CitizenStatistics,
  recordEvent,
  recordEvents,
  conflict,
  forbidden,
  isUniqueViolation,
  notFound,
  pageSize,
  RequestContext,
  staleVersion,
} from '@jobcenter/kit';
import { requireCaseStaff, requireRole } from '@jobcenter/kit/access';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { isUuid } from '@jobcenter/kit/ids';
import { boundedDate } from '@jobcenter/kit/input';
import { CitizensLoaders } from '../loaders';
import { assertMayLookUpCitizens } from './citizen.access';
import { asMaskedHit, asOwnRegistration } from './citizen.guard';
import { Citizen } from './citizen.entity';
import { CitizenStatus } from './citizen.enums';
import { CitizenConnection, CitizenFilter, RegisterCitizenInput, UpdateCitizenInput } from './citizen.inputs';
import { citizenStatistics, listCitizens } from './citizen.queries';
import { formatCpr } from '../cpr/cpr.rules';
import { cprIndexOf, sealCpr } from '../cpr/cpr.storage';
import { cleanName, cprFromInput, defaultContactChannel, optionalText } from './citizen.rules';

type Context = RequestContext<CitizensLoaders>;

@Resolver(() => Citizen)
export class CitizenResolver {
  @Query(() => Citizen, {
    nullable: true,
    description: 'One citizen by id; null if there is none. A citizen may ask only for themselves.',
  })
  async citizen(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Citizen | null> {
    assertMayLookUpCitizens(ctx.actor);
    if ((await ctx.access.decide(id)) === 'HIDDEN') {
      // Another citizen: answered as an unknown id, and the try is on that id's log (written after the answer).
      ctx.access.refuse(id);
      return null;
    }
    const citizen = await ctx.loaders.citizenById.load(id);
    // Services read non-personal fields (guarded per field); staff need the citizen in their caseload.
    if (citizen && ctx.actor.role !== 'SERVICE') await ctx.access.assert(id);
    return citizen;
  }

  @Query(() => Citizen, { nullable: true, description: 'Look a citizen up by CPR number (staff working with cases).' })
  async citizenByCpr(@Arg('cpr') cpr: string, @Ctx() ctx: Context): Promise<Citizen | null> {
    requireCaseStaff(ctx.actor, 'look citizens up by CPR number');
    const { digits } = cprFromInput(cpr);
    const citizen = await ctx.dataSource.getRepository(Citizen).findOneBy({ cprIndex: cprIndexOf(digits) });
    if (!citizen) return null;
    // The access log records the number searched for (the Data Protection Agency's logging measure).
    ctx.access.recordSearch(citizen.id, formatCpr(digits));
    // Outside the caseload a search for a new registration gets a masked hit: the person is known.
    return (await ctx.access.decide(citizen.id)) === 'ALLOW' ? citizen : asMaskedHit(citizen);
  }

  @Query(() => CitizenConnection, { description: 'Citizens in name order, filtered, a page at a time.' })
  async citizens(
    @Ctx() ctx: Context,
    @Arg('filter', () => CitizenFilter, { nullable: true }) filter?: CitizenFilter,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50, description: 'Page size, 1 to 200.' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: '`pageInfo.endCursor` of the previous page.' })
    after?: string,
  ): Promise<CitizenConnection> {
    requireCaseStaff(ctx.actor, 'list citizens');
    if (filter?.staffId && !isUuid(filter.staffId)) {
      return { nodes: [], totalCount: 0, pageInfo: { endCursor: null, hasNextPage: false } };
    }
    // Only the citizens the policy lets the actor read: their own caseload, or their team's.
    const scope = ctx.actor.role === 'TEAM_LEAD' ? { team: ctx.actor.team ?? '' } : { staffId: ctx.actor.id };
    return listCitizens(ctx.dataSource, filter, pageSize(first ?? 50), after, scope);
  }

  @Query(() => CitizenStatistics, { description: 'Citizens by status and target group, for dashboards.' })
  async citizenStatistics(@Ctx() ctx: Context): Promise<CitizenStatistics> {
    if (ctx.actor.role === 'CITIZEN') throw forbidden('Statistics are for staff.');
    return citizenStatistics(ctx.dataSource);
  }

  @Mutation(() => Citizen, {
    description:
      'Registers a citizen (caseworkers and team leads: the authority role). A CPR number already registered is a CONFLICT. ' +
      'Nobody holds the new citizen yet: the registering caseworker, or a team lead, makes the first assignment.',
  })
  async registerCitizen(@Arg('input') input: RegisterCitizenInput, @Ctx() ctx: Context): Promise<Citizen> {
    requireRole(ctx.actor, ['CASEWORKER', 'TEAM_LEAD'], 'register citizens (the caseworker or the team lead does)');
    const cpr = cprFromInput(input.cpr, 'cpr');
    const repo = ctx.dataSource.getRepository(Citizen);
    const phone = optionalText(input.phone);
    const citizen = repo.create({
      ...sealCpr(cpr.digits),
      birthDate: cpr.birthDate,
      firstName: cleanName(input.firstName, 'firstName'),
      lastName: cleanName(input.lastName, 'lastName'),
      email: optionalText(input.email),
      phone,
      preferredContact: input.preferredContact ?? defaultContactChannel(phone),
      targetGroup: input.targetGroup,
      status: CitizenStatus.ACTIVE,
      enrolledAt: boundedDate(input.enrolledAt ?? todayInCopenhagen(), 'enrolledAt', 'enrolment'),
      registeredBy: ctx.actor.id.slice(0, 80),
    });
    if (citizen.enrolledAt < cpr.birthDate) {
      throw badUserInput('enrolledAt: the enrolment date is before the citizen was born.', 'enrolledAt');
    }
    try {
      // The new citizen is on the access log with the registration, in its transaction.
      return await changeTransaction(ctx, async (tx) => {
        const saved = await tx.getRepository(Citizen).save(citizen);
        await recordEvent(tx, citizenRegistered(saved));
        ctx.access.recordChange(saved.id);
        return asOwnRegistration(saved);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_citizen_cpr_index')) {
        throw conflict('A citizen with this CPR number is already registered; look them up instead.');
      }
      throw error;
    }
  }

  @Mutation(() => Citizen, {
    description:
      'Changes a citizen. `expectedVersion` is the version you read; if someone saved in between it is a CONFLICT and nothing changes.',
  })
  async updateCitizen(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input') input: UpdateCitizenInput,
    @Ctx() ctx: Context,
  ): Promise<Citizen> {
    requireCaseStaff(ctx.actor, 'change citizens');
    const changes: Partial<Citizen> = {};
    if (input.firstName !== undefined) changes.firstName = cleanName(input.firstName, 'firstName');
    if (input.lastName !== undefined) changes.lastName = cleanName(input.lastName, 'lastName');
    if (input.email !== undefined) changes.email = optionalText(input.email);
    if (input.phone !== undefined) changes.phone = optionalText(input.phone);
    if (input.preferredContact) changes.preferredContact = input.preferredContact;
    if (input.targetGroup) changes.targetGroup = input.targetGroup;
    if (input.status) changes.status = input.status;

    const repo = ctx.dataSource.getRepository(Citizen);
    const current = isUuid(id) ? await repo.findOneBy({ id }) : null;
    if (!current) throw notFound('Citizen', id);
    await ctx.access.assert(id);
    if (Object.keys(changes).length === 0) {
      if (current.version !== expectedVersion) throw staleVersion('This citizen', expectedVersion, current.version);
      return current;
    }
    return changeTransaction(ctx, async (tx) => {
      // The version check and the write are one statement, so two saves cannot both pass it.
      const result = await tx
        .createQueryBuilder()
        .update(Citizen)
        .set(changes)
        .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
        .execute();
      if (!result.affected) {
        const latest = await tx.getRepository(Citizen).findOneByOrFail({ id });
        throw staleVersion('This citizen', expectedVersion, latest.version);
      }
      // `current` is the version this write replaced (the version check above makes it so).
      await recordEvents(tx, citizenChanged(current, changes));
      return tx.getRepository(Citizen).findOneByOrFail({ id });
    });
  }
}
