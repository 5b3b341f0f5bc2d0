import type { AnyNewEvent } from '@jobcenter/kit';
import type { Milestone } from './milestone/milestone.entity';
import type { Plan } from './plan/plan.entity';
import type { ProgressAssessment } from './progress/progress-assessment.entity';
import type { ProgressScore } from './progress/progress-score.entity';

/**
 * This subgraph's domain events (docs/events.md), built from its entities: the same builders
 * serve the mutations and the demo and scale seeds. Ids, codes, dates and numbers only: a plan's
 * goal, a milestone's title and every note stay here.
 */
export const planCreated = (p: Pick<Plan, 'id' | 'citizenId' | 'status' | 'startDate'>): AnyNewEvent => ({
  type: 'plan.created',
  aggregateId: p.id,
  citizenId: p.citizenId,
  payload: { planId: p.id, status: p.status, startDate: p.startDate },
});

/** A plan's update: its new version (`plan.changed`) and, when its status moved, `plan.statusChanged`. */
export function planUpdated(before: Pick<Plan, 'id' | 'citizenId' | 'status'>, after: Pick<Plan, 'status' | 'version'>): AnyNewEvent[] {
  const events: AnyNewEvent[] = [];
  if (after.status !== before.status) {
    events.push({
      type: 'plan.statusChanged',
      aggregateId: before.id,
      citizenId: before.citizenId,
      payload: { planId: before.id, status: after.status, previousStatus: before.status },
    });
  }
  events.push({
    type: 'plan.changed',
    aggregateId: before.id,
    citizenId: before.citizenId,
    payload: { planId: before.id, version: after.version },
  });
  return events;
}

type MilestoneFacts = Pick<Milestone, 'id' | 'planId' | 'deadline' | 'responsible' | 'status'>;

export const milestoneAdded = (m: MilestoneFacts, citizenId: string): AnyNewEvent => ({
  type: 'milestone.added',
  aggregateId: m.id,
  citizenId,
  payload: { milestoneId: m.id, planId: m.planId, deadline: m.deadline, responsible: m.responsible, status: m.status },
});

export const milestoneStatusChanged = (m: MilestoneFacts, status: string, citizenId: string): AnyNewEvent => ({
  type: 'milestone.statusChanged',
  aggregateId: m.id,
  citizenId,
  payload: { milestoneId: m.id, planId: m.planId, status, previousStatus: m.status, deadline: m.deadline, responsible: m.responsible },
});

export const progressRecorded = (
  a: Pick<ProgressAssessment, 'id' | 'citizenId' | 'assessedAt' | 'assessedByRole'>,
  scores: Pick<ProgressScore, 'dimension' | 'score'>[],
): AnyNewEvent => ({
  type: 'progress.recorded',
  aggregateId: a.id,
  citizenId: a.citizenId,
  payload: {
    assessmentId: a.id,
    assessedAt: a.assessedAt,
    assessedBy: a.assessedByRole === 'CITIZEN' ? 'CITIZEN' : 'STAFF',
    scores: scores.map((s) => ({ dimension: s.dimension, score: s.score })),
  },
});
