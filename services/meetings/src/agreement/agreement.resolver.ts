import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { changeTransaction, isUuid, notFound, RequestContext } from '@jobcenter/kit';
import { assertMayWriteFor, mayReadCitizen } from '../access';
import { MeetingsStaffMember, staffRef } from '../federation/staff-ref';
import { MeetingsLoaders } from '../loaders';
import { Meeting } from '../meeting/meeting.entity';
import { refusalError } from '../meeting/refusal';
import { copenhagenDate } from '../time/copenhagen';
import { Agreement, AgreementStatusChange } from './agreement.entity';
import { AgreementStatus } from './agreement.enums';
import { decideStatusChange, isOverdue } from './agreement.rules';

type Context = RequestContext<MeetingsLoaders>;

/** Fields of an agreement beyond its row, and the one way its status changes. */
@Resolver(() => Agreement)
export class AgreementResolver {
  @FieldResolver(() => Boolean, { description: 'True when OPEN and its deadline (a Copenhagen date) has passed (overskredet).' })
  overdue(@Root() agreement: Agreement): boolean {
    return isOverdue(agreement, copenhagenDate(new Date()));
  }

  @FieldResolver(() => Meeting, { description: 'The meeting where it was agreed.' })
  async meeting(@Root() agreement: Agreement, @Ctx() ctx: Context): Promise<Meeting> {
    const meeting = await ctx.loaders.meetingById.load(agreement.meetingId);
    if (!meeting) throw notFound('Meeting', agreement.meetingId);
    return meeting;
  }

  @FieldResolver(() => MeetingsStaffMember, { nullable: true, description: 'The staff member who carries it, when a staff member does.' })
  responsibleStaff(@Root() agreement: Agreement): MeetingsStaffMember | null {
    return agreement.responsibleStaffId ? staffRef(agreement.responsibleStaffId) : null;
  }

  @FieldResolver(() => [AgreementStatusChange], { description: 'Every change of its status, oldest first, with the note given.' })
  history(@Root() agreement: Agreement, @Ctx() ctx: Context): Promise<AgreementStatusChange[]> {
    return ctx.loaders.historyByAgreement.load(agreement.id);
  }

  @Mutation(() => Agreement, {
    description:
      "Sets an agreement's status (OPEN, DONE, DROPPED) with a note; the change is kept in `history`. Staff of the citizen's " +
      'team set any status (a note is required to drop one); the citizen marks the agreements they carry done (or open again).',
  })
  async setAgreementStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => AgreementStatus) status: AgreementStatus,
    @Ctx() ctx: Context,
    @Arg('note', () => String, { nullable: true, description: 'Why, or what came of it; required to drop.' }) note?: string | null,
  ): Promise<Agreement> {
    return changeTransaction(ctx, async (tx) => {
      const agreement = isUuid(id)
        ? await tx.getRepository(Agreement).createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id }).getOne()
        : null;
      if (!agreement) throw notFound('Agreement', id);
      if (ctx.actor.role === 'CITIZEN') {
        // Another citizen's agreement reads as an unknown id.
        if (!(await mayReadCitizen(ctx, agreement.citizenId))) throw notFound('Agreement', id);
      } else {
        await assertMayWriteFor(ctx, agreement.citizenId, 'change agreements');
      }
      const decided = decideStatusChange(agreement, ctx.actor, status, note);
      if (!decided.ok) throw refusalError(decided);
      await tx.getRepository(AgreementStatusChange).insert({
        agreementId: agreement.id,
        changedById: ctx.actor.id.slice(0, 80),
        changedByRole: ctx.actor.role,
        previousStatus: agreement.status,
        status,
        note: decided.note,
      });
      Object.assign(agreement, { status, statusChangedAt: new Date() });
      return tx.getRepository(Agreement).save(agreement);
    });
  }
}
