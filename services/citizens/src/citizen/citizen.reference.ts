import { RequestContext } from '@jobcenter/kit';
import { CitizensLoaders } from '../loaders';
import { assertMayLookUpCitizens } from './citizen.access';
import { Citizen } from './citizen.entity';

/** Citizen references from other subgraphs, batched: one statement for any number of ids. */
export async function resolveCitizenReference(reference: { id: string }, ctx: RequestContext<CitizensLoaders>): Promise<Citizen | null> {
  // Entity resolution is no way around the policy: analysts are refused, another citizen is
  // null (as if unknown), and every personal field checks the caseload itself (CitizenData).
  assertMayLookUpCitizens(ctx.actor);
  if ((await ctx.access.decide(reference.id)) === 'HIDDEN') return null;
  return ctx.loaders.citizenById.load(reference.id);
}
