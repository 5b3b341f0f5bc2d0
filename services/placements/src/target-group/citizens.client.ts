import { subgraphClient } from '@jobcenter/kit';
import { unknownReference } from '@jobcenter/kit/input';
import { TargetGroup } from './target-group';

/**
 * The citizen's target group as the citizens service records it.
 *
 * Why a direct call: the legal maximum of a placement depends on the target group, and a client
 * could claim any group it likes. The citizens service owns the group, so this subgraph asks it
 * at the moment of the decision, with its own signed SERVICE identity (not the user's token:
 * the answer must not depend on what the caller may see, and SERVICE may read non-personal
 * fields such as `targetGroup`, never names or CPR numbers). No tables are shared, and the
 * answer is snapshotted on the placement as `targetGroupAtStart`, so a later change of group
 * does not rewrite history and reads never depend on the citizens service being up. The URL
 * comes from CITIZENS_URL at call time (tests and deployments set it).
 */
const CITIZEN_FACTS = `query PlacementCitizenFacts($citizenId: ID!, $staffId: ID!, $withStaff: Boolean!) {
  citizen(id: $citizenId) { targetGroup }
  staffMember(id: $staffId) @include(if: $withStaff) { id role }
}`;

export interface CitizenFacts {
  targetGroup: TargetGroup;
  /** The staff member asked for, when one was; null if the citizens service does not know them. */
  staffMember?: { id: string; role: string } | null;
}

/** The target group of the citizen (BAD_USER_INPUT on `citizenId` when unknown), and optionally checks a staff member. */
export async function fetchCitizenFacts(citizenId: string, requestId: string, staffId?: string): Promise<CitizenFacts> {
  const client = subgraphClient('placements', 'citizens');
  const data = await client.query<{ citizen: { targetGroup: TargetGroup } | null; staffMember?: { id: string; role: string } | null }>(
    CITIZEN_FACTS,
    { citizenId, staffId: staffId ?? citizenId, withStaff: staffId !== undefined },
    requestId,
  );
  if (!data.citizen) throw unknownReference({ kind: 'citizen', id: citizenId, field: 'citizenId' });
  return { targetGroup: data.citizen.targetGroup, staffMember: data.staffMember };
}
