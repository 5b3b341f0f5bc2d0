import type { AnyNewEvent } from '@jobcenter/kit';
import type { Placement } from './placement/placement.entity';
import type { Transition } from './placement/placement.rules';

/**
 * This subgraph's domain events (docs/events.md), built from its entities: the same builders
 * serve the mutations and the demo and scale seeds. Ids, codes and dates only: the mentor's
 * name, follow-up notes, justifications and cancel reasons stay here.
 */
export const placementProposed = (
  p: Pick<Placement, 'id' | 'citizenId' | 'companyId' | 'kind' | 'purpose' | 'startDate' | 'endDate' | 'targetGroupAtStart'> &
    Partial<Pick<Placement, 'continuesPlacementId'>>,
): AnyNewEvent => ({
  type: 'placement.proposed',
  aggregateId: p.id,
  citizenId: p.citizenId,
  payload: {
    placementId: p.id,
    companyId: p.companyId,
    kind: p.kind,
    purpose: p.purpose ?? null,
    startDate: p.startDate,
    endDate: p.endDate,
    targetGroupAtStart: p.targetGroupAtStart ?? null,
    continuesPlacementId: p.continuesPlacementId ?? null,
  },
});

const TRANSITION_EVENTS = {
  agree: 'placement.agreed',
  start: 'placement.started',
  cancel: 'placement.cancelled',
  complete: 'placement.completed',
} as const;

/**
 * The event of a lifecycle step, from the placement as it is after it. A completed or
 * cancelled placement's `endDate` is the day it actually ended (`endedOn`), else the agreed one.
 */
export function placementMoved(
  action: Transition,
  p: Pick<Placement, 'id' | 'citizenId' | 'kind' | 'startDate' | 'endDate' | 'endedOn' | 'outcome'>,
): AnyNewEvent {
  const state = { placementId: p.id, kind: p.kind, startDate: p.startDate, endDate: p.endedOn ?? p.endDate };
  if (action === 'complete') {
    return {
      type: 'placement.completed',
      aggregateId: p.id,
      citizenId: p.citizenId,
      payload: { ...state, outcome: p.outcome ?? 'UNKNOWN' },
    };
  }
  return { type: TRANSITION_EVENTS[action], aggregateId: p.id, citizenId: p.citizenId, payload: state };
}

export const placementExtended = (p: Pick<Placement, 'id' | 'citizenId'>, endDate: string, previousEndDate: string): AnyNewEvent => ({
  type: 'placement.extended',
  aggregateId: p.id,
  citizenId: p.citizenId,
  payload: { placementId: p.id, endDate, previousEndDate },
});

type PlacementFacts = Parameters<typeof placementProposed>[0] & Parameters<typeof placementMoved>[1] & Pick<Placement, 'status'>;
const REACHED: Record<string, Transition[]> = {
  PROPOSED: [],
  AGREED: ['agree'],
  ACTIVE: ['agree', 'start'],
  COMPLETED: ['agree', 'start', 'complete'],
  CANCELLED: ['cancel'],
};

/** The events of a placement loaded as it stands (the seeds): proposed, then each step to its status. */
export const placementHistory = (p: PlacementFacts): AnyNewEvent[] => [
  placementProposed(p),
  ...(REACHED[p.status] ?? []).map((action) =>
    placementMoved(action, action === 'complete' || action === 'cancel' ? p : { ...p, endedOn: null }),
  ),
];
