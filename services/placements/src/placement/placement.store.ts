import { EntityManager } from 'typeorm';
import { conflict, notFound, recordEvent } from '@jobcenter/kit';
import { placementMoved } from '../events';
import { Placement } from './placement.entity';
import { PlacementStatus } from './placement.enums';
import { mayTransition, overlaps, Transition, TRANSITIONS, transitionRefusal } from './placement.rules';

/**
 * Moves a placement along its lifecycle in one conditional UPDATE (… WHERE status IN (allowed)),
 * so of two simultaneous attempts only one can pass. NOT_FOUND or CONFLICT otherwise. The step's
 * event goes into the outbox in the same transaction.
 */
export async function transition(db: EntityManager, id: string, action: Transition, changes: Partial<Placement> = {}): Promise<Placement> {
  const repo = db.getRepository(Placement);
  const { from, to } = TRANSITIONS[action];
  const result = await repo
    .createQueryBuilder()
    .update(Placement)
    .set({ ...changes, status: to })
    .where('id = :id AND status IN (:...from)', { id, from: [...from] })
    .execute();
  if (!result.affected) {
    const current = await repo.findOneBy({ id });
    if (!current) throw notFound('Placement', id);
    if (!mayTransition(action, current.status)) throw conflict(transitionRefusal(action, current.status));
    throw conflict('The placement changed while you saved; reload it and try again.');
  }
  const moved = await repo.findOneByOrFail({ id });
  await recordEvent(db, placementMoved(action, moved));
  return moved;
}

/**
 * Serialises changes to one citizen's ACTIVE placements for the rest of the transaction: a
 * PostgreSQL advisory lock on the citizen id, so two simultaneous starts cannot both see "no
 * other active placement" and both commit.
 */
export async function lockCitizenPlacements(tx: EntityManager, citizenId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('placement-active:' || $1, 0))`, [citizenId]);
}

/** CONFLICT when another ACTIVE placement of the citizen shares a day with `period`. */
export async function assertNoOverlappingActive(
  tx: EntityManager,
  placement: { id: string; citizenId: string },
  period: { startDate: string; endDate: string },
): Promise<void> {
  const active = await tx.getRepository(Placement).findBy({ citizenId: placement.citizenId, status: PlacementStatus.ACTIVE });
  const clash = active.find((other) => other.id !== placement.id && overlaps(other, period));
  if (clash) {
    throw conflict(
      `The citizen already has an active ${clash.kind} placement from ${clash.startDate} to ${clash.endDate} (id ${clash.id}); ` +
        'complete or cancel it first, or choose dates that do not overlap.',
    );
  }
}
