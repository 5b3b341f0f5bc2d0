import { Actor, forbidden } from '@jobcenter/kit';
import { AccessDecision, readsNoPersonalData } from '@jobcenter/kit/access';

/**
 * Who may see what of a citizen, on top of the shared policy (kit `access/policy.ts`), which
 * every resolver here applies through `ctx.access`.
 */

/** Analysts read no citizen at all; services only non-personal fields (guarded per field). */
export function assertMayLookUpCitizens(actor: Actor): void {
  if (actor.role === 'ANALYST') throw forbidden('Citizens are personal data; analysts see aggregated statistics only.');
}

/** The full CPR number goes with full access; a masked search hit shows DDMMYY-****. */
export function seesFullCpr(decision: AccessDecision): boolean {
  return decision === 'ALLOW';
}

export { readsNoPersonalData };
