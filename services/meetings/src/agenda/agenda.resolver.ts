import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { badUserInput, RequestContext } from '@jobcenter/kit';
import { assertMayReadAgenda } from '../access';
import { COURSE_RULES } from '../course/course.rules';
import { MeetingsStaffMember } from '../federation/staff-ref';
import { agendaKey, MeetingsLoaders } from '../loaders';
import { Meeting } from '../meeting/meeting.entity';
import { AgendaItem, AgendaItemKind } from './agenda-item';

type Context = RequestContext<MeetingsLoaders>;

const MAX_WINDOW_DAYS = 366;

function checkWindow(from: Date, to: Date): void {
  if (to.getTime() <= from.getTime()) throw badUserInput('to: the period must end after it begins.', 'to');
  if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * 86_400_000) {
    throw badUserInput(`to: ask for at most ${MAX_WINDOW_DAYS} days at a time.`, 'to');
  }
}

const KIND_TITLE: Record<string, string> = {
  FOLLOW_UP: 'Follow-up conversation',
  WALK_AND_TALK: 'Walk-and-talk',
  NETWORK_MEETING: 'Network meeting',
  PLACEMENT_KICKOFF: 'Placement kick-off',
  PLACEMENT_FOLLOW_UP: 'Placement follow-up',
  HOME_VISIT: 'Home visit',
};

/**
 * A staff member's own calendar shows all meetings they take part in; someone else's (a team
 * lead's view of a colleague) only the meetings of citizens the asker may read themselves.
 */
async function readableMeetings(ctx: Context, staffId: string, meetings: Meeting[]): Promise<Meeting[]> {
  if (staffId === ctx.actor.id) return meetings;
  const readable = await ctx.access.filter(meetings.map((m) => m.citizenId));
  return meetings.filter((m) => readable.has(m.citizenId));
}

/** What this subgraph adds to the staff member: their calendar. Batched per time window. */
@Resolver(() => MeetingsStaffMember)
export class AgendaResolver {
  @FieldResolver(() => [Meeting], {
    description:
      "The staff member's meetings (not cancelled) that overlap the period, by start time (kalender). Group course sessions are in `agendaItems`.",
  })
  async agenda(
    @Root() staff: MeetingsStaffMember,
    @Arg('from', { description: 'Start of the period (UTC).' }) from: Date,
    @Arg('to', { description: 'End of the period (UTC), exclusive.' }) to: Date,
    @Ctx() ctx: Context,
  ): Promise<Meeting[]> {
    assertMayReadAgenda(ctx.actor);
    checkWindow(from, to);
    return readableMeetings(
      ctx,
      staff.id,
      (await ctx.loaders.meetingsByStaffWindow.load(agendaKey(staff.id, from, to))).map((r) => r.meeting),
    );
  }

  @FieldResolver(() => [AgendaItem], {
    description: "The staff member's meetings and group course sessions in the period, merged in time order.",
  })
  async agendaItems(
    @Root() staff: MeetingsStaffMember,
    @Arg('from', { description: 'Start of the period (UTC).' }) from: Date,
    @Arg('to', { description: 'End of the period (UTC), exclusive.' }) to: Date,
    @Ctx() ctx: Context,
  ): Promise<AgendaItem[]> {
    assertMayReadAgenda(ctx.actor);
    checkWindow(from, to);
    const key = agendaKey(staff.id, from, to);
    const [meetings, sessions] = await Promise.all([
      ctx.loaders.meetingsByStaffWindow.load(key),
      ctx.loaders.sessionsByStaffWindow.load(key),
    ]);
    const shown = new Set(
      await readableMeetings(
        ctx,
        staff.id,
        meetings.map((r) => r.meeting),
      ),
    );
    const items: AgendaItem[] = [
      ...meetings
        .filter(({ meeting }) => shown.has(meeting))
        .map(({ meeting }) => ({
          kind: AgendaItemKind.MEETING,
          startsAt: meeting.scheduledAt,
          endsAt: meeting.endsAt,
          title: KIND_TITLE[meeting.kind] ?? meeting.kind,
          meeting,
          session: null,
        })),
      ...sessions.map(({ session, course }) => ({
        kind: AgendaItemKind.GROUP_SESSION,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        title: `${course.title}, session ${session.number} of ${COURSE_RULES.sessions}`,
        meeting: null,
        session,
      })),
    ];
    return items.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  }
}
