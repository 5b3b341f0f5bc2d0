import { AttentionReason, PlacementStatus } from './placement.enums';
import { daysBetween, addDays } from '@jobcenter/kit/calendar';

/** Lifecycle: which statuses each action may start from. Anything else is a CONFLICT. */
export const TRANSITIONS = {
  agree: { from: [PlacementStatus.PROPOSED], to: PlacementStatus.AGREED },
  start: { from: [PlacementStatus.AGREED], to: PlacementStatus.ACTIVE },
  complete: { from: [PlacementStatus.ACTIVE], to: PlacementStatus.COMPLETED },
  cancel: { from: [PlacementStatus.PROPOSED, PlacementStatus.AGREED, PlacementStatus.ACTIVE], to: PlacementStatus.CANCELLED },
} as const;
export type Transition = keyof typeof TRANSITIONS;

/** Statuses in which the end date may still be moved. */
export const EXTENDABLE: readonly PlacementStatus[] = [PlacementStatus.PROPOSED, PlacementStatus.AGREED, PlacementStatus.ACTIVE];
/** Statuses in which follow-ups may be recorded (completed ones too: notes are often written afterwards). */
export const FOLLOW_UP_STATUSES: readonly PlacementStatus[] = [PlacementStatus.AGREED, PlacementStatus.ACTIVE, PlacementStatus.COMPLETED];

export function mayTransition(action: Transition, status: PlacementStatus): boolean {
  return (TRANSITIONS[action].from as readonly PlacementStatus[]).includes(status);
}

export function transitionRefusal(action: Transition, status: PlacementStatus): string {
  const from = TRANSITIONS[action].from.join(' or ');
  return `A placement that is ${status} cannot be ${PAST[action]}; only ${from} placements can.`;
}
const PAST: Record<Transition, string> = { agree: 'agreed', start: 'started', complete: 'completed', cancel: 'cancelled' };

/** Two date ranges (both ends included) share at least one day. */
export function overlaps(a: { startDate: string; endDate: string }, b: { startDate: string; endDate: string }): boolean {
  return a.startDate <= b.endDate && b.startDate <= a.endDate;
}

/** Days without a follow-up, and days before the end, that make a placement need attention. */
const ATTENTION_DAYS = { followUp: 14, endingWithin: 14 } as const;

/**
 * Why an ACTIVE placement needs the job consultant now: no follow-up for 14 days (counting from
 * the start when there is none yet), ending within 14 days, or past its end date and not closed.
 * Other statuses never need attention here.
 */
export function attentionReasons(
  placement: { status: PlacementStatus; startDate: string; endDate: string },
  lastFollowUp: string | null,
  today: string,
): AttentionReason[] {
  if (placement.status !== PlacementStatus.ACTIVE) return [];
  const reasons: AttentionReason[] = [];
  const since = lastFollowUp && lastFollowUp > placement.startDate ? lastFollowUp : placement.startDate;
  if (since <= today && daysBetween(since, today) > ATTENTION_DAYS.followUp) reasons.push(AttentionReason.NO_RECENT_FOLLOW_UP);
  if (placement.endDate < today) reasons.push(AttentionReason.PAST_END_DATE);
  else if (placement.endDate <= addDays(today, ATTENTION_DAYS.endingWithin)) reasons.push(AttentionReason.ENDING_SOON);
  return reasons;
}
