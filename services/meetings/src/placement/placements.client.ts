import { GraphQLError } from 'graphql';
import { badUserInput, SERVICE_UNAVAILABLE, subgraphClient } from '@jobcenter/kit';
import { isUuid } from '@jobcenter/kit/ids';
import { PLACEMENT_MEETING_KINDS } from './kickoff.rules';

const PLACEMENT_OWNER = `query PlacementOwner($id: ID!) { placementOwner(id: $id) { placementId citizenId status } }`;

/**
 * A meeting booked with a `placementId` must be of a placement kind and name one of the
 * meeting's citizen's own placements: asked of the placements subgraph with this service's
 * SERVICE identity (ids and a status only), before anything is booked. BAD_USER_INPUT at
 * `placementId` otherwise, so a kick-off can never make another citizen's placement startable.
 */
export async function assertPlacementOfCitizen(placementId: string, citizenId: string, kind: string, requestId?: string): Promise<void> {
  if (!(PLACEMENT_MEETING_KINDS as readonly string[]).includes(kind)) {
    throw badUserInput(`placementId: only ${PLACEMENT_MEETING_KINDS.join(' and ')} meetings are about a placement.`, 'placementId');
  }
  const unknown = () =>
    badUserInput(`placementId: the citizen has no placement with id ${placementId}. Check the id; nothing was saved.`, 'placementId');
  if (!isUuid(placementId)) throw unknown();
  let owner: { citizenId: string } | null;
  try {
    owner = (
      await subgraphClient('meetings', 'placements').query<{ placementOwner: { citizenId: string } | null }>(
        PLACEMENT_OWNER,
        { id: placementId },
        requestId,
      )
    ).placementOwner;
  } catch {
    throw new GraphQLError('The placements service could not confirm the placement right now; nothing was saved. Try again shortly.', {
      extensions: { code: SERVICE_UNAVAILABLE },
    });
  }
  if (!owner || owner.citizenId !== citizenId) throw unknown();
}
