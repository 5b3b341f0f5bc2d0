import { Actor, forbidden, RequestContext } from '@jobcenter/kit';
import { readsNoPersonalData, requireCaseStaff } from '@jobcenter/kit/access';
import type { PlansLoaders } from './loaders';

/**
 * Who may see and change plans, milestones and progress. A plan is personal data: the citizen
 * sees all of their own ("no hidden agendas"), case staff read and write, analysts get only the
 * aggregated statistics, and other services calling on their own behalf (SERVICE) get nothing.
 */

/** Refuses analysts and services before anything is looked up. */
export function assertMayReadPersonalData(actor: Actor): void {
  if (readsNoPersonalData(actor)) {
    throw forbidden(
      `Plans and progress are personal data; ${actor.role === 'ANALYST' ? 'analysts see the statistics only' : 'your role may not read them'}.`,
    );
  }
}

/**
 * May the actor read the plans and progress of this citizen (the shared caseload policy)? true to
 * go on; false for another citizen, who gets what an unknown id gives; FORBIDDEN otherwise.
 */
export async function mayReadCitizenPlans(ctx: RequestContext<PlansLoaders>, citizenId: string): Promise<boolean> {
  assertMayReadPersonalData(ctx.actor);
  return ctx.access.mayRead(citizenId);
}

/** Writing in a citizen's plans: only within the caseload (or the citizen's own). FORBIDDEN otherwise. */
export async function assertMayWriteCitizenPlans(ctx: RequestContext<PlansLoaders>, citizenId: string): Promise<void> {
  await ctx.access.assert(citizenId);
}

/**
 * Case staff, or the citizen themselves for the few things a citizen writes in their own plan.
 * Another citizen's plan answers exactly as an unknown id does (`unknown()`, the same NOT_FOUND),
 * so a citizen cannot learn that someone else's plan or milestone exists; the try is logged under
 * that citizen as refused.
 */
export async function assertCaseStaffOrOwner(
  ctx: RequestContext<PlansLoaders>,
  citizenId: string,
  what: string,
  unknown: () => Error,
): Promise<void> {
  if (ctx.actor.role === 'CITIZEN') return ctx.access.assert(citizenId, unknown);
  requireCaseStaff(ctx.actor, what);
}
