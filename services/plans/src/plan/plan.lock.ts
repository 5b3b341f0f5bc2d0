import { EntityManager } from 'typeorm';
import { isUuid, recordEvent } from '@jobcenter/kit';
import { Plan } from './plan.entity';

/** The plan, locked for this transaction so changes to it and its milestones are decided one at a time. */
export async function lockPlan(tx: EntityManager, planId: string): Promise<Plan | null> {
  if (!isUuid(planId)) return null;
  return tx.getRepository(Plan).createQueryBuilder('p').setLock('pessimistic_write').where('p.id = :planId', { planId }).getOne();
}

/**
 * Counts a change to the plan's content outside its own row (a milestone added, its status
 * changed, a proposal accepted) as a new version of the plan, so `Plan.version` is the one
 * number both sides compare with what the citizen confirmed (`Plan.changedSinceConfirmed`).
 * Call it with the plan locked (lockPlan). Comments, notes and proposals do not change the plan.
 * Emits `plan.changed` with the new version in the same transaction.
 */
export async function bumpPlanVersion(tx: EntityManager, plan: Plan): Promise<number> {
  // TypeORM adds "version = version + 1" to every update of an entity with a version column.
  await tx
    .createQueryBuilder()
    .update(Plan)
    .set({ updatedAt: () => 'now()' })
    .where('id = :id', { id: plan.id })
    .execute();
  const version = plan.version + 1;
  await recordEvent(tx, { type: 'plan.changed', aggregateId: plan.id, citizenId: plan.citizenId, payload: { planId: plan.id, version } });
  return version;
}
