import { In } from 'typeorm';
import { groupedBy, LoaderFactory, uniqueBy } from '@jobcenter/kit';
import { Milestone } from './milestone/milestone.entity';
import { MilestoneUpdate } from './milestone/milestone-update.entity';
import { PlanPeriod } from './period/plan-period.entity';
import { Plan } from './plan/plan.entity';
import { PlanStatus } from './plan/plan.enums';
import { ProgressAssessment } from './progress/progress-assessment.entity';
import { sortScores } from './progress/progress.rules';
import { CaseReport } from './report/report.entity';
import { PlanComment } from './voice/plan-comment.entity';
import { PlanConfirmation } from './voice/plan-confirmation.entity';

export type PlansLoaders = ReturnType<typeof createLoaders>;

/** Per-request loaders: each batch of ids costs one SQL statement. */
export const createLoaders = (({ dataSource }) => {
  const plans = dataSource.getRepository(Plan);
  return {
    planById: uniqueBy<Plan>(
      (p) => p.id,
      (ids) => plans.findBy({ id: In(ids) }),
    ),
    milestoneById: uniqueBy<Milestone>(
      (m) => m.id,
      (ids) => dataSource.getRepository(Milestone).findBy({ id: In(ids) }),
    ),
    /** All plans of each citizen, newest start first. */
    plansByCitizen: groupedBy<Plan>(
      (p) => p.citizenId,
      (ids) => plans.find({ where: { citizenId: In(ids) }, order: { startDate: 'DESC', createdAt: 'DESC' } }),
    ),
    activePlanByCitizen: uniqueBy<Plan>(
      (p) => p.citizenId,
      (ids) => plans.findBy({ citizenId: In(ids), status: PlanStatus.ACTIVE }),
    ),
    /** Milestones of each plan, by deadline. */
    milestonesByPlan: groupedBy<Milestone>(
      (m) => m.planId,
      (ids) => dataSource.getRepository(Milestone).find({ where: { planId: In(ids) }, order: { deadline: 'ASC', createdAt: 'ASC' } }),
    ),
    /** The written history of each milestone, oldest first. */
    updatesByMilestone: groupedBy<MilestoneUpdate>(
      (u) => u.milestoneId,
      (ids) => dataSource.getRepository(MilestoneUpdate).find({ where: { milestoneId: In(ids) }, order: { at: 'ASC' } }),
    ),
    /** Period statuses of each plan, newest meeting first. */
    periodsByPlan: groupedBy<PlanPeriod>(
      (p) => p.planId,
      (ids) =>
        dataSource.getRepository(PlanPeriod).find({ where: { planId: In(ids) }, order: { meetingDate: 'DESC', recordedAt: 'DESC' } }),
    ),
    /** Comments on each plan and its milestones, oldest first. */
    commentsByPlan: groupedBy<PlanComment>(
      (c) => c.planId,
      (ids) => dataSource.getRepository(PlanComment).find({ where: { planId: In(ids) }, order: { at: 'ASC' } }),
    ),
    /** The citizen's confirmations of each plan, newest first. */
    confirmationsByPlan: groupedBy<PlanConfirmation>(
      (c) => c.planId,
      (ids) => dataSource.getRepository(PlanConfirmation).find({ where: { planId: In(ids) }, order: { at: 'DESC', planVersion: 'DESC' } }),
    ),
    reportById: uniqueBy<CaseReport>(
      (r) => r.id,
      (ids) => dataSource.getRepository(CaseReport).findBy({ id: In(ids) }),
    ),
    /** Every version of every report of each citizen, newest first. */
    reportsByCitizen: groupedBy<CaseReport>(
      (r) => r.citizenId,
      (ids) => dataSource.getRepository(CaseReport).find({ where: { citizenId: In(ids) }, order: { createdAt: 'DESC', version: 'DESC' } }),
    ),
    /** Every version of every report of each plan, newest first. */
    reportsByPlan: groupedBy<CaseReport>(
      (r) => r.planId,
      (ids) => dataSource.getRepository(CaseReport).find({ where: { planId: In(ids) }, order: { createdAt: 'DESC', version: 'DESC' } }),
    ),
    /** Progress assessments of each citizen with their scores (one joined statement), oldest first. */
    progressByCitizen: groupedBy<ProgressAssessment>(
      (a) => a.citizenId,
      async (ids) => {
        const rows = await dataSource
          .getRepository(ProgressAssessment)
          .createQueryBuilder('a')
          .leftJoinAndSelect('a.scores', 's')
          .where('a.citizen_id = ANY(:ids)', { ids })
          .orderBy('a.assessed_at', 'ASC')
          .addOrderBy('a.assessed_by', 'DESC')
          .getMany();
        return rows.map((a) => Object.assign(a, { scores: sortScores(a.scores) }));
      },
    ),
  };
}) satisfies LoaderFactory<unknown>;
