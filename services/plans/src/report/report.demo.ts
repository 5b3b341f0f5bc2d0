import { EntityManager } from 'typeorm';
import { addDays } from '@jobcenter/kit/calendar';
import { demoCitizens, demoStaff } from '@jobcenter/demo-cast';
import { Milestone } from '../milestone/milestone.entity';
import { MilestoneUpdate } from '../milestone/milestone-update.entity';
import { Plan } from '../plan/plan.entity';
import { ProgressAssessment } from '../progress/progress-assessment.entity';
import { composeReport } from './report.compose';
import { CaseReport } from './report.entity';
import { ReportKind, ReportStatus } from './report.enums';
import { midwayDueOn } from './report.rules';

/**
 * The demo's family story (seeds 001 and 004): Ulla's course of support with the children's
 * routines has passed its midway date, and its midway status report has been drafted by Sofie,
 * approved by Lone and shared with Ulla. It quotes the period's network meeting as the meetings
 * demo holds it (day −60), composed exactly as draftReport composes.
 */
export async function seedSharedMidwayReport(tx: EntityManager, today: string): Promise<void> {
  const ulla = demoCitizens.ulla;
  const plan = await tx.getRepository(Plan).findOneByOrFail({ citizenId: ulla.id });
  const periodFrom = plan.startDate;
  const periodTo = midwayDueOn(plan) ?? addDays(today, -60);
  const milestones = await tx.getRepository(Milestone).find({ where: { planId: plan.id }, order: { deadline: 'ASC' } });
  const updates = await tx.getRepository(MilestoneUpdate).find({ order: { at: 'ASC' } });
  const progress = await tx.getRepository(ProgressAssessment).find({ where: { citizenId: ulla.id }, relations: { scores: true } });
  const evaluation =
    'Ulla har gennemført gruppeforløbet om selvværd og tager selv initiativ. Morgenerne med børnene er blevet roligere, ' +
    'men rutinerne holder endnu ikke hver dag.\n\nForslag til videre handleplan: fortsat støtte i hjemmet om morgenen, ' +
    'og en praktik med få timer, hvor Ulla føler sig tryg.';
  const [sofie, lone] = [demoStaff.sofie, demoStaff.lone];
  const sections = composeReport({
    kind: ReportKind.MIDWAY_STATUS,
    citizenName: `${ulla.firstName} ${ulla.lastName}`,
    plan,
    periodFrom,
    periodTo,
    evaluation,
    author: { name: sofie.name, role: sofie.role },
    version: 1,
    previous: null,
    milestones: milestones.map((m) => ({
      ...m,
      updates: updates.filter((u) => u.milestoneId === m.id).map((u) => ({ at: u.at, authorName: u.authorName, note: u.note })),
    })),
    progress: progress.map((a) => ({ assessedAt: a.assessedAt, assessedBy: a.assessedBy, scores: a.scores })),
    meetings: [
      {
        kind: 'NETWORK_MEETING',
        scheduledAt: new Date(`${addDays(today, -60)}T08:00:00Z`),
        status: 'HELD',
        summary: 'Status: Ulla møder op og tager selv initiativ. Mål: en praktik med få timer, hvor hun føler sig tryg.',
      },
    ],
    agreements: [
      {
        text: 'Jens undersøger praktik i en børnehave',
        responsible: 'JOB_CONSULTANT',
        status: 'OPEN',
        deadline: addDays(today, -30),
        agreedOn: addDays(today, -60),
      },
    ],
    attendance: [],
  });
  const at = (offset: number) => new Date(`${addDays(today, offset)}T12:00:00Z`);
  await tx.getRepository(CaseReport).insert({
    citizenId: ulla.id,
    planId: plan.id,
    kind: ReportKind.MIDWAY_STATUS,
    status: ReportStatus.SHARED,
    periodFrom,
    periodTo,
    evaluation,
    citizenName: `${ulla.firstName} ${ulla.lastName}`,
    sections,
    citizenComment: null,
    commentedAt: null,
    version: 1,
    previousId: null,
    authorRole: sofie.role,
    authorId: sofie.id,
    authorName: sofie.name,
    approvedById: lone.id,
    approvedByName: lone.name,
    approvedAt: at(-57),
    sharedAt: at(-56),
    draftedAt: at(-58),
  });
}
