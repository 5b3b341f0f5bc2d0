import { EntityManager, Not } from 'typeorm';
import { badUserInput, conflict } from '@jobcenter/kit';
import { isUuid } from '@jobcenter/kit/ids';
import { Placement } from '../placement/placement.entity';
import { PlacementStatus } from '../placement/placement.enums';
import { lockCitizenPlacements } from '../placement/placement.store';
import { checkContinuation } from './pathway.rules';

const unknownPrevious = (id: string) =>
  badUserInput(`continuesPlacementId: there is no placement with id ${id}. Check the id; nothing was saved.`, 'continuesPlacementId');

/**
 * Inside the proposal's transaction: the placement it continues exists and may be continued by
 * this one (pathway.rules.ts). The citizen's placements are locked first (the same advisory lock
 * as starting one), so two simultaneous continuations of one placement cannot both pass.
 */
export async function assertMayContinue(
  tx: EntityManager,
  continuesPlacementId: string,
  proposal: { citizenId: string; companyId: string; startDate: string },
): Promise<void> {
  if (!isUuid(continuesPlacementId)) throw unknownPrevious(continuesPlacementId);
  await lockCitizenPlacements(tx, proposal.citizenId);
  const repo = tx.getRepository(Placement);
  const previous = await repo.findOneBy({ id: continuesPlacementId });
  // Another citizen's placement is named as such only when it exists; its owner is not revealed beyond that.
  if (!previous) throw unknownPrevious(continuesPlacementId);
  const existing = await repo.findOne({
    where: { continuesPlacementId, status: Not(PlacementStatus.CANCELLED) },
    order: { createdAt: 'ASC' },
  });
  const check = checkContinuation(previous, proposal, existing);
  if (check.ok) return;
  if (check.code === 'CONFLICT') throw conflict(check.message);
  throw badUserInput(check.message, check.field);
}
