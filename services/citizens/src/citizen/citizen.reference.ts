import { RequestContext } from '@jobcenter/kit';
import { CitizensLoaders } from '../loaders';
import { assertMayReadCitizen } from './citizen.access';
import { Citizen } from './citizen.entity';

/** Citizen references from other subgraphs, batched: one statement for any number of ids. */
export async function resolveCitizenReference(
  reference: { id: string },
  ctx: RequestContext<CitizensLoaders>,
): Promise<Citizen | null> {
  assertMayReadCitizen(ctx.actor, reference.id);
  return ctx.loaders.citizenById.load(reference.id);
}
