import { PlacementStatus } from '../placement/placement.enums';

/**
 * Pathways (forløb hos én virksomhed): a placement proposed as the continuation of another at the
 * same company, e.g. internship → wage subsidy → ordinary job (the seeds' partnership model).
 * Plain functions over rows, unit-tested without a database.
 */

/** What a pathway rule looks at on a placement. */
export interface PathwayPlacement {
  id: string;
  citizenId: string;
  companyId: string;
  status: PlacementStatus;
  startDate: string;
  continuesPlacementId: string | null;
}

/** Statuses a placement may be continued from: under way, or completed. */
export const CONTINUABLE: readonly PlacementStatus[] = [PlacementStatus.ACTIVE, PlacementStatus.COMPLETED];

export type ContinuationCheck =
  | { ok: true }
  | { ok: false; code: 'BAD_USER_INPUT'; field: 'continuesPlacementId' | 'startDate'; message: string }
  | { ok: false; code: 'CONFLICT'; message: string };

/**
 * May a placement for `proposal` continue `previous`? Same citizen and same company
 * (BAD_USER_INPUT at continuesPlacementId), the previous one ACTIVE or COMPLETED, starting no
 * earlier than it, and not continued already by a placement that is not cancelled (CONFLICT).
 */
export function checkContinuation(
  previous: PathwayPlacement,
  proposal: { citizenId: string; companyId: string; startDate: string },
  existingContinuation: Pick<PathwayPlacement, 'id' | 'status'> | null,
): ContinuationCheck {
  if (previous.citizenId !== proposal.citizenId) {
    return {
      ok: false,
      code: 'BAD_USER_INPUT',
      field: 'continuesPlacementId',
      message: 'continuesPlacementId: that placement belongs to another citizen; a pathway is one citizen at one company.',
    };
  }
  if (previous.companyId !== proposal.companyId) {
    return {
      ok: false,
      code: 'BAD_USER_INPUT',
      field: 'continuesPlacementId',
      message:
        'continuesPlacementId: that placement is at another company; a continuation is at the same company (propose a new placement instead).',
    };
  }
  if (!CONTINUABLE.includes(previous.status)) {
    return {
      ok: false,
      code: 'BAD_USER_INPUT',
      field: 'continuesPlacementId',
      message: `continuesPlacementId: a ${previous.status} placement cannot be continued; only ${CONTINUABLE.join(' or ')} ones can.`,
    };
  }
  if (proposal.startDate < previous.startDate) {
    return {
      ok: false,
      code: 'BAD_USER_INPUT',
      field: 'startDate',
      message: `startDate: a continuation starts no earlier than the placement it continues (${previous.startDate}).`,
    };
  }
  if (existingContinuation && existingContinuation.status !== PlacementStatus.CANCELLED) {
    return {
      ok: false,
      code: 'CONFLICT',
      message: `That placement is already continued by placement ${existingContinuation.id} (${existingContinuation.status}); a placement has at most one continuation. Cancel that one first.`,
    };
  }
  return { ok: true };
}

/** The live continuation of a placement among the citizen's placements: not cancelled; null if none. */
export function nextOf<T extends PathwayPlacement>(placement: T, citizensPlacements: readonly T[]): T | null {
  return citizensPlacements.find((p) => p.continuesPlacementId === placement.id && p.status !== PlacementStatus.CANCELLED) ?? null;
}

/** The placement this one continues, among the citizen's placements; null if none. */
export function previousOf<T extends PathwayPlacement>(placement: T, citizensPlacements: readonly T[]): T | null {
  if (!placement.continuesPlacementId) return null;
  return citizensPlacements.find((p) => p.id === placement.continuesPlacementId) ?? null;
}

/**
 * The whole pathway this placement belongs to, first placement first: back along `previous` to
 * the start, then forward along `next`. A cycle cannot be made (a continuation is always newer
 * than what it continues), but a bad row cannot hang a request either: each placement once.
 */
export function pathwayOf<T extends PathwayPlacement>(placement: T, citizensPlacements: readonly T[]): T[] {
  const seen = new Set<string>([placement.id]);
  const before: T[] = [];
  for (let p = previousOf(placement, citizensPlacements); p && !seen.has(p.id); p = previousOf(p, citizensPlacements)) {
    seen.add(p.id);
    before.unshift(p);
  }
  const after: T[] = [];
  for (let n = nextOf(placement, citizensPlacements); n && !seen.has(n.id); n = nextOf(n, citizensPlacements)) {
    seen.add(n.id);
    after.push(n);
  }
  return [...before, placement, ...after];
}
