import { badUserInput, conflict } from '@jobcenter/kit';
import { boundedDate } from '@jobcenter/kit/input';
import { MilestoneStatus } from './milestone.enums';

const { PLANNED, IN_PROGRESS, ACHIEVED, MISSED, REVISED, DROPPED, PROPOSED } = MilestoneStatus;

/**
 * Where each milestone status may go. ACHIEVED, REVISED and DROPPED are final; a MISSED
 * milestone may still be reached late, be revised (replaced by a new one) or be dropped.
 */
export const MILESTONE_TRANSITIONS: Record<MilestoneStatus, readonly MilestoneStatus[]> = {
  PLANNED: [IN_PROGRESS, ACHIEVED, MISSED, REVISED, DROPPED],
  IN_PROGRESS: [ACHIEVED, MISSED, REVISED, DROPPED],
  MISSED: [ACHIEVED, REVISED, DROPPED],
  ACHIEVED: [],
  REVISED: [],
  DROPPED: [],
  // A proposal is decided with decideMilestoneProposal, not by a status change.
  PROPOSED: [],
};

/** Statuses in which a milestone is still to be reached; past the deadline these are overdue. */
export const OPEN_MILESTONE_STATUSES: readonly MilestoneStatus[] = [PLANNED, IN_PROGRESS, MISSED];

/** Deadline passed (strictly before today) and not ACHIEVED / DROPPED / REVISED. */
export function isOverdue(m: { deadline: string; status: MilestoneStatus }, today: string): boolean {
  return m.deadline < today && OPEN_MILESTONE_STATUSES.includes(m.status);
}

export interface StatusChange {
  status: MilestoneStatus;
  achievedAt: string | null;
}

/**
 * Decides a status change of a milestone. `on` is the day it happened (for ACHIEVED), today
 * unless given. Throws CONFLICT for a change the current status does not allow and
 * BAD_USER_INPUT for input that cannot be right.
 */
export function decideStatusChange(
  milestone: { status: MilestoneStatus; deadline: string },
  to: MilestoneStatus,
  options: { today: string; planStart: string; on?: string | null; hasRevision: boolean },
): StatusChange {
  const from = milestone.status;
  if (from === to) throw conflict(`The milestone is already ${to}.`);
  if (from === PROPOSED) {
    throw conflict('The citizen proposed this milestone; accept or decline the proposal first (decideMilestoneProposal).');
  }
  if (!MILESTONE_TRANSITIONS[from].includes(to)) {
    const allowed = MILESTONE_TRANSITIONS[from];
    throw conflict(
      `A ${from} milestone cannot become ${to}.` +
        (allowed.length ? ` From ${from} it can become ${allowed.join(', ')}.` : ` ${from} is final.`),
    );
  }
  if (to === MISSED && milestone.deadline >= options.today) {
    throw badUserInput(
      `status: the deadline (${milestone.deadline}) has not passed yet; revise the milestone instead of marking it missed.`,
      'status',
    );
  }
  if (to === REVISED && !options.hasRevision) {
    throw badUserInput('revision: say what replaces the milestone (a new title or deadline) when revising it.', 'revision');
  }
  if (to !== REVISED && options.hasRevision) {
    throw badUserInput('revision: only a REVISED milestone gets a replacement.', 'revision');
  }
  if (options.on && to !== ACHIEVED) throw badUserInput('achievedOn: only an ACHIEVED milestone has an achieved date.', 'achievedOn');
  if (to !== ACHIEVED) return { status: to, achievedAt: null };
  const on = options.on ?? options.today;
  if (on > options.today) throw badUserInput(`achievedOn: a milestone cannot be achieved in the future (${on}).`, 'achievedOn');
  if (on < options.planStart) {
    throw badUserInput(`achievedOn: ${on} is before the plan started (${options.planStart}).`, 'achievedOn');
  }
  return { status: ACHIEVED, achievedAt: on };
}

/**
 * A deadline is not before the plan's start. Past deadlines are fine (recorded after the fact),
 * within the domain's bounds (kit date-bounds: at most 5 years ahead).
 */
export function checkDeadline(deadline: string, planStart: string, field = 'deadline', today?: string): string {
  boundedDate(deadline, field, 'milestone', today);
  if (deadline < planStart) {
    throw badUserInput(`${field}: the deadline ${deadline} is before the plan starts (${planStart}).`, field);
  }
  return deadline;
}

/** Longest reason for declining a proposal (the kit's note length). */
export const DECLINE_REASON_MAX = 4000;

/**
 * Decides a citizen's proposal: accepted, it becomes PLANNED; declined, it is DROPPED and keeps
 * the reason, which is required. CONFLICT when the milestone is not (or no longer) PROPOSED.
 */
export function decideProposal(
  milestone: { status: MilestoneStatus },
  accept: boolean,
  reason: string | null | undefined,
): { status: MilestoneStatus; declineReason: string | null; note: string } {
  if (milestone.status !== PROPOSED) {
    throw conflict(`Only a PROPOSED milestone can be accepted or declined; this one is ${milestone.status} (decided already).`);
  }
  const why = reason?.trim() || null;
  if (why && why.length > DECLINE_REASON_MAX) {
    throw badUserInput(`reason: at most ${DECLINE_REASON_MAX} characters (got ${why.length}).`, 'reason');
  }
  if (accept) return { status: PLANNED, declineReason: null, note: why ? `Proposal accepted: ${why}` : 'Proposal accepted.' };
  if (!why) throw badUserInput('reason: say why the proposal is declined; the citizen will see it.', 'reason');
  return { status: DROPPED, declineReason: why, note: `Proposal declined: ${why}` };
}
