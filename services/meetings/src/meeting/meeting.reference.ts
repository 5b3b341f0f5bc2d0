import { RequestContext } from '@jobcenter/kit';
import { assertMayReadCitizenData, mayReadCitizen } from '../access';
import { MeetingsLoaders } from '../loaders';
import { Meeting } from './meeting.entity';

/** Meeting references from other subgraphs, batched: one statement for any number of ids. */
export async function resolveMeetingReference(reference: { id: string }, ctx: RequestContext<MeetingsLoaders>): Promise<Meeting | null> {
  if (ctx.actor.role === 'ANALYST') assertMayReadCitizenData(ctx.actor, reference.id);
  const meeting = await ctx.loaders.meetingById.load(reference.id);
  // Entity resolution applies the same policy: another citizen's meeting is null, as if unknown.
  if (meeting && !(await mayReadCitizen(ctx, meeting.citizenId))) return null;
  return meeting;
}
