import { EntityManager, In } from 'typeorm';
import { Actor, recordEvents } from '@jobcenter/kit';
import { milestoneStatusChanged } from '../events';
import { Milestone } from '../milestone/milestone.entity';
import { MilestoneStatus } from '../milestone/milestone.enums';
import { MilestoneUpdate } from '../milestone/milestone-update.entity';
import { OPEN_MILESTONE_STATUSES } from '../milestone/milestone.rules';
import { PlanStatus } from './plan.enums';
import type { Plan } from './plan.entity';

/**
 * When a plan is completed or abandoned, its milestones still open (and proposals not decided) are DROPPED, each with an
 * entry in its history saying why. A closed plan then has no open or overdue milestones, so
 * caseloads and dashboards do not count steps nobody works on any more.
 */
export async function dropOpenMilestones(
  tx: EntityManager,
  plan: Pick<Plan, 'id' | 'citizenId'>,
  status: PlanStatus,
  actor: Actor,
): Promise<void> {
  const planId = plan.id;
  const open = await tx.getRepository(Milestone).findBy({ planId, status: In([...OPEN_MILESTONE_STATUSES, MilestoneStatus.PROPOSED]) });
  if (!open.length) return;
  const why = status === PlanStatus.COMPLETED ? 'the plan was completed' : 'the plan was abandoned';
  const proposals = open.filter((m) => m.status === MilestoneStatus.PROPOSED).map((m) => m.id);
  const steps = open.filter((m) => m.status !== MilestoneStatus.PROPOSED).map((m) => m.id);
  // A proposal nobody decided is declined with the reason, so it stays visible as the citizen's.
  if (proposals.length) {
    await tx
      .getRepository(Milestone)
      .update({ id: In(proposals) }, { status: MilestoneStatus.DROPPED, declineReason: `Not decided: ${why}.` });
  }
  if (steps.length) await tx.getRepository(Milestone).update({ id: In(steps) }, { status: MilestoneStatus.DROPPED });
  await recordEvents(
    tx,
    open.map((m) => milestoneStatusChanged(m, MilestoneStatus.DROPPED, plan.citizenId)),
  );
  await tx.getRepository(MilestoneUpdate).insert(
    open.map((m) => ({
      milestoneId: m.id,
      authorRole: actor.role,
      authorId: actor.id,
      authorName: actor.name,
      note: `Dropped because ${why} (was ${m.status}).`,
      status: MilestoneStatus.DROPPED,
    })),
  );
}
