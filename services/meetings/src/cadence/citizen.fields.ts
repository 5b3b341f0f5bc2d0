import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { DateScalar, RequestContext } from '@jobcenter/kit';
import { mayReadCitizen } from '../access';
import { Enrollment } from '../course/enrollment.entity';
import { MeetingsCitizen } from '../federation/citizen-ref';
import { MeetingsLoaders } from '../loaders';
import { Meeting } from '../meeting/meeting.entity';
import { MeetingKind } from '../meeting/meeting.enums';
import { copenhagenDate } from '../time/copenhagen';
import { CadenceSlot, cadenceKey } from './cadence.loader';
import { CADENCE, FollowUpStatus, followUpStatusOf, networkMeetingOverdue } from './cadence.rules';
import { Agreement } from '../agreement/agreement.entity';
import { isOverdue } from '../agreement/agreement.rules';
import { followUpOf } from '../follow-up/follow-up.resolver';

type Context = RequestContext<MeetingsLoaders>;

/**
 * What this subgraph adds to the citizen: their meetings, the cadence of follow-up and network
 * meetings, and their group course places. `meetings` reads the per-request batch of the
 * citizens' meetings; the cadence fields read only the one meeting each needs (cadence.loader.ts),
 * so a caseload of 60 citizens costs one statement for each, not 60, and hydrates some 120
 * meetings rather than all 1,500 of their history.
 */
@Resolver(() => MeetingsCitizen)
export class CitizenMeetingsResolver {
  private async meetingsOf(citizen: MeetingsCitizen, ctx: Context): Promise<Meeting[]> {
    // Another citizen's record reads as that of an unknown id: no meetings.
    if (!(await mayReadCitizen(ctx, citizen.id))) return [];
    return ctx.loaders.meetingsByCitizen.load(citizen.id);
  }

  /** The one meeting a cadence field needs (null for another citizen, as for an unknown id). */
  private async cadence(citizen: MeetingsCitizen, ctx: Context, slot: CadenceSlot): Promise<Meeting | null> {
    if (!(await mayReadCitizen(ctx, citizen.id))) return null;
    return ctx.loaders.cadence.load(cadenceKey(slot, citizen.id));
  }

  /** `followUpStatus` of cadence.rules.ts on the citizen's own interval (today's date for another citizen). */
  private async followUp(citizen: MeetingsCitizen, ctx: Context): Promise<FollowUpStatus & { days: number; custom: boolean }> {
    if (!(await mayReadCitizen(ctx, citizen.id))) {
      return { ...followUpStatusOf(null, false, new Date()), days: CADENCE.followUpIntervalDays, custom: false };
    }
    return followUpOf(ctx, citizen.id);
  }

  /** The citizen's open agreements ([] for another citizen, as for an unknown id). */
  private async openAgreementsOf(citizen: MeetingsCitizen, ctx: Context): Promise<Agreement[]> {
    if (!(await mayReadCitizen(ctx, citizen.id))) return [];
    return ctx.loaders.openAgreementsByCitizen.load(citizen.id);
  }

  @FieldResolver(() => [Agreement], {
    description: "The citizen's OPEN agreements from all meetings (åbne aftaler), earliest deadline first, those without one last.",
  })
  openAgreements(@Root() citizen: MeetingsCitizen, @Ctx() ctx: Context): Promise<Agreement[]> {
    return this.openAgreementsOf(citizen, ctx);
  }

  @FieldResolver(() => [Agreement], {
    description: 'The OPEN agreements past their deadline (overskredne aftaler): for the caseload; one statement for all its citizens.',
  })
  async overdueAgreements(@Root() citizen: MeetingsCitizen, @Ctx() ctx: Context): Promise<Agreement[]> {
    const today = copenhagenDate(new Date());
    return (await this.openAgreementsOf(citizen, ctx)).filter((a) => isOverdue(a, today));
  }

  @FieldResolver(() => Int, {
    description:
      'Days between follow-up conversations (opfølgningsinterval): set with `setFollowUpInterval`, else the target group default ' +
      '(14 days; 28 for job-ready).',
  })
  async followUpIntervalDays(@Root() citizen: MeetingsCitizen, @Ctx() ctx: Context): Promise<number> {
    return (await this.followUp(citizen, ctx)).days;
  }

  @FieldResolver(() => [Meeting], {
    description: "The citizen's meetings, oldest first, cancelled ones included; narrowed by start time and kind when given.",
  })
  async meetings(
    @Root() citizen: MeetingsCitizen,
    @Ctx() ctx: Context,
    @Arg('from', () => Date, { nullable: true, description: 'Only meetings starting at or after this instant.' }) from?: Date | null,
    @Arg('to', () => Date, { nullable: true, description: 'Only meetings starting before this instant.' }) to?: Date | null,
    @Arg('kind', () => MeetingKind, { nullable: true }) kind?: MeetingKind | null,
  ): Promise<Meeting[]> {
    return (await this.meetingsOf(citizen, ctx)).filter(
      (m) => (!from || m.scheduledAt >= from) && (!to || m.scheduledAt < to) && (!kind || m.kind === kind),
    );
  }

  @FieldResolver(() => Meeting, { nullable: true, description: 'The next planned meeting that has not started (næste møde).' })
  async nextMeeting(@Root() citizen: MeetingsCitizen, @Ctx() ctx: Context): Promise<Meeting | null> {
    return this.cadence(citizen, ctx, 'next');
  }

  @FieldResolver(() => Meeting, { nullable: true, description: 'The latest network meeting that was held (seneste netværksmøde).' })
  async lastNetworkMeeting(@Root() citizen: MeetingsCitizen, @Ctx() ctx: Context): Promise<Meeting | null> {
    return this.cadence(citizen, ctx, 'lastNetwork');
  }

  @Directive('@requires(fields: "enrolledAt")')
  @FieldResolver(() => Boolean, {
    description:
      'True when the last held network meeting is more than 3 months ago, or none has been held and the citizen was enrolled ' +
      'more than 3 months ago (netværksmøde overskredet). The enrolment date comes from the citizens service.',
  })
  async networkMeetingOverdue(@Root() citizen: MeetingsCitizen, @Ctx() ctx: Context): Promise<boolean> {
    const last = await this.cadence(citizen, ctx, 'lastNetwork');
    if (!citizen.enrolledAt) throw new Error(`networkMeetingOverdue: the gateway did not pass enrolledAt for citizen ${citizen.id}`);
    return networkMeetingOverdue(last, citizen.enrolledAt, copenhagenDate(new Date()));
  }

  @FieldResolver(() => Meeting, {
    nullable: true,
    description: 'The latest held individual contact (follow-up, walk-and-talk, home visit or network meeting).',
  })
  async lastFollowUp(@Root() citizen: MeetingsCitizen, @Ctx() ctx: Context): Promise<Meeting | null> {
    return this.cadence(citizen, ctx, 'lastFollowUp');
  }

  @FieldResolver(() => DateScalar, {
    description:
      "When the next follow-up is due on the citizen's rhythm (`followUpIntervalDays`) after the last held contact; today if none was held.",
  })
  async followUpDueOn(@Root() citizen: MeetingsCitizen, @Ctx() ctx: Context): Promise<string> {
    return (await this.followUp(citizen, ctx)).dueOn;
  }

  @FieldResolver(() => Boolean, {
    description:
      "True when the follow-up on the citizen's rhythm is due or past (opfølgning mangler) and no follow-up contact is booked ahead.",
  })
  async followUpDue(@Root() citizen: MeetingsCitizen, @Ctx() ctx: Context): Promise<boolean> {
    return (await this.followUp(citizen, ctx)).due;
  }

  @FieldResolver(() => [Enrollment], { description: "The citizen's group course places (gruppeforløb), first enrolled first." })
  async groupEnrollments(@Root() citizen: MeetingsCitizen, @Ctx() ctx: Context): Promise<Enrollment[]> {
    if (!(await mayReadCitizen(ctx, citizen.id))) return [];
    return ctx.loaders.enrollmentsByCitizen.load(citizen.id);
  }
}
