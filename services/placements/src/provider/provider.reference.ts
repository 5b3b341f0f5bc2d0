import { RequestContext } from '@jobcenter/kit';
import { requireStaff } from '@jobcenter/kit/access';
import { PlacementsLoaders } from '../loaders';
import { Provider } from './provider.entity';

/** Provider references from other subgraphs, batched; refused to exactly those `provider(id)` refuses. */
export function resolveProviderReference(reference: { id: string }, ctx: RequestContext<PlacementsLoaders>): Promise<Provider | null> {
  requireStaff(ctx.actor, 'look providers up');
  return ctx.loaders.providerById.load(reference.id);
}
