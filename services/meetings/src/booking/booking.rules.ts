import { formatSpan } from '../time/copenhagen';

/** A span of time a staff member is taken: a meeting or a group session. */
export interface BusySpan {
  kind: 'MEETING' | 'GROUP_SESSION';
  id: string;
  staffId: string;
  startsAt: Date;
  endsAt: Date;
  /** What it is, for the message: "network meeting", "session 3 of 'Trivsel i hverdagen'". */
  label: string;
  /** Whose meeting it is (meetings only): the message names it only to someone who may see that citizen. */
  citizenId?: string;
  /** The meeting's kind (MeetingKind) when it is a meeting. */
  meetingKind?: string;
}

export interface Span {
  startsAt: Date;
  endsAt: Date;
}

/**
 * Two spans clash when each starts before the other ends. A meeting that ends at 10:00 and
 * one that starts at 10:00 do not clash: back-to-back is a normal day for a consultant.
 */
export function overlaps(a: Span, b: Span): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/** The first booking (in time order) of any of the staff that clashes with one of the spans. */
export function findClash(wanted: readonly Span[], staffIds: readonly string[], busy: readonly BusySpan[]): BusySpan | null {
  const staff = new Set(staffIds);
  const clashes = busy
    .filter((b) => staff.has(b.staffId) && wanted.some((w) => overlaps(w, b)))
    .sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime());
  return clashes[0] ?? null;
}

/**
 * What a client shows of the clash (CONFLICT `extensions.clash`): the booking in the way, so the
 * workbench can name it and link to it instead of parsing the message. Like the message, a
 * meeting of a citizen the caller may not see is not described: no extension, only "busy then".
 */
export function clashExtension(clash: BusySpan, visible = true) {
  if (clash.kind === 'MEETING' && !visible) return undefined;
  return {
    clash: {
      kind: clash.kind,
      id: clash.id,
      staffId: clash.staffId,
      startsAt: clash.startsAt.toISOString(),
      endsAt: clash.endsAt.toISOString(),
      meetingKind: clash.meetingKind ?? null,
      label: clash.label,
    },
  };
}

/**
 * The CONFLICT message: who is taken, by what, when (Copenhagen time). A meeting is named (id,
 * kind, time) only when `visible`: the caller may see that citizen. Otherwise the message says
 * only that the staff member is busy then, so a double booking tells nothing about another
 * team's citizens. Group sessions are no one citizen's data and are always named.
 */
export function describeClash(clash: BusySpan, visible = true): string {
  if (clash.kind === 'MEETING' && !visible) {
    return `Staff member ${clash.staffId} is already booked at that time. Choose another time or another participant.`;
  }
  const what = clash.kind === 'MEETING' ? `meeting ${clash.id} (${clash.label})` : `${clash.label} (session ${clash.id})`;
  return (
    `Staff member ${clash.staffId} is already booked at that time: ${what} on ${formatSpan(clash.startsAt, clash.endsAt)}. ` +
    'Choose another time or another participant.'
  );
}
