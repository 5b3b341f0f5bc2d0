import { RequestContext } from '@jobcenter/kit';
import { requireStaff } from '@jobcenter/kit/access';
import { PlacementsLoaders } from '../loaders';
import { Company } from './company.entity';

/**
 * Company references from other subgraphs, batched: one statement per batch. Refused to exactly
 * those `company(id)` refuses (citizens, services): entity resolution is no way around it, e.g.
 * to a company's contact persons. A citizen still sees the company of their own placement
 * through `Placement.company`, which this service resolves itself.
 */
export function resolveCompanyReference(reference: { id: string }, ctx: RequestContext<PlacementsLoaders>): Promise<Company | null> {
  requireStaff(ctx.actor, 'look companies up');
  return ctx.loaders.companyById.load(reference.id);
}
