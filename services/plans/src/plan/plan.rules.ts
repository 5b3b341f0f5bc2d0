import { badUserInput, conflict } from '@jobcenter/kit';
import { PlanStatus } from './plan.enums';

/** Where each plan status may go. COMPLETED and ABANDONED are final: there is no way back. */
const PLAN_TRANSITIONS: Record<PlanStatus, readonly PlanStatus[]> = {
  DRAFT: [PlanStatus.ACTIVE, PlanStatus.ABANDONED],
  ACTIVE: [PlanStatus.COMPLETED, PlanStatus.ABANDONED],
  COMPLETED: [],
  ABANDONED: [],
};

export const isClosedPlan = (status: PlanStatus) => status === PlanStatus.COMPLETED || status === PlanStatus.ABANDONED;

/** Checks a status change; staying in the same status is no change. CONFLICT when not allowed. */
export function checkPlanTransition(from: PlanStatus, to: PlanStatus): void {
  if (from === to) return;
  if (!PLAN_TRANSITIONS[from].includes(to)) {
    const allowed = PLAN_TRANSITIONS[from];
    throw conflict(
      `A ${from} plan cannot become ${to}.` +
        (allowed.length ? ` From ${from} it can become ${allowed.join(' or ')}.` : ' It is closed; create a new plan instead.'),
    );
  }
}

/** Plans are written while DRAFT or ACTIVE; a closed plan is history and stays as it was. */
export function checkPlanOpen(status: PlanStatus, what: string): void {
  if (isClosedPlan(status)) throw conflict(`The plan is ${status}; you cannot ${what}. Create a new plan instead.`);
}

/** A new plan starts as DRAFT or ACTIVE; it cannot be created closed. */
export function checkInitialStatus(status: PlanStatus): void {
  if (status !== PlanStatus.DRAFT && status !== PlanStatus.ACTIVE) {
    throw badUserInput(`status: a new plan is DRAFT or ACTIVE, not ${status}.`, 'status');
  }
}

/** The day a plan ends when it is closed now; the end is never before the start. */
export function endDateFor(to: PlanStatus, startDate: string, today: string): string | null {
  if (!isClosedPlan(to)) return null;
  return today < startDate ? startDate : today;
}

/** The planned last day of a course of support: optional, not before the plan starts. */
export function checkPlannedEnd(plannedEndDate: string | null | undefined, startDate: string): string | null {
  if (!plannedEndDate) return null;
  if (plannedEndDate < startDate) {
    throw badUserInput(
      `plannedEndDate: the course cannot end (${plannedEndDate}) before the plan starts (${startDate}).`,
      'plannedEndDate',
    );
  }
  return plannedEndDate;
}
