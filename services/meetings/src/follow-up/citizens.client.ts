import DataLoader from 'dataloader';
import { isUuid, subgraphClient } from '@jobcenter/kit';

/**
 * Target groups as the citizens service records them, asked with this service's own SERVICE
 * identity through `_entities` (SERVICE may read `targetGroup`, never names or CPR numbers).
 * Only the default follow-up interval needs it, and only for citizens without one of their own;
 * one call per request batch. The URL comes from CITIZENS_URL at call time.
 */
const TARGET_GROUPS = `query MeetingsFollowUpTargetGroups($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Citizen { id targetGroup } }
}`;

/** Per-request loader: citizen id → target group, or null when the citizens service knows no such citizen. */
export function targetGroupLoader(requestId?: string): DataLoader<string, string | null> {
  return new DataLoader<string, string | null>(async (ids) => {
    const valid = [...new Set(ids.filter(isUuid))];
    if (valid.length === 0) return ids.map(() => null);
    const client = subgraphClient('meetings', 'citizens');
    const data = await client.query<{ _entities: ({ id: string; targetGroup: string } | null)[] }>(
      TARGET_GROUPS,
      { representations: valid.map((id) => ({ __typename: 'Citizen', id })) },
      requestId,
    );
    const found = new Map(data._entities.flatMap((e) => (e ? [[e.id, e.targetGroup] as const] : [])));
    return ids.map((id) => found.get(id) ?? null);
  });
}
