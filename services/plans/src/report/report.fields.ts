import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DateScalar, RequestContext } from '@jobcenter/kit';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { mayReadCitizenPlans } from '../access';
import { CitizenRef } from '../citizen/citizen-ref';
import { PlansLoaders } from '../loaders';
import { Plan } from '../plan/plan.entity';
import { readablePlan } from '../plan/plan.reference';
import { reportSubtitle, reportText } from './report.compose';
import { visibleTo } from './report.access';
import { CaseReport } from './report.entity';
import { ReportKind } from './report.enums';
import { ReportReferralRef } from './report-referral';
import { isMidwayReportDue, midwayDueOn } from './report.rules';

type Context = RequestContext<PlansLoaders>;

/** Where a report's PDF is fetched: through the gateway's files route, with the same authorisation as the report. */
export const reportPdfPath = (id: string) => `/files/plans/reports/${id}.pdf`;

/** Fields of CaseReport beyond its row. */
@Resolver(() => CaseReport)
export class CaseReportFieldsResolver {
  @FieldResolver(() => CitizenRef, { description: 'The citizen the report is about.' })
  citizen(@Root() report: CaseReport): CitizenRef {
    return { id: report.citizenId };
  }

  @FieldResolver(() => Plan, { nullable: true, description: 'The plan the report is about.' })
  plan(@Root() report: CaseReport, @Ctx() ctx: Context): Promise<Plan | null> {
    return readablePlan(report.planId, ctx);
  }

  @FieldResolver(() => ReportReferralRef, {
    nullable: true,
    description: "The referral (tilbud) the report is about, when it is a referral's course rather than the plan's as a whole.",
  })
  referral(@Root() report: CaseReport): ReportReferralRef | null {
    return report.referralId ? { id: report.referralId } : null;
  }

  @FieldResolver(() => String, { description: 'The whole report as plain text (Danish), as composed when drafted.' })
  text(@Root() report: CaseReport): string {
    return reportText(report.kind, reportSubtitle(report.citizenName, report.periodFrom, report.periodTo), report.sections);
  }

  @FieldResolver(() => String, {
    description: 'Where the report is fetched as a PDF (same origin as the workbench); needs the same authorisation as the report.',
  })
  pdfUrl(@Root() report: CaseReport): string {
    return reportPdfPath(report.id);
  }

  @FieldResolver(() => CaseReport, {
    nullable: true,
    description: 'The version this one corrects (version − 1); null for version 1 or when the citizen has not been shown it.',
  })
  async previousVersion(@Root() report: CaseReport, @Ctx() ctx: Context): Promise<CaseReport | null> {
    if (!report.previousId) return null;
    const previous = await ctx.loaders.reportById.load(report.previousId);
    return previous && visibleTo(ctx, previous) ? previous : null;
  }
}

/** The reports on Citizen and Plan, and when the midway report is due. */
@Resolver(() => CitizenRef)
export class CitizenReportsResolver {
  @FieldResolver(() => [CaseReport], {
    description: "Reports of the citizen's courses, every version, newest first. The citizen sees only those shared with them.",
  })
  async reports(@Root() citizen: CitizenRef, @Ctx() ctx: Context): Promise<CaseReport[]> {
    if (!(await mayReadCitizenPlans(ctx, citizen.id))) return [];
    return (await ctx.loaders.reportsByCitizen.load(citizen.id)).filter((r) => visibleTo(ctx, r));
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description:
      'The day the midway status report (statusrapport midtvejs) of the active plan fell due, while it is due: past halfway through ' +
      "the course's period and none drafted yet. Null otherwise (staff; null for the citizen).",
  })
  async midwayReportDueOn(@Root() citizen: CitizenRef, @Ctx() ctx: Context): Promise<string | null> {
    if (ctx.actor.role === 'CITIZEN' || !(await mayReadCitizenPlans(ctx, citizen.id))) return null;
    const plan = await ctx.loaders.activePlanByCitizen.load(citizen.id);
    if (!plan) return null;
    const reports = await ctx.loaders.reportsByPlan.load(plan.id);
    // Due dates follow the plan's period; a referral's midway report does not stand in for the plan's.
    const hasMidway = reports.some((r) => r.kind === ReportKind.MIDWAY_STATUS && r.referralId === null);
    return isMidwayReportDue(plan, todayInCopenhagen(), hasMidway) ? midwayDueOn(plan) : null;
  }
}

@Resolver(() => Plan)
export class PlanReportsResolver {
  @FieldResolver(() => DateScalar, {
    nullable: true,
    description:
      "Halfway through the course's period (start to end or planned end): when the midway status report is due. Null if open-ended.",
  })
  midwayReportDate(@Root() plan: Plan): string | null {
    return midwayDueOn(plan);
  }

  @FieldResolver(() => [CaseReport], {
    description: 'Reports about this plan, every version, newest first; the citizen sees the shared ones.',
  })
  async reports(@Root() plan: Plan, @Ctx() ctx: Context): Promise<CaseReport[]> {
    return (await ctx.loaders.reportsByPlan.load(plan.id)).filter((r) => visibleTo(ctx, r));
  }
}
