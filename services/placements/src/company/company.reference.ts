import { RequestContext } from '@jobcenter/kit';
import { PlacementsLoaders } from '../loaders';
import { Company } from './company.entity';

/** Company references from other subgraphs, batched: one statement per batch. */
export function resolveCompanyReference(reference: { id: string }, ctx: RequestContext<PlacementsLoaders>): Promise<Company | null> {
  return ctx.loaders.companyById.load(reference.id);
}
