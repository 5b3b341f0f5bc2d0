import { recordEvent, recordEvents } from '@jobcenter/kit';
import { meetingCancelled, meetingOutcomeRecorded, meetingRescheduled, meetingScheduled } from '../events';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { EntityManager, In, IsNull } from 'typeorm';
import { badUserInput, changeTransaction, conflict, notFound, RequestContext } from '@jobcenter/kit';
import { isUuid } from '@jobcenter/kit/ids';
import { assertReferencesExist, boundedDate, boundedInstant } from '@jobcenter/kit/input';
import { assertMayReadCitizenData, assertMayWrite, assertMayWriteFor, mayReadCitizen, maySeeClash } from '../access';
import { clashExtension, describeClash, findClash } from '../booking/booking.rules';
import { busySpans, lockStaffCalendars } from '../booking/booking.store';
import { MeetingsLoaders } from '../loaders';
import { addMinutes, copenhagenDate } from '@jobcenter/kit/calendar';
import { MeetingParticipant } from './meeting-participant.entity';
import { Meeting } from './meeting.entity';
import { MeetingStatus } from './meeting.enums';
import { MeetingOutcomeInput, ScheduleMeetingInput } from './meeting.inputs';
import { Agreement, snapshotOf } from '../agreement/agreement.entity';
import { AgreementStatus } from '../agreement/agreement.enums';
import { cleanAgreements, matchAmended } from '../agreement/agreement.rules';
import { decideCancel, decideOutcome, decideReschedule, normalizeParticipants, staffOf } from './meeting.rules';
import { MinutesAmendment } from './minutes-amendment.entity';
import { refusalError } from './refusal';
import { assertPlacementOfCitizen } from '../placement/placements.client';

type Context = RequestContext<MeetingsLoaders>;

/** The meeting row, locked until the transaction ends; NOT_FOUND when there is none. */
async function lockMeeting(tx: EntityManager, id: string): Promise<Meeting> {
  const meeting = isUuid(id)
    ? await tx.getRepository(Meeting).createQueryBuilder('m').setLock('pessimistic_write').where('m.id = :id', { id }).getOne()
    : null;
  if (!meeting) throw notFound('Meeting', id);
  return meeting;
}

/**
 * CONFLICT when one of the staff is already booked in the span: naming the clashing meeting only
 * if the caller may see its citizen (describeClash), else saying only that they are busy then.
 */
async function assertCalendarsFree(ctx: Context, tx: EntityManager, staffIds: string[], start: Date, end: Date, exceptMeetingId?: string) {
  await lockStaffCalendars(tx, staffIds);
  const busy = await busySpans(tx, staffIds, start, end, exceptMeetingId);
  const clash = findClash([{ startsAt: start, endsAt: end }], staffIds, busy);
  if (clash) {
    const visible = await maySeeClash(ctx, clash);
    throw conflict(describeClash(clash, visible), clashExtension(clash, visible));
  }
}

function checkDuration(minutes: number, field = 'durationMinutes') {
  if (!Number.isInteger(minutes) || minutes < 5 || minutes > 480) {
    throw badUserInput(`${field}: a meeting lasts 5 to 480 minutes (got ${minutes}).`, field);
  }
}

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => Meeting, {
    nullable: true,
    description: 'One meeting by id; null if there is none. A citizen may read their own meetings, minutes included.',
  })
  async meeting(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Meeting | null> {
    if (ctx.actor.role === 'ANALYST') assertMayReadCitizenData(ctx.actor, id);
    const meeting = await ctx.loaders.meetingById.load(id);
    if (meeting && !(await mayReadCitizen(ctx, meeting.citizenId))) return null;
    return meeting;
  }

  @Mutation(() => Meeting, {
    description:
      'Books a meeting (mødebooking). CONFLICT when a staff participant is already in an overlapping meeting or group session; ' +
      'back-to-back is fine. A past time is allowed, to register a meeting afterwards.',
  })
  async scheduleMeeting(@Arg('input') input: ScheduleMeetingInput, @Ctx() ctx: Context): Promise<Meeting> {
    assertMayWrite(ctx.actor, 'book meetings');
    if (!isUuid(input.citizenId)) throw badUserInput(`citizenId: "${input.citizenId}" is not a citizen id.`, 'citizenId');
    boundedInstant(input.scheduledAt, 'scheduledAt', 'meeting');
    checkDuration(input.durationMinutes);
    const decided = normalizeParticipants(input.participants, ctx.actor);
    if (!decided.ok) throw refusalError(decided);
    // Everyone named must exist before anything is booked (the booking staff member is the actor).
    await assertReferencesExist(
      'meetings',
      [
        { kind: 'citizen', id: input.citizenId, field: 'citizenId' },
        ...(input.participants ?? []).flatMap((p, i) =>
          p.staffId ? [{ kind: 'staff' as const, id: p.staffId.trim(), field: `participants.${i}.staffId` }] : [],
        ),
      ],
      ctx.requestId,
    );
    await assertMayWriteFor(ctx, input.citizenId, 'book meetings');
    const placementId = input.placementId?.trim() || null;
    if (placementId) await assertPlacementOfCitizen(placementId, input.citizenId, input.kind, ctx.requestId);
    const start = input.scheduledAt;
    const end = addMinutes(start, input.durationMinutes);
    const staffIds = staffOf(decided.participants);

    return changeTransaction(ctx, async (tx) => {
      await assertCalendarsFree(ctx, tx, staffIds, start, end);
      const meeting = await tx.getRepository(Meeting).save(
        tx.getRepository(Meeting).create({
          citizenId: input.citizenId,
          kind: input.kind,
          scheduledAt: start,
          durationMinutes: input.durationMinutes,
          endsAt: end,
          location: input.location?.trim() || null,
          status: MeetingStatus.PLANNED,
          summary: null,
          reason: null,
          outcomeRecordedAt: null,
          placementId,
          createdBy: ctx.actor.id,
        }),
      );
      await tx
        .getRepository(MeetingParticipant)
        .insert(decided.participants.map((p, position) => ({ ...p, meetingId: meeting.id, position })));
      await recordEvent(tx, meetingScheduled(meeting, staffIds));
      return meeting;
    });
  }

  @Mutation(() => Meeting, {
    description: 'Moves a planned meeting to another time (and length). The same double-booking check as booking applies.',
  })
  async rescheduleMeeting(
    @Arg('id', () => ID) id: string,
    @Arg('scheduledAt', { description: 'New start (UTC).' }) scheduledAt: Date,
    @Ctx() ctx: Context,
    @Arg('durationMinutes', () => Int, { nullable: true, description: 'New length; unchanged when left out.' })
    durationMinutes?: number | null,
  ): Promise<Meeting> {
    assertMayWrite(ctx.actor, 'move meetings');
    boundedInstant(scheduledAt, 'scheduledAt', 'meeting');
    if (durationMinutes != null) checkDuration(durationMinutes);
    return changeTransaction(ctx, async (tx) => {
      const meeting = await lockMeeting(tx, id);
      await assertMayWriteFor(ctx, meeting.citizenId, 'move meetings');
      const decided = decideReschedule(meeting);
      if (!decided.ok) throw refusalError(decided);
      const minutes = durationMinutes ?? meeting.durationMinutes;
      const end = addMinutes(scheduledAt, minutes);
      const participants = await tx.getRepository(MeetingParticipant).findBy({ meetingId: meeting.id });
      await assertCalendarsFree(ctx, tx, staffOf(participants), scheduledAt, end, meeting.id);
      const previousScheduledAt = meeting.scheduledAt;
      Object.assign(meeting, { scheduledAt, durationMinutes: minutes, endsAt: end });
      await recordEvent(tx, meetingRescheduled(meeting, previousScheduledAt, staffOf(participants)));
      return tx.getRepository(Meeting).save(meeting);
    });
  }

  @Mutation(() => Meeting, {
    description:
      'Records how a meeting went: HELD (with minutes and agreements), NO_SHOW, or EXCUSED (lawful excuse), the last two with a ' +
      '`reason`. Only once the meeting has started. Agreements need a deadline no earlier than the meeting. Recording again amends ' +
      'the outcome; the previous version is kept in `amendments`, and an unchanged agreement keeps its id, status and history.',
  })
  async recordMeetingOutcome(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: MeetingOutcomeInput,
    @Ctx() ctx: Context,
  ): Promise<Meeting> {
    assertMayWrite(ctx.actor, 'record meeting outcomes');
    (input.agreements ?? []).forEach((a, i) => a.deadline && boundedDate(a.deadline, `agreements.${i}.deadline`, 'agreement'));
    const staffIds = (input.agreements ?? []).flatMap((a, i) =>
      a.responsibleStaffId && isUuid(a.responsibleStaffId.trim())
        ? [{ kind: 'staff' as const, id: a.responsibleStaffId.trim(), field: `agreements.${i}.responsibleStaffId` }]
        : [],
    );
    if (staffIds.length > 0) await assertReferencesExist('meetings', staffIds, ctx.requestId);
    return changeTransaction(ctx, async (tx) => {
      const meeting = await lockMeeting(tx, id);
      await assertMayWriteFor(ctx, meeting.citizenId, 'record meeting outcomes');
      const decided = decideOutcome(meeting, input, new Date());
      if (!decided.ok) throw refusalError(decided);
      const held = input.status === MeetingStatus.HELD;
      const drafts = cleanAgreements(held ? input.agreements : [], copenhagenDate(meeting.scheduledAt));
      if (!drafts.ok) throw refusalError(drafts);
      const repo = tx.getRepository(Agreement);
      const existing = await repo.find({ where: { meetingId: meeting.id, withdrawnAt: IsNull() }, order: { position: 'ASC' } });
      if (decided.amendment) {
        await tx.getRepository(MinutesAmendment).insert({
          meetingId: meeting.id,
          amendedBy: ctx.actor.id,
          previousStatus: meeting.status,
          previousSummary: meeting.summary,
          previousReason: meeting.reason,
          previousAgreements: existing.map(snapshotOf) as unknown as Agreement[],
        });
      }
      const { keep, insert, withdraw } = matchAmended(existing, drafts.agreements);
      const now = new Date();
      for (const { row, position } of keep) if (row.position !== position) await repo.update(row.id, { position });
      if (withdraw.length > 0) await repo.update({ id: In(withdraw.map((a) => a.id)) }, { withdrawnAt: now });
      if (insert.length > 0) {
        const inserted = await repo.insert(
          insert.map(({ draft, position }) => ({
            ...draft,
            meetingId: meeting.id,
            citizenId: meeting.citizenId,
            position,
            status: AgreementStatus.OPEN,
            statusChangedAt: null,
            withdrawnAt: null,
            createdBy: ctx.actor.id.slice(0, 80),
          })),
        );
        await recordEvents(
          tx,
          insert.map(({ draft }, i) => ({
            type: 'agreement.recorded' as const,
            aggregateId: inserted.identifiers[i].id as string,
            citizenId: meeting.citizenId,
            payload: {
              agreementId: inserted.identifiers[i].id as string,
              meetingId: meeting.id,
              responsible: draft.responsible,
              responsibleStaffId: draft.responsibleStaffId,
              deadline: draft.deadline,
            },
          })),
        );
      }
      Object.assign(meeting, {
        status: input.status,
        summary: held ? input.summary?.trim() || null : null,
        reason: held ? null : decided.reason,
        outcomeRecordedAt: meeting.outcomeRecordedAt ?? now,
      });
      await recordEvent(tx, meetingOutcomeRecorded(meeting));
      return tx.getRepository(Meeting).save(meeting);
    });
  }

  @Mutation(() => Meeting, { description: 'Cancels a planned meeting with a reason (aflysning). The meeting is kept, marked CANCELLED.' })
  async cancelMeeting(
    @Arg('id', () => ID) id: string,
    @Arg('reason', { description: 'Why, in words the citizen can read.' }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<Meeting> {
    assertMayWrite(ctx.actor, 'cancel meetings');
    return changeTransaction(ctx, async (tx) => {
      const meeting = await lockMeeting(tx, id);
      await assertMayWriteFor(ctx, meeting.citizenId, 'cancel meetings');
      const decided = decideCancel(meeting, reason);
      if (!decided.ok) throw refusalError(decided);
      Object.assign(meeting, { status: MeetingStatus.CANCELLED, reason: decided.reason });
      await recordEvent(tx, meetingCancelled(meeting));
      return tx.getRepository(Meeting).save(meeting);
    });
  }
}
