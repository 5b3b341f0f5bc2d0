import type { AnyNewEvent } from '@jobcenter/kit';
import type { Assignment } from './assignment/assignment.entity';
import type { Citizen } from './citizen/citizen.entity';
import type { StaffMember } from './staff/staff-member.entity';

/**
 * This subgraph's domain events (docs/events.md), built from its entities: the same builders
 * serve the mutations and the demo and scale seeds, so every writer says the same thing.
 * Ids, codes, dates and numbers only: a citizen is described by birth year, never by name or CPR.
 */
export const citizenRegistered = (c: Pick<Citizen, 'id' | 'targetGroup' | 'status' | 'enrolledAt' | 'birthDate'>): AnyNewEvent => ({
  type: 'citizen.registered',
  aggregateId: c.id,
  citizenId: c.id,
  payload: { targetGroup: c.targetGroup, status: c.status, enrolledAt: c.enrolledAt, birthYear: Number(c.birthDate.slice(0, 4)) },
});

/** The status and target-group events of a change from `before` to `after` (none when nothing changed). */
export function citizenChanged(
  before: Pick<Citizen, 'id' | 'status' | 'targetGroup'>,
  after: Partial<Pick<Citizen, 'status' | 'targetGroup'>>,
): AnyNewEvent[] {
  const events: AnyNewEvent[] = [];
  if (after.status && after.status !== before.status) {
    events.push({
      type: 'citizen.statusChanged',
      aggregateId: before.id,
      citizenId: before.id,
      payload: { status: after.status, previousStatus: before.status },
    });
  }
  if (after.targetGroup && after.targetGroup !== before.targetGroup) {
    events.push({
      type: 'citizen.targetGroupChanged',
      aggregateId: before.id,
      citizenId: before.id,
      payload: { targetGroup: after.targetGroup, previousTargetGroup: before.targetGroup },
    });
  }
  return events;
}

export const assignmentStarted = (a: Pick<Assignment, 'id' | 'citizenId' | 'staffId' | 'role' | 'from'>, team: string): AnyNewEvent => ({
  type: 'assignment.started',
  aggregateId: a.id,
  citizenId: a.citizenId,
  payload: { assignmentId: a.id, staffId: a.staffId, role: a.role, team, from: a.from },
});

export const assignmentEnded = (a: Pick<Assignment, 'id' | 'citizenId' | 'staffId' | 'role'>, to: string): AnyNewEvent => ({
  type: 'assignment.ended',
  aggregateId: a.id,
  citizenId: a.citizenId,
  payload: { assignmentId: a.id, staffId: a.staffId, role: a.role, to },
});

export const staffCreated = (s: Pick<StaffMember, 'id' | 'role' | 'team'>): AnyNewEvent => ({
  type: 'staff.created',
  aggregateId: s.id,
  citizenId: null,
  payload: { staffId: s.id, role: s.role, team: s.team },
});
