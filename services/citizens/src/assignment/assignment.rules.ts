import { addDays } from '@jobcenter/kit/calendar';
import { CASE_ROLES, StaffRole } from '../staff/staff-role';

export interface AssignmentLike {
  id: string;
  staffId: string;
  role: StaffRole;
  from: string;
  to: string | null;
}

export type AssignDecision =
  | { ok: true; /** assignments to close, with their new last day */ end: { id: string; to: string }[] }
  | { ok: false; kind: 'BAD_USER_INPUT' | 'CONFLICT'; message: string };

/**
 * Deciding an assignment of `staff` as `role` from `from`, given the citizen's assignments.
 * A citizen has one professional per role at a time: a new one takes over the day after the
 * previous one's last day, which is set to the day before `from` (history kept, not overwritten).
 */
export function decideAssignment(
  existing: AssignmentLike[],
  staff: { id: string; role: StaffRole; name: string },
  role: StaffRole,
  from: string,
): AssignDecision {
  if (!CASE_ROLES.includes(role)) {
    return { ok: false, kind: 'BAD_USER_INPUT', message: `role: a citizen can be assigned a ${CASE_ROLES.join(', ')}; not a ${role}.` };
  }
  if (staff.role !== role) {
    return { ok: false, kind: 'BAD_USER_INPUT', message: `role: ${staff.name} is a ${staff.role}, not a ${role}.` };
  }
  const open = existing.filter((a) => a.role === role && (a.to === null || a.to >= from));
  if (open.some((a) => a.staffId === staff.id)) {
    return { ok: false, kind: 'CONFLICT', message: `${staff.name} is already assigned to this citizen as ${role}.` };
  }
  const dayBefore = addDays(from, -1);
  const startsLater = open.find((a) => a.from > dayBefore);
  if (startsLater) {
    return {
      ok: false,
      kind: 'CONFLICT',
      message: `Another ${role} is assigned from ${startsLater.from}; a handover must start after that date.`,
    };
  }
  return { ok: true, end: open.map((a) => ({ id: a.id, to: dayBefore })) };
}

/** Ending an assignment: not twice, and not before it began. */
export function decideEnd(assignment: AssignmentLike, to: string, today: string): string | null {
  if (assignment.to !== null && assignment.to < today) return 'CONFLICT';
  if (to < assignment.from) return 'BAD_USER_INPUT';
  return null;
}

/**
 * Who may change a citizen's team (docs/access-rules.md). A municipality's rule: a case moves
 * only with the knowledge of whoever holds it.
 * - A team lead assigns and ends assignments of staff of their own team, for citizens their team
 *   holds or nobody holds.
 * - The citizen's caseworker (an active CASEWORKER assignment) does the same within their own team.
 * - The caseworker who registered a citizen makes the first assignment (staff of their own team),
 *   while nobody has ever held the citizen: otherwise a new registration could not be taken on.
 * - Anything else is a handover (requestHandover): another team's citizen, or a citizen nobody
 *   holds today (a closed or self-supporting case), is taken on only with the holder's agreement
 *   or the own team lead's review.
 * Emergency access is no holding: it opens a citizen to one person for a few hours, nothing more.
 */
export interface Holder {
  staffId: string;
  team: string | null;
  role: StaffRole;
}

interface ActorLike {
  id: string;
  role: string;
  team?: string | null;
}

const HANDOVER_HINT = 'ask for a handover (requestHandover): the holding team lead or the citizen’s caseworker agrees.';

/** Teams other than `team` that hold the citizen today. */
export function otherHoldingTeams(holders: readonly Holder[], team: string | null | undefined): string[] {
  return [...new Set(holders.map((h) => h.team ?? '').filter((t) => t !== (team ?? '')))];
}

/** The refusal (a message) of an assignment of `staff`, or null when the actor may make it. */
export function refuseAssignment(
  actor: ActorLike,
  c: { holders: readonly Holder[]; staff: { id: string; name: string; team: string }; registeredBy: string | null; everAssigned: boolean },
): string | null {
  const team = actor.team ?? null;
  const isCaseworker = actor.role === 'CASEWORKER' && c.holders.some((h) => h.staffId === actor.id && h.role === StaffRole.CASEWORKER);
  const isRegistrar = actor.role === 'CASEWORKER' && c.registeredBy === actor.id && !c.everAssigned;
  if (actor.role !== 'TEAM_LEAD' && !isCaseworker && !isRegistrar) {
    if (c.holders.length === 0 && actor.role === 'CASEWORKER') {
      return 'Nobody holds this citizen today: taking the case on needs your team lead’s review. Ask for it with requestHandover.';
    }
    return 'Only your team lead or the citizen’s caseworker may change the citizen’s team.';
  }
  if (c.staff.team !== team) return `You can assign staff of your own team only (${c.staff.name} is in ${c.staff.team}); ${HANDOVER_HINT}`;
  const ownTeamHolds = c.holders.some((h) => h.team === team);
  if (c.holders.length > 0 && !ownTeamHolds) return `This citizen is held by another team; ${HANDOVER_HINT}`;
  return null;
}

/** The refusal of ending an assignment of a staff member of `staffTeam`, or null when allowed. */
export function refuseEnd(actor: ActorLike, c: { holders: readonly Holder[]; staffTeam: string }): string | null {
  const isCaseworker = actor.role === 'CASEWORKER' && c.holders.some((h) => h.staffId === actor.id && h.role === StaffRole.CASEWORKER);
  if (actor.role !== 'TEAM_LEAD' && !isCaseworker) return 'Only your team lead or the citizen’s caseworker may end assignments.';
  if (c.staffTeam !== (actor.team ?? null))
    return 'You can end assignments of staff of your own team only; their own team lead ends the others.';
  return null;
}

/**
 * Who may agree to a handover request of `toTeam` (made by `requestedBy`): while another team
 * holds the citizen, a lead of a holding team or the citizen's caseworker; while nobody else
 * does, the receiving team's lead (the review of a staff member's own request). Never the
 * requester themselves.
 */
export function mayDecideHandover(actor: ActorLike, c: { holders: readonly Holder[]; toTeam: string; requestedBy: string }): boolean {
  if (actor.id === c.requestedBy) return false;
  const others = otherHoldingTeams(c.holders, c.toTeam);
  if (others.length > 0) {
    if (actor.role === 'TEAM_LEAD' && others.includes(actor.team ?? '')) return true;
    return c.holders.some((h) => h.staffId === actor.id && h.role === StaffRole.CASEWORKER && h.team !== c.toTeam);
  }
  return actor.role === 'TEAM_LEAD' && actor.team === c.toTeam;
}
