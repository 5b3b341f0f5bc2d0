import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { EntityManager, IsNull } from 'typeorm';
import {
  badUserInput,
  changeTransaction,
  conflict,
  forbidden,
  isUniqueViolation,
  notFound,
  recordEvent,
  RequestContext,
} from '@jobcenter/kit';
import { requireRole } from '@jobcenter/kit/access';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { isUuid } from '@jobcenter/kit/ids';
import { requiredText } from '@jobcenter/kit/input';
import { PlansLoaders } from '../loaders';
import { Plan } from '../plan/plan.entity';
import { lockPlan } from '../plan/plan.lock';
import { composeReport } from './report.compose';
import { CaseReport } from './report.entity';
import { ReportKind, ReportStatus } from './report.enums';
import { DraftReportInput } from './report.inputs';
import { fetchReportReferral, gatherMaterial } from './report.material';
import { checkMayApprove, checkMayShare, checkReferralReportPeriod, checkReportPeriod, decideDraft } from './report.rules';
import { readableReport } from './report.access';

type Context = RequestContext<PlansLoaders>;

/** Who drafts a report: the citizen's caseworker or consultant. The team lead approves it. */
const DRAFTING_ROLES = ['CASEWORKER', 'RESOURCE_CONSULTANT', 'JOB_CONSULTANT'] as const;
const ONE_DRAFT = 'Someone is drafting this report just now; reload it and try again.';

/** The report, locked for this transaction; NOT_FOUND if there is none. */
async function lockReport(tx: EntityManager, id: string): Promise<CaseReport> {
  const report = isUuid(id)
    ? await tx.getRepository(CaseReport).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne()
    : null;
  if (!report) throw notFound('Report', id);
  return report;
}

/** The plan a new report is about: the one named (the citizen's), or the citizen's ACTIVE plan. */
async function planForReport(ctx: Context, citizenId: string, planId: string | null | undefined): Promise<Plan> {
  if (planId) {
    const plan = isUuid(planId) ? await ctx.loaders.planById.load(planId) : null;
    if (!plan || plan.citizenId !== citizenId) throw badUserInput("planId: this is not one of the citizen's plans.", 'planId');
    return plan;
  }
  const active = await ctx.loaders.activePlanByCitizen.load(citizenId);
  if (!active) throw badUserInput('citizenId: the citizen has no ACTIVE plan to report on; name the plan (planId).', 'citizenId');
  return active;
}

/**
 * Drafts a report (or redrafts: see decideDraft): gathers the material of the period, composes
 * the text, and stores it under the plan's lock so two drafts of one report are decided one at a
 * time. The caller has checked role and access. A report about a referral (`referralId`) copies
 * the referral from placements, lies within the referral's dates, and is its own chain of versions
 * under the plan.
 */
async function draft(
  ctx: Context,
  plan: Plan,
  report: { kind: ReportKind; periodFrom: string; periodTo: string; evaluation: string },
  referralId: string | null,
): Promise<CaseReport> {
  const referral = referralId ? await fetchReportReferral(ctx, plan.citizenId, referralId) : null;
  if (referral) checkReferralReportPeriod(referral, report.periodFrom, report.periodTo, todayInCopenhagen());
  else checkReportPeriod(plan, report.periodFrom, report.periodTo, todayInCopenhagen());
  const material = await gatherMaterial(ctx, plan, report.periodFrom, report.periodTo);
  try {
    return await changeTransaction(ctx, async (tx) => {
      await lockPlan(tx, plan.id);
      const repo = tx.getRepository(CaseReport);
      const latest = await repo.findOne({
        where: { planId: plan.id, kind: report.kind, referralId: referralId ?? IsNull() },
        order: { version: 'DESC' },
      });
      const decision = decideDraft(latest);
      const version = decision.kind === 'NEW' ? decision.version : latest!.version;
      // The version this one corrects: the latest for a new version, the draft's own for a rewrite.
      const previousId = decision.kind === 'NEW' ? decision.previousId : latest!.previousId;
      const previous = previousId ? await repo.findOneByOrFail({ id: previousId }) : null;
      const sections = composeReport({
        ...material,
        ...report,
        plan,
        referral,
        author: { name: ctx.actor.name, role: ctx.actor.role },
        version,
        previous: previous ? { version: previous.version, draftedAt: previous.draftedAt } : null,
      });
      const content = {
        ...report,
        citizenName: material.citizenName,
        sections,
        authorRole: ctx.actor.role,
        authorId: ctx.actor.id,
        authorName: ctx.actor.name,
        draftedAt: new Date(),
      };
      if (decision.kind === 'REWRITE') {
        await repo.update({ id: decision.id, status: ReportStatus.DRAFT }, content);
        return repo.findOneByOrFail({ id: decision.id });
      }
      return repo.save(
        repo.create({
          ...content,
          citizenId: plan.citizenId,
          planId: plan.id,
          referralId,
          status: ReportStatus.DRAFT,
          version,
          previousId: decision.previousId,
          citizenComment: null,
          commentedAt: null,
          approvedById: null,
          approvedByName: null,
          approvedAt: null,
          sharedAt: null,
        }),
      );
    });
  } catch (error) {
    const chains = [
      'uq_case_report_one_draft',
      'uq_case_report_version',
      'uq_case_report_referral_one_draft',
      'uq_case_report_referral_version',
    ];
    if (chains.some((index) => isUniqueViolation(error, index))) throw conflict(ONE_DRAFT);
    throw error;
  }
}

function requireDrafter(ctx: Context): void {
  if (ctx.actor.role === 'TEAM_LEAD') {
    throw forbidden("The team lead approves reports; the citizen's caseworker or consultant drafts them.");
  }
  requireRole(ctx.actor, DRAFTING_ROLES, 'draft reports');
}

@Resolver(() => CaseReport)
export class CaseReportResolver {
  @Query(() => CaseReport, {
    nullable: true,
    description: 'One report of a course by id; null if there is none. A citizen sees only their own SHARED reports.',
  })
  caseReport(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<CaseReport | null> {
    return readableReport(ctx, id);
  }

  @Mutation(() => CaseReport, {
    description:
      "Drafts a report of the citizen's course for a period within the plan's (or, with referralId, within the referral's), from the plan's goals, milestones and their history, " +
      'the progression (staff and self-assessment), the meetings, agreements and course attendance of the period, and your evaluation. ' +
      "The citizen's caseworker or consultant. Drafting again rewrites the DRAFT; after approval it makes the next version.",
  })
  async draftReport(@Arg('input') input: DraftReportInput, @Ctx() ctx: Context): Promise<CaseReport> {
    requireDrafter(ctx);
    if (!isUuid(input.citizenId)) throw badUserInput('citizenId: this is not a citizen id.', 'citizenId');
    const evaluation = requiredText(input.evaluation, 'evaluation', 20000);
    await ctx.access.assert(input.citizenId);
    const plan = await planForReport(ctx, input.citizenId, input.planId);
    return draft(
      ctx,
      plan,
      { kind: input.kind, periodFrom: input.periodFrom, periodTo: input.periodTo, evaluation },
      input.referralId ?? null,
    );
  }

  @Mutation(() => CaseReport, {
    description:
      'Corrects a report with a new evaluation, recomposed for the same plan and period: a DRAFT is rewritten; an approved or shared ' +
      'report stays exactly as it is and the correction becomes its next version (a new DRAFT, to be approved and shared again).',
  })
  async reviseReport(@Arg('id', () => ID) id: string, @Arg('evaluation') evaluation: string, @Ctx() ctx: Context): Promise<CaseReport> {
    requireDrafter(ctx);
    const text = requiredText(evaluation, 'evaluation', 20000);
    const report = isUuid(id) ? await ctx.loaders.reportById.load(id) : null;
    if (!report) throw notFound('Report', id);
    await ctx.access.assert(report.citizenId);
    const plan = (await ctx.loaders.planById.load(report.planId))!;
    return draft(
      ctx,
      plan,
      { kind: report.kind, periodFrom: report.periodFrom, periodTo: report.periodTo, evaluation: text },
      report.referralId,
    );
  }

  @Mutation(() => CaseReport, { description: 'Approves a DRAFT report (godkendelse). The team lead only.' })
  async approveReport(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<CaseReport> {
    if (ctx.actor.role !== 'TEAM_LEAD') throw forbidden('Only the team lead approves reports.');
    return changeTransaction(ctx, async (tx) => {
      const report = await lockReport(tx, id);
      await ctx.access.assert(report.citizenId);
      checkMayApprove(report.status);
      await tx
        .getRepository(CaseReport)
        .update(
          { id },
          { status: ReportStatus.APPROVED, approvedById: ctx.actor.id, approvedByName: ctx.actor.name, approvedAt: new Date() },
        );
      return tx.getRepository(CaseReport).findOneByOrFail({ id });
    });
  }

  @Mutation(() => CaseReport, {
    description:
      'Shares an approved report with the citizen, who sees it (and its PDF) from now on. A DRAFT is a CONFLICT: approve it first.',
  })
  async shareReport(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<CaseReport> {
    if (ctx.actor.role !== 'TEAM_LEAD') requireDrafter(ctx);
    return changeTransaction(ctx, async (tx) => {
      const report = await lockReport(tx, id);
      await ctx.access.assert(report.citizenId);
      if (!checkMayShare(report.status)) return report;
      await tx.getRepository(CaseReport).update({ id }, { status: ReportStatus.SHARED, sharedAt: new Date() });
      // The notification centre tells the citizen; a report shared already makes no event (above), so no second notice.
      await recordEvent(tx, {
        type: 'report.shared',
        aggregateId: report.id,
        citizenId: report.citizenId,
        payload: { reportId: report.id, planId: report.planId, referralId: report.referralId, kind: report.kind, version: report.version },
      });
      return tx.getRepository(CaseReport).findOneByOrFail({ id });
    });
  }

  @Mutation(() => CaseReport, {
    description:
      "The citizen's own comment on a report shared with them (borgerens bemærkninger); writing again replaces it. The report itself is unchanged.",
  })
  async commentOnReport(@Arg('id', () => ID) id: string, @Arg('comment') comment: string, @Ctx() ctx: Context): Promise<CaseReport> {
    if (ctx.actor.role !== 'CITIZEN') throw forbidden("The comment on a report is the citizen's own.");
    const text = requiredText(comment, 'comment', 4000);
    return changeTransaction(ctx, async (tx) => {
      const report = await lockReport(tx, id);
      // Another citizen's report, or one not yet shared, answers as an unknown id.
      await ctx.access.assert(report.citizenId, () => notFound('Report', id));
      if (report.status !== ReportStatus.SHARED) throw notFound('Report', id);
      await tx.getRepository(CaseReport).update({ id }, { citizenComment: text, commentedAt: new Date() });
      return tx.getRepository(CaseReport).findOneByOrFail({ id });
    });
  }
}
