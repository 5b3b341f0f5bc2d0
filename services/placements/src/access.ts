import { forbidden, RequestContext } from '@jobcenter/kit';
import { isCaseStaff } from '@jobcenter/kit/access';
import type { PlacementsLoaders } from './loaders';

/**
 * Who may see and change placements. A placement is personal data: the citizen sees their own,
 * case staff (caseworker, resource and job consultants, team lead) read and write, analysts get
 * only `placementStatistics`. Companies are not personal data: any staff member may read them.
 */

/**
 * May the actor read this citizen's placements (the shared caseload policy)? true to go on;
 * false for another citizen, who gets what an unknown id gives; FORBIDDEN otherwise.
 */
export async function mayReadCitizenPlacements(
  ctx: RequestContext<PlacementsLoaders>,
  citizenId: string,
  what: 'Placements' | 'Referrals' = 'Placements',
): Promise<boolean> {
  if (ctx.actor.role !== 'CITIZEN' && !isCaseStaff(ctx.actor)) {
    throw forbidden(`${what} are personal data; analysts see the statistics only.`);
  }
  return ctx.access.mayRead(citizenId);
}

/**
 * The placements among these whose citizen the actor may read: a job consultant's own list or a
 * company's placements show only the caseload (and a team lead their team's).
 */
export async function readablePlacements<T extends { citizenId: string }>(ctx: RequestContext<PlacementsLoaders>, rows: T[]): Promise<T[]> {
  const readable = await ctx.access.filter(rows.map((r) => r.citizenId));
  return rows.filter((r) => readable.has(r.citizenId));
}
