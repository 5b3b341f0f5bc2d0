import { EntityManager } from 'typeorm';
import { pseudonym, recordKey } from '@jobcenter/kit';
import type { EventEnvelope } from '@jobcenter/kit';
import { statisticsFacts } from '../statistics/statistics.facts';

/** An event as the feed serves it; where it sits in the feed (`cursor`) does not matter to the facts. */
export type DomainEvent = Omit<EventEnvelope, 'cursor'>;

/**
 * Event → fact rows. Every handler is idempotent on its own (upserts keyed by the aggregate's id
 * and the event's time), besides the consumer's de-duplication by event id, so a replay of the
 * same events gives the same facts (the rebuild test holds the two equal). Internal citizen ids
 * are turned into pseudonyms here and go no further.
 */
type Handler = (m: EntityManager, e: DomainEvent, pid: string | null) => Promise<void>;

const text = (e: DomainEvent, field: string): string => String(e.payload[field]);
const optional = (e: DomainEvent, field: string): string | null => (e.payload[field] == null ? null : String(e.payload[field]));

/** Opens a new status/target-group period at the event's time, closing the open one. */
async function changeCitizenState(m: EntityManager, e: DomainEvent, pid: string, change: { status?: string; targetGroup?: string }) {
  const [current]: { status: string; target_group: string }[] = await m.query(
    `SELECT status, target_group FROM insights_citizen_state WHERE pid = $1 AND valid_from <= $2 ORDER BY valid_from DESC LIMIT 1`,
    [pid, e.occurredAt],
  );
  if (!current) return; // not registered (yet): nothing to change
  await m.query(`UPDATE insights_citizen_state SET valid_to = $2 WHERE pid = $1 AND valid_to IS NULL AND valid_from < $2`, [
    pid,
    e.occurredAt,
  ]);
  await m.query(
    `INSERT INTO insights_citizen_state (pid, valid_from, status, target_group) VALUES ($1, $2, $3, $4)
     ON CONFLICT (pid, valid_from) DO UPDATE SET status = EXCLUDED.status, target_group = EXCLUDED.target_group`,
    [pid, e.occurredAt, change.status ?? current.status, change.targetGroup ?? current.target_group],
  );
}

async function milestoneStatus(m: EntityManager, e: DomainEvent, pid: string) {
  const milestoneId = text(e, 'milestoneId');
  await m.query(
    `INSERT INTO insights_milestone (milestone_id, pid, record_key, deadline) VALUES ($1, $2, $3, $4)
     ON CONFLICT (milestone_id) DO UPDATE SET deadline = EXCLUDED.deadline`,
    [milestoneId, pid, recordKey(milestoneId), text(e, 'deadline')],
  );
  await m.query(
    `INSERT INTO insights_milestone_status (milestone_id, at, status) VALUES ($1, $2, $3)
     ON CONFLICT (milestone_id, at) DO UPDATE SET status = EXCLUDED.status`,
    [milestoneId, e.occurredAt, text(e, 'status')],
  );
}

async function meeting(m: EntityManager, e: DomainEvent, pid: string, status: string) {
  const meetingId = text(e, 'meetingId');
  await m.query(
    `INSERT INTO insights_meeting (meeting_id, pid, record_key, kind, scheduled_at, status) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (meeting_id) DO UPDATE SET kind = EXCLUDED.kind, scheduled_at = EXCLUDED.scheduled_at, status = EXCLUDED.status`,
    [meetingId, pid, recordKey(meetingId), text(e, 'kind'), text(e, 'scheduledAt'), status],
  );
}

async function placement(m: EntityManager, e: DomainEvent, pid: string, status: string) {
  const placementId = text(e, 'placementId');
  await m.query(
    `INSERT INTO insights_placement (placement_id, pid, record_key, kind, start_date, end_date, status, outcome)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (placement_id) DO UPDATE SET
       kind = COALESCE(EXCLUDED.kind, insights_placement.kind),
       start_date = COALESCE(EXCLUDED.start_date, insights_placement.start_date),
       end_date = COALESCE(EXCLUDED.end_date, insights_placement.end_date),
       status = EXCLUDED.status,
       outcome = COALESCE(EXCLUDED.outcome, insights_placement.outcome)`,
    [
      placementId,
      pid,
      recordKey(placementId),
      optional(e, 'kind') ?? 'UNKNOWN',
      optional(e, 'startDate') ?? e.occurredAt.slice(0, 10),
      optional(e, 'endDate'),
      status,
      optional(e, 'outcome'),
    ],
  );
}

export const HANDLERS: Record<string, Handler> = {
  'citizen.registered': async (m, e, pid) => {
    await m.query(
      `INSERT INTO insights_citizen (pid, record_key, birth_year, enrolled_at, registered_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (pid) DO UPDATE SET birth_year = EXCLUDED.birth_year, enrolled_at = EXCLUDED.enrolled_at`,
      [pid, recordKey(pid!), e.payload.birthYear ?? null, optional(e, 'enrolledAt'), e.occurredAt],
    );
    await m.query(
      `INSERT INTO insights_citizen_state (pid, valid_from, status, target_group) VALUES ($1, $2, $3, $4)
       ON CONFLICT (pid, valid_from) DO NOTHING`,
      [pid, e.occurredAt, text(e, 'status'), text(e, 'targetGroup')],
    );
  },
  'citizen.statusChanged': (m, e, pid) => changeCitizenState(m, e, pid!, { status: text(e, 'status') }),
  'citizen.targetGroupChanged': (m, e, pid) => changeCitizenState(m, e, pid!, { targetGroup: text(e, 'targetGroup') }),
  'assignment.started': async (m, e, pid) => {
    // The team of the responsible caseworker: caseworker assignments only.
    if (text(e, 'role') !== 'CASEWORKER' || e.payload.team == null) return;
    await m.query(
      `INSERT INTO insights_team (assignment_id, pid, team, valid_from) VALUES ($1, $2, $3, $4)
       ON CONFLICT (assignment_id) DO UPDATE SET team = EXCLUDED.team, valid_from = EXCLUDED.valid_from`,
      [text(e, 'assignmentId'), pid, text(e, 'team'), text(e, 'from')],
    );
  },
  'assignment.ended': async (m, e) => {
    await m.query(`UPDATE insights_team SET valid_to = $2 WHERE assignment_id = $1`, [text(e, 'assignmentId'), text(e, 'to')]);
  },
  'milestone.added': (m, e, pid) => milestoneStatus(m, e, pid!),
  'milestone.statusChanged': (m, e, pid) => milestoneStatus(m, e, pid!),
  'meeting.scheduled': (m, e, pid) => meeting(m, e, pid!, 'PLANNED'),
  'meeting.rescheduled': (m, e, pid) => meeting(m, e, pid!, 'PLANNED'),
  'meeting.cancelled': (m, e, pid) => meeting(m, e, pid!, 'CANCELLED'),
  'meeting.outcomeRecorded': (m, e, pid) => meeting(m, e, pid!, text(e, 'status')),
  'attendance.recorded': async (m, e, pid) => {
    await m.query(
      `INSERT INTO insights_attendance (session_id, pid, record_key, starts_at, status) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (session_id, pid) DO UPDATE SET status = EXCLUDED.status, starts_at = EXCLUDED.starts_at`,
      [text(e, 'sessionId'), pid, recordKey(`${text(e, 'sessionId')}|${pid}`), text(e, 'startsAt'), text(e, 'status')],
    );
  },
  'placement.proposed': (m, e, pid) => placement(m, e, pid!, 'PROPOSED'),
  'placement.agreed': (m, e, pid) => placement(m, e, pid!, 'AGREED'),
  'placement.started': (m, e, pid) => placement(m, e, pid!, 'ACTIVE'),
  'placement.cancelled': (m, e, pid) => placement(m, e, pid!, 'CANCELLED'),
  'placement.completed': (m, e, pid) => placement(m, e, pid!, 'COMPLETED'),
  'placement.extended': async (m, e) => {
    await m.query(`UPDATE insights_placement SET end_date = $2 WHERE placement_id = $1`, [text(e, 'placementId'), text(e, 'endDate')]);
  },
  'progress.recorded': async (m, e, pid) => {
    const scores = (e.payload.scores as { dimension: string; score: number }[] | undefined) ?? [];
    for (const s of scores) {
      await m.query(
        `INSERT INTO insights_score (assessment_id, dimension, pid, record_key, assessed_at, score) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (assessment_id, dimension) DO UPDATE SET score = EXCLUDED.score, assessed_at = EXCLUDED.assessed_at`,
        [text(e, 'assessmentId'), s.dimension, pid, recordKey(pid!), text(e, 'assessedAt'), s.score],
      );
    }
  },
};

/** Events whose facts concern a citizen and cannot be kept without one. */
const NEEDS_CITIZEN = new Set(Object.keys(HANDLERS).filter((t) => t !== 'assignment.ended' && t !== 'placement.extended'));

/**
 * Applies one event to the facts, in the consumer's transaction (`manager`), and moves the
 * source's `asOf`. Types insights does not use are only counted.
 */
export async function applyEvent(m: EntityManager, e: DomainEvent): Promise<void> {
  const handler = HANDLERS[e.type];
  const pid = e.citizenId ? pseudonym(e.citizenId) : null;
  if (handler && !(NEEDS_CITIZEN.has(e.type) && pid === null)) await handler(m, e, pid);
  // issue 17: dashboard statistics facts
  if (statisticsFacts.types.includes(e.type)) await statisticsFacts.apply(m, [{ ...e, pid }]);
  await m.query(
    `INSERT INTO insights_source (source, newest_occurred_at, events) VALUES ($1, $2, 1)
     ON CONFLICT (source) DO UPDATE SET newest_occurred_at = GREATEST(insights_source.newest_occurred_at, EXCLUDED.newest_occurred_at),
       events = insights_source.events + 1`,
    [e.source, e.occurredAt],
  );
}
