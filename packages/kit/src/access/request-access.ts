import type { DataSource } from 'typeorm';
import type { Actor } from '../identity';
import { CitizenAccess, createCitizenAccess } from './caseload';
import { GrantCache } from './grant-cache';
import { citizensGrantSource, GrantSource } from './grants';

/** How a subgraph decides who may see the citizens' data it holds (SubgraphDefinition.access). */
export interface SubgraphAccess {
  /** What kind of data this service holds, for the access log (e.g. "plans and progress"). */
  kind?: string;
  /**
   * Where the active grants come from. Default: the citizens subgraph (which owns assignments),
   * asked with the service's own identity, behind one GrantCache per process. The citizens
   * subgraph passes its own table, read fresh on every request.
   */
  grants?: (dataSource: DataSource) => GrantSource;
}

/**
 * The per-request `ctx.access` of a subgraph, from its definition. Caseloads learnt from the
 * citizens subgraph are kept for at most ACCESS_GRANT_TTL_MS (≤ 60 s) in one cache per process:
 * it holds no personal data, only which staff member (and team) holds which citizen, and each
 * request's decisions are its own.
 */
export function createRequestAccess(access: SubgraphAccess, service: string, dataSource: DataSource): (actor: Actor) => CitizenAccess {
  const grants: GrantCache | GrantSource = access.grants ? access.grants(dataSource) : new GrantCache(citizensGrantSource(service));
  return (actor) => createCitizenAccess(actor, grants, { kind: access.kind });
}
