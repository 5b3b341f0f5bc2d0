import { In } from 'typeorm';
import { citizensGrantSource, createCitizenAccess, GrantCache, LoaderFactory, uniqueBy } from '@jobcenter/kit';
import { InsightsNote } from './note/note.entity';

export type InsightsLoaders = ReturnType<typeof createLoaders>;

/**
 * Caseloads, learnt from the citizens subgraph (which owns assignments) and kept for at most
 * ACCESS_GRANT_TTL_MS (≤ 60 s). One per process; no personal data in it.
 */
const grantCache = new GrantCache(citizensGrantSource('insights'));

/** Per-request loaders: each batch of ids costs one SQL statement. */
export const createLoaders = (({ dataSource, actor }) => ({
  /** The shared caseload policy for this request, batched per request. */
  access: createCitizenAccess(actor, grantCache, { kind: 'insights' }),
  /** Each citizen's note, if any. */
  noteByCitizen: uniqueBy<InsightsNote>(
    (n) => n.citizenId,
    (ids) => dataSource.getRepository(InsightsNote).findBy({ citizenId: In(ids) }),
  ),
})) satisfies LoaderFactory<unknown>;
