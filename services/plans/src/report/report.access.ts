import { RequestContext } from '@jobcenter/kit';
import { isUuid } from '@jobcenter/kit/ids';
import { assertMayReadPersonalData, mayReadCitizenPlans } from '../access';
import { PlansLoaders } from '../loaders';
import { CaseReport } from './report.entity';
import { ReportStatus } from './report.enums';

/** Does the citizen see this report? Only once it is shared with them; staff see every version. */
export const visibleTo = (ctx: RequestContext<PlansLoaders>, report: CaseReport) =>
  ctx.actor.role !== 'CITIZEN' || report.status === ReportStatus.SHARED;

/**
 * A report the actor may read, or null. Analysts and services are refused before anything is
 * looked up; staff outside the citizen's caseload get FORBIDDEN; a citizen gets null for another
 * citizen's report and for their own before it is shared (a draft is the staff's working copy),
 * exactly as for an id that does not exist. The same rule guards the report's PDF.
 */
export async function readableReport(ctx: RequestContext<PlansLoaders>, id: string): Promise<CaseReport | null> {
  assertMayReadPersonalData(ctx.actor);
  const report = isUuid(id) ? await ctx.loaders.reportById.load(id) : null;
  if (!report || !(await mayReadCitizenPlans(ctx, report.citizenId))) return null;
  return visibleTo(ctx, report) ? report : null;
}
