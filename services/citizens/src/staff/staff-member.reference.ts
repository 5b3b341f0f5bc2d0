import { RequestContext } from '@jobcenter/kit';
import { CitizensLoaders } from '../loaders';
import { StaffMember } from './staff-member.entity';

/** StaffMember references from other subgraphs, batched: one statement per batch. */
export function resolveStaffMemberReference(reference: { id: string }, ctx: RequestContext<CitizensLoaders>): Promise<StaffMember | null> {
  return ctx.loaders.staffById.load(reference.id);
}
