/**
 * A placement starts with a kick-off meeting (opstartsmøde) with the company, the resource
 * consultant and the job consultant (the seeds). Starting without a held one is refused unless
 * the consultant records why, and the reason is kept on the placement.
 */

/** The meeting kind that is a placement's kick-off (meetings' MeetingKind). */
export const KICKOFF_KIND = 'PLACEMENT_KICKOFF';
/** The status of a kick-off that took place. */
export const HELD = 'HELD';

export type StartDecision = { ok: true; reason: string | null } | { ok: false; message: string };

/** The message a consultant gets when the placement has no held kick-off and no reason was given. */
export const NO_KICKOFF_MESSAGE =
  'A kick-off meeting (opstartsmøde) must be held first: book a PLACEMENT_KICKOFF meeting for this placement and record it as HELD, ' +
  'or give startWithoutKickoffReason to record why the placement starts without one. ' +
  'A kick-off recorded in the last few seconds may not have reached placements yet: try again shortly.';

/**
 * May the placement start? Yes when a kick-off for it is recorded as held (any reason given is
 * then not needed and not stored); otherwise only with a reason, which is stored.
 */
export function decideStart(heldKickoffs: number, reason: string | null | undefined): StartDecision {
  if (heldKickoffs > 0) return { ok: true, reason: null };
  const text = reason?.trim();
  if (text) return { ok: true, reason: text };
  return { ok: false, message: NO_KICKOFF_MESSAGE };
}
