import { RequestContext } from '@jobcenter/kit';
import { assertMayReadCitizenData } from '../access';
import { MeetingsLoaders } from '../loaders';
import { Meeting } from './meeting.entity';

/** Meeting references from other subgraphs, batched: one statement for any number of ids. */
export async function resolveMeetingReference(
  reference: { id: string },
  ctx: RequestContext<MeetingsLoaders>,
): Promise<Meeting | null> {
  if (ctx.actor.role === 'ANALYST') assertMayReadCitizenData(ctx.actor, reference.id);
  const meeting = await ctx.loaders.meetingById.load(reference.id);
  if (meeting) assertMayReadCitizenData(ctx.actor, meeting.citizenId);
  return meeting;
}
