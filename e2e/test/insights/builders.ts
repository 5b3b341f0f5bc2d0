import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { applyEvent } from '@jobcenter/insights/facts/handlers';
import type { DomainEvent } from '@jobcenter/insights/facts/handlers';

/** A domain event as a subgraph's feed serves it, with defaults for what a test does not care about. */
export function event(type: string, fields: Partial<DomainEvent> & { payload?: Record<string, unknown> }): DomainEvent {
  return {
    id: randomUUID(),
    source: type.startsWith('citizen.') || type.startsWith('assignment.') ? 'citizens' : 'plans',
    type,
    aggregateType: type.split('.')[0],
    aggregateId: fields.aggregateId ?? fields.citizenId ?? randomUUID(),
    citizenId: null,
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
    payload: {},
    ...fields,
  };
}

/** Applies events to insights' facts the way its consumer does: each in its own transaction. */
export async function apply(dataSource: DataSource, events: DomainEvent[]): Promise<void> {
  for (const e of events) await dataSource.transaction((m) => applyEvent(m, e));
}

export interface CitizenSpec {
  targetGroup: string;
  team: string;
  registeredAt: string;
  birthYear?: number;
  status?: string;
}

/** The events of one citizen's registration and caseworker assignment. */
export function citizenEvents(spec: CitizenSpec): { citizenId: string; events: DomainEvent[] } {
  const citizenId = randomUUID();
  const assignmentId = randomUUID();
  return {
    citizenId,
    events: [
      event('citizen.registered', {
        citizenId,
        occurredAt: spec.registeredAt,
        payload: {
          targetGroup: spec.targetGroup,
          status: spec.status ?? 'ACTIVE',
          enrolledAt: spec.registeredAt.slice(0, 10),
          birthYear: spec.birthYear ?? 1990,
        },
      }),
      event('assignment.started', {
        citizenId,
        aggregateId: assignmentId,
        occurredAt: spec.registeredAt,
        payload: { assignmentId, staffId: randomUUID(), role: 'CASEWORKER', team: spec.team, from: spec.registeredAt.slice(0, 10) },
      }),
    ],
  };
}
