import { DataSource } from 'typeorm';
import { AccessGrant, GrantSource } from '@jobcenter/kit/access';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { isUuid } from '@jobcenter/kit/ids';

/**
 * The active assignments of citizens as access grants (citizen, staff member, their team): the
 * input of the shared access policy. Read straight from this service's database, so the
 * citizens subgraph itself never decides on stale assignments; the other subgraphs ask for the
 * same rows through `accessGrants` and cache them briefly.
 */
export function localGrantSource(dataSource: DataSource): GrantSource {
  return async (citizenIds) => {
    const ids = citizenIds.filter(isUuid);
    if (ids.length === 0) return [];
    const today = todayInCopenhagen();
    // Active assignments, and emergency accesses not yet expired (those for their staff member only).
    const rows: { citizen_id: string; staff_id: string; team: string | null; reason: string | null }[] = await dataSource.query(
      `SELECT a.citizen_id, a.staff_id::text AS staff_id, s.team, NULL AS reason
         FROM assignment a JOIN staff_member s ON s.id = a.staff_id
        WHERE a.citizen_id = ANY($1::uuid[]) AND a.from_date <= $2 AND (a.to_date IS NULL OR a.to_date >= $2)
       UNION ALL
       SELECT e.citizen_id, e.staff_id, NULL, e.reason
         FROM emergency_access e
        WHERE e.citizen_id = ANY($1::uuid[]) AND e.expires_at > now()`,
      [ids, today],
    );
    return rows.map((r): AccessGrant => ({ citizenId: r.citizen_id, staffId: r.staff_id, team: r.team, reason: r.reason }));
  };
}
