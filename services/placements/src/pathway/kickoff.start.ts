import { EntityManager } from 'typeorm';
import { conflict } from '@jobcenter/kit';
import { PlacementKickoff } from './kickoff.entity';
import { decideStart, HELD } from './kickoff.rules';

/**
 * Inside startPlacement's transaction: the reason to store on the placement (null when a kick-off
 * was held), or CONFLICT saying a kick-off must be held first or a reason recorded.
 */
export async function kickoffReasonForStart(
  tx: EntityManager,
  placementId: string,
  reason: string | null | undefined,
): Promise<string | null> {
  const held = await tx.getRepository(PlacementKickoff).countBy({ placementId, status: HELD });
  const decided = decideStart(held, reason);
  if (!decided.ok) throw conflict(decided.message, { kickoff: 'NOT_HELD' });
  return decided.reason;
}
