import { ReferralResult, ReferralStatus } from './referral.enums';

const { PROPOSED, ACTIVE, COMPLETED, CANCELLED } = ReferralStatus;

/**
 * The lifecycle of a referral: which status each may move to. PROPOSED → ACTIVE or CANCELLED;
 * ACTIVE → COMPLETED or CANCELLED; COMPLETED and CANCELLED are final (a new referral is made
 * instead). Anything else is a CONFLICT.
 */
export const REFERRAL_MOVES: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  PROPOSED: [ACTIVE, CANCELLED],
  ACTIVE: [COMPLETED, CANCELLED],
  COMPLETED: [],
  CANCELLED: [],
};

/** Statuses in which a referral's agreement may be renewed. */
export const RENEWABLE: readonly ReferralStatus[] = [PROPOSED, ACTIVE];

export function mayMove(from: ReferralStatus, to: ReferralStatus): boolean {
  return REFERRAL_MOVES[from].includes(to);
}

/** The statuses a referral may be in to move to `to`. */
export function movesInto(to: ReferralStatus): ReferralStatus[] {
  return (Object.keys(REFERRAL_MOVES) as ReferralStatus[]).filter((from) => mayMove(from, to));
}

/** Why a move is refused, in words a caseworker can act on. */
export function moveRefusal(from: ReferralStatus, to: ReferralStatus): string {
  if (from === to) return `The referral is already ${from}; nothing was changed.`;
  if (REFERRAL_MOVES[from].length === 0) {
    return `The referral is ${from} and cannot be changed any more (it cannot become ${to}); make a new referral instead.`;
  }
  return `A referral that is ${from} cannot become ${to}; it can only become ${REFERRAL_MOVES[from].join(' or ')}.`;
}

/**
 * A coded result belongs to a referral that has ended (COMPLETED, or CANCELLED after a start):
 * null when the move may carry it, else the message for BAD_USER_INPUT at `result`.
 */
export function resultRefusal(to: ReferralStatus, result: ReferralResult | null | undefined): string | null {
  if (!result || to === COMPLETED || to === CANCELLED) return null;
  return `result: a result is recorded when a referral is COMPLETED or CANCELLED, not when it becomes ${to}.`;
}

/**
 * The day a referral that was under way actually ended: today, but never after its agreed end
 * (a completion recorded after the fact) nor before its start. Null when it never started.
 */
export function endedOnFor(referral: { status: ReferralStatus; startDate: string; endDate: string | null }, today: string): string | null {
  if (referral.status !== ACTIVE) return null;
  const end = referral.endDate && referral.endDate < today ? referral.endDate : today;
  return end < referral.startDate ? referral.startDate : end;
}
