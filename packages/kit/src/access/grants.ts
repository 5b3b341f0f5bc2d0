import { isUuid } from '../ids';
import { subgraphClient } from '../subgraph-client';
import type { AccessGrant } from './policy';

/**
 * Where a service learns who holds which citizen. The citizens subgraph owns assignments and
 * reads its own table (a local source); every other subgraph asks it (citizensGrantSource),
 * through the process's GrantCache (grant-cache.ts).
 */

/** Loads the active grants of these citizens (any order; citizens without grants simply absent). */
export type GrantSource = (citizenIds: readonly string[]) => Promise<AccessGrant[]>;

const GRANTS_QUERY = `query AccessGrants($citizenIds: [ID!]!) { accessGrants(citizenIds: $citizenIds) { citizenId staffId team reason } }`;

/**
 * Grants from the citizens subgraph, which owns assignments, asked with this service's own
 * SERVICE identity (the `accessGrants` query answers only services). URL from CITIZENS_URL.
 */
export function citizensGrantSource(from: string): GrantSource {
  const client = subgraphClient(from, 'citizens');
  return async (citizenIds) => {
    const ids = citizenIds.filter(isUuid);
    if (ids.length === 0) return [];
    const data = await client.query<{ accessGrants: AccessGrant[] }>(GRANTS_QUERY, { citizenIds: ids });
    return data.accessGrants;
  };
}
