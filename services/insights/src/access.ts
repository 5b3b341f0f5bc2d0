import { forbidden, isCaseStaff, readsNoPersonalData, RequestContext } from '@jobcenter/kit';
import type { InsightsLoaders } from './loaders';

/**
 * Who may see and change this service's data. Its data is personal: the citizen sees their own,
 * case staff read and write within their caseload (the shared policy), analysts and services
 * read none of it.
 */

/**
 * May the actor read this citizen's insights data? true to go on; false for another citizen, who
 * gets what an unknown id gives; FORBIDDEN for analysts and services.
 */
export async function mayReadInsights(ctx: RequestContext<InsightsLoaders>, citizenId: string): Promise<boolean> {
  if (readsNoPersonalData(ctx.actor)) throw forbidden(`Your role (${ctx.actor.role}) may not read insights data: it is personal data.`);
  return ctx.loaders.access.mayRead(citizenId);
}

/** Writing: case staff within their caseload. FORBIDDEN otherwise (logged under the citizen). */
export async function assertMayWriteInsights(ctx: RequestContext<InsightsLoaders>, citizenId: string): Promise<void> {
  if (!isCaseStaff(ctx.actor)) throw forbidden(`Your role (${ctx.actor.role}) may not change insights data.`);
  await ctx.loaders.access.assert(citizenId);
}
