import 'reflect-metadata';
import { RequestContext, SubgraphDefinition } from '@jobcenter/kit';
import { AccessLogResolver } from '@jobcenter/kit/audit-log';
import { CitizenPlansResolver } from './citizen/citizen.fields';
import { seedPlansDemo } from './demo/demo-data';
import { createLoaders, PlansLoaders } from './loaders';
import { migrations } from './migrations';
import { Milestone } from './milestone/milestone.entity';
import { MilestoneFieldsResolver } from './milestone/milestone.fields';
import { resolveMilestoneReference } from './milestone/milestone.reference';
import { MilestoneResolver } from './milestone/milestone.resolver';
import { MilestoneProposalResolver } from './milestone/milestone-proposal.resolver';
import { MilestoneUpdate } from './milestone/milestone-update.entity';
import { PlanPeriod } from './period/plan-period.entity';
import { PlanPeriodResolver } from './period/plan-period.resolver';
import { Plan } from './plan/plan.entity';
import { PlanFieldsResolver } from './plan/plan.fields';
import { resolvePlanReference } from './plan/plan.reference';
import { PlanResolver } from './plan/plan.resolver';
import { ProgressAssessment } from './progress/progress-assessment.entity';
import { ProgressScore } from './progress/progress-score.entity';
import { ProgressionSummary, ProgressionTotal } from './progress/progression-summary.entity';
import { ProgressResolver } from './progress/progress.resolver';
import { readableReport } from './report/report.access';
import { CaseReport } from './report/report.entity';
import { CaseReportFieldsResolver, CitizenReportsResolver, PlanReportsResolver } from './report/report.fields';
import { MidwayReportsDueCountResolver } from './report/midway-due-count.resolver';
import { reportPdf } from './report/report.pdf';
import { CaseReportResolver } from './report/report.resolver';
import { StatisticsResolver } from './statistics/statistics.resolver';
import { PlanComment } from './voice/plan-comment.entity';
import { PlanCommentResolver } from './voice/plan-comment.resolver';
import { PlanConfirmation } from './voice/plan-confirmation.entity';
import { PlanConfirmationResolver } from './voice/plan-confirmation.resolver';
import { PlanVoiceFieldsResolver } from './voice/plan-voice.fields';
import { plansRecord } from './record';

/** The plans bounded context: action plans, milestones, period statuses and progression. */
export const plansSubgraph: SubgraphDefinition<PlansLoaders> = {
  name: 'plans',
  defaultPort: 4002,
  // Caseload grants (who may read which citizen) come from citizens; a report being drafted copies
  // the citizen's name (citizens), the period's meetings (meetings) and the referral it is about (placements).
  calls: ['citizens', 'meetings', 'placements'],
  resolvers: [
    // The service's part of the citizen's access log, for Citizen.accessLog (services only).
    AccessLogResolver,
    PlanResolver,
    PlanFieldsResolver,
    MilestoneResolver,
    MilestoneFieldsResolver,
    MilestoneProposalResolver,
    PlanVoiceFieldsResolver,
    PlanCommentResolver,
    PlanConfirmationResolver,
    PlanPeriodResolver,
    ProgressResolver,
    StatisticsResolver,
    CitizenPlansResolver,
    CaseReportResolver,
    CaseReportFieldsResolver,
    CitizenReportsResolver,
    PlanReportsResolver,
    // Due midway reports for the citizens service's daily digest e-mail (services only).
    MidwayReportsDueCountResolver,
  ],
  referenceResolvers: {
    Plan: { __resolveReference: resolvePlanReference },
    Milestone: { __resolveReference: resolveMilestoneReference },
    CaseReport: { __resolveReference: (ref: { id: string }, ctx: RequestContext<PlansLoaders>) => readableReport(ctx, ref.id) },
  },
  entities: [
    Plan,
    Milestone,
    MilestoneUpdate,
    PlanPeriod,
    ProgressAssessment,
    ProgressScore,
    ProgressionSummary,
    ProgressionTotal,
    PlanComment,
    PlanConfirmation,
    CaseReport,
  ],
  migrations,
  // Caseloads from the citizens subgraph, behind the kit's grant cache.
  access: { kind: 'plans and progress' },
  createLoaders,
  // What it holds about a citizen, for the citizen's whole record (recordExport; docs/record-export.md).
  record: plansRecord,
  // GET /files/plans/reports/<id>.pdf through the gateway: a report as a PDF, authorised as the report.
  files: [{ path: '/reports/:id.pdf', handler: reportPdf }],
  seedDemo: seedPlansDemo,
};
