import { Actor } from '@jobcenter/kit';
import { isUuid } from '@jobcenter/kit/ids';
import { MeetingStatus, NAMED_PARTICIPANT_ROLES, OUTCOME_STATUSES, ParticipantRole, STAFF_PARTICIPANT_ROLES } from './meeting.enums';

/** A refusal a resolver turns into the matching GraphQL error. */
export type Refusal = { ok: false; code: 'BAD_USER_INPUT' | 'CONFLICT' | 'FORBIDDEN'; message: string; field?: string };
export type Decision<T> = ({ ok: true } & T) | Refusal;

const bad = (message: string, field?: string): Refusal => ({ ok: false, code: 'BAD_USER_INPUT', message, field });
const clash = (message: string): Refusal => ({ ok: false, code: 'CONFLICT', message });

export interface ParticipantDraft {
  role: ParticipantRole;
  staffId: string | null;
  name: string | null;
}

/** The participant role a staff member's own role maps to when they book a meeting for themselves. */
function participantRoleOf(actor: Actor): ParticipantRole {
  const role = actor.role as string;
  return (STAFF_PARTICIPANT_ROLES as readonly string[]).includes(role) ? (role as ParticipantRole) : ParticipantRole.OTHER;
}

/**
 * Checks and tidies the participant list. Staff roles need a staff id, network roles a name;
 * a staff member takes part once. Without a list, the staff member booking is the participant.
 */
export function normalizeParticipants(
  input: readonly { role: ParticipantRole; staffId?: string | null; name?: string | null }[] | undefined | null,
  actor: Actor,
): Decision<{ participants: ParticipantDraft[] }> {
  if (!input || input.length === 0) {
    return { ok: true, participants: [{ role: participantRoleOf(actor), staffId: actor.id, name: actor.name || null }] };
  }
  const seen = new Set<string>();
  const participants: ParticipantDraft[] = [];
  for (const [i, p] of input.entries()) {
    const field = `participants.${i}`;
    const staffId = p.staffId?.trim() || null;
    const name = p.name?.trim() || null;
    if (staffId !== null && !isUuid(staffId)) return bad(`${field}.staffId: "${staffId}" is not a staff member id.`, `${field}.staffId`);
    if (STAFF_PARTICIPANT_ROLES.includes(p.role) && !staffId) {
      return bad(
        `${field}.staffId: a ${p.role.toLowerCase().replace('_', ' ')} taking part must be given by staff id.`,
        `${field}.staffId`,
      );
    }
    if (NAMED_PARTICIPANT_ROLES.includes(p.role) && !name) {
      return bad(`${field}.name: give the name of the ${p.role.toLowerCase().replace('_', ' ')}.`, `${field}.name`);
    }
    if (p.role === ParticipantRole.CITIZEN && staffId) {
      return bad(`${field}.staffId: the citizen is not a staff member.`, `${field}.staffId`);
    }
    if (staffId) {
      if (seen.has(staffId)) return bad(`${field}.staffId: staff member ${staffId} is listed twice.`, `${field}.staffId`);
      seen.add(staffId);
    }
    participants.push({ role: p.role, staffId, name: name && name.length > 200 ? name.slice(0, 200) : name });
  }
  return { ok: true, participants };
}

/** Staff ids among the participants: the people whose calendars must be free. */
export const staffOf = (participants: readonly ParticipantDraft[]): string[] => participants.flatMap((p) => (p.staffId ? [p.staffId] : []));

export interface MeetingState {
  status: MeetingStatus;
  scheduledAt: Date;
}

/**
 * May this outcome be recorded now? Only HELD, NO_SHOW or EXCUSED; only once the meeting has
 * started; never on a cancelled meeting. Recording again over an outcome is an amendment
 * (the resolver keeps the previous version). Minutes of what was said and agreements belong to
 * a held meeting; an absence keeps its reason instead: required for EXCUSED (the lawful excuse),
 * optional for NO_SHOW (what is known), none for a held meeting.
 */
export function decideOutcome(
  meeting: MeetingState,
  outcome: { status: MeetingStatus; summary?: string | null; agreements?: readonly unknown[] | null; reason?: string | null },
  now: Date,
): Decision<{ amendment: boolean; reason: string | null }> {
  if (!OUTCOME_STATUSES.includes(outcome.status)) {
    return bad(`status: an outcome is HELD, NO_SHOW or EXCUSED (got ${outcome.status}); use cancelMeeting to cancel.`, 'status');
  }
  if (meeting.status === MeetingStatus.CANCELLED) return clash('This meeting was cancelled; it has no outcome to record.');
  if (meeting.scheduledAt.getTime() > now.getTime()) {
    return bad('The meeting has not started yet; record the outcome once it has begun.', 'status');
  }
  const reason = outcome.reason?.trim() || null;
  if (reason !== null && reason.length > 2000) return bad('reason: keep the reason under 2000 characters.', 'reason');
  if (outcome.status === MeetingStatus.HELD) {
    if (reason) return bad('reason: a held meeting has minutes, not a reason for absence; write it in the summary.', 'reason');
  } else {
    if (outcome.summary?.trim()) {
      return bad(`summary: minutes belong to a meeting that was held; give the reason for ${outcome.status} in "reason".`, 'summary');
    }
    if (outcome.agreements?.length) return bad('agreements: agreements belong to a meeting that was held.', 'agreements');
    if (outcome.status === MeetingStatus.EXCUSED && !reason) return bad('reason: say what the lawful excuse was.', 'reason');
  }
  return { ok: true, amendment: meeting.status !== MeetingStatus.PLANNED, reason };
}

/** A planned meeting can be cancelled, with a reason; one with an outcome cannot. */
export function decideCancel(meeting: MeetingState, reason: string): Decision<{ reason: string }> {
  const text = reason.trim();
  if (!text) return bad('reason: say why the meeting is cancelled.', 'reason');
  if (text.length > 2000) return bad('reason: keep the reason under 2000 characters.', 'reason');
  if (meeting.status === MeetingStatus.CANCELLED) return clash('This meeting is already cancelled.');
  if (meeting.status !== MeetingStatus.PLANNED) {
    return clash(`This meeting already has an outcome (${meeting.status}); it cannot be cancelled.`);
  }
  return { ok: true, reason: text };
}

/** Only a planned meeting moves. */
export function decideReschedule(meeting: MeetingState): Decision<object> {
  if (meeting.status !== MeetingStatus.PLANNED) {
    return clash(`Only a planned meeting can be moved; this one is ${meeting.status}.`);
  }
  return { ok: true };
}
