import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { startTestSubgraph, TestSubgraph } from '@jobcenter/kit/testing';
import { insightsSubgraph } from '@jobcenter/insights';
import { applyEvents, DomainEvent } from '@jobcenter/insights/facts/handlers';
import { event } from './builders';

/**
 * The set-based handlers fold a whole feed page at once. Whatever the page size, and however
 * often events are replayed, the facts must come out the same, with each aggregate's events
 * applied in order: a mixed history of every event type insights keeps, applied in pages of 1,
 * 7 and 1000 (and then once more in full), gives equal fact tables.
 */
let databases: TestSubgraph[] = [];
beforeAll(async () => {
  databases = [
    await startTestSubgraph(insightsSubgraph),
    await startTestSubgraph(insightsSubgraph),
    await startTestSubgraph(insightsSubgraph),
  ];
});
afterAll(async () => {
  for (const d of databases) await d.stop();
});

let clock = Date.parse('2026-03-02T08:00:00Z');
/** An instant a few minutes after the previous one. */
const tick = (minutes = 7) => new Date((clock += minutes * 60_000)).toISOString();

/** One citizen's life across the four subgraphs, as their feeds would serve it. */
function history(i: number): DomainEvent[] {
  const citizenId = randomUUID();
  const on = (type: string, aggregateId: string, payload: Record<string, unknown>, occurredAt = tick()) =>
    event(type, { citizenId, aggregateId, occurredAt, payload });
  const registeredAt = tick();
  const events: DomainEvent[] = [
    on(
      'citizen.registered',
      citizenId,
      { targetGroup: 'JOB_READY', status: 'ACTIVE', enrolledAt: '2025-11-03', birthYear: 1970 + i },
      registeredAt,
    ),
  ];
  // Changed in the registering transaction (same time): amends the first period.
  if (i % 3 === 0)
    events.push(
      on('citizen.targetGroupChanged', citizenId, { targetGroup: 'SICKNESS_BENEFIT', previousTargetGroup: 'JOB_READY' }, registeredAt),
    );
  const assignmentId = randomUUID();
  events.push(
    on('assignment.started', assignmentId, {
      assignmentId,
      staffId: randomUUID(),
      role: 'CASEWORKER',
      team: `Team ${i % 2}`,
      from: '2025-11-03',
    }),
  );
  const milestoneId = randomUUID();
  const planId = randomUUID();
  events.push(
    on('milestone.added', milestoneId, { milestoneId, planId, deadline: '2026-04-01', responsible: 'CITIZEN', status: 'PLANNED' }),
  );
  const meetingId = randomUUID();
  events.push(
    on('meeting.scheduled', meetingId, {
      meetingId,
      kind: 'FOLLOW_UP',
      scheduledAt: '2026-03-10T09:00:00Z',
      durationMinutes: 45,
      staffIds: [],
    }),
  );
  const placementId = randomUUID();
  const placement = { placementId, kind: 'INTERNSHIP', startDate: '2026-03-16', endDate: '2026-04-26' };
  events.push(on('placement.proposed', placementId, { ...placement, companyId: randomUUID() }));
  events.push(on('citizen.statusChanged', citizenId, { status: 'PAUSED', previousStatus: 'ACTIVE' }));
  events.push(
    on('milestone.statusChanged', milestoneId, {
      milestoneId,
      planId,
      status: 'IN_PROGRESS',
      previousStatus: 'PLANNED',
      deadline: '2026-04-08',
      responsible: 'CITIZEN',
    }),
  );
  events.push(
    on('meeting.rescheduled', meetingId, {
      meetingId,
      kind: 'FOLLOW_UP',
      scheduledAt: '2026-03-12T09:00:00Z',
      previousScheduledAt: '2026-03-10T09:00:00Z',
      staffIds: [],
    }),
  );
  events.push(on('placement.agreed', placementId, placement));
  events.push(on('placement.extended', placementId, { placementId, endDate: '2026-05-10', previousEndDate: '2026-04-26' }));
  events.push(on('placement.started', placementId, { ...placement, endDate: i % 2 ? '2026-05-10' : null }));
  events.push(
    on('meeting.outcomeRecorded', meetingId, {
      meetingId,
      kind: 'FOLLOW_UP',
      scheduledAt: '2026-03-12T09:00:00Z',
      status: i % 4 ? 'HELD' : 'NO_SHOW',
    }),
  );
  const sessionId = randomUUID();
  const courseId = randomUUID();
  const attendance = { sessionId, courseId, sessionNumber: 1, startsAt: '2026-03-13T09:00:00Z' };
  events.push(on('attendance.recorded', courseId, { ...attendance, status: 'ABSENT' }));
  events.push(on('attendance.recorded', courseId, { ...attendance, status: 'EXCUSED' }));
  events.push(on('citizen.statusChanged', citizenId, { status: 'ACTIVE', previousStatus: 'PAUSED' }));
  const assessmentId = randomUUID();
  events.push(
    on('progress.recorded', assessmentId, {
      assessmentId,
      assessedAt: '2026-03-20',
      assessedBy: 'STAFF',
      scores: [
        { dimension: 'COPING', score: 3 + (i % 5) },
        { dimension: 'HEALTH', score: 6 },
      ],
    }),
  );
  if (i % 2) events.push(on('placement.completed', placementId, { ...placement, endDate: '2026-05-08', outcome: 'ORDINARY_EMPLOYMENT' }));
  else events.push(on('placement.cancelled', placementId, { ...placement, endDate: '2026-04-01' }));
  events.push(
    on('milestone.statusChanged', milestoneId, {
      milestoneId,
      planId,
      status: 'ACHIEVED',
      previousStatus: 'IN_PROGRESS',
      deadline: '2026-04-08',
      responsible: 'CITIZEN',
    }),
  );
  events.push(on('assignment.ended', assignmentId, { assignmentId, staffId: randomUUID(), role: 'CASEWORKER', to: '2026-04-30' }));
  if (i % 5 === 0) events.push(on('citizen.statusChanged', citizenId, { status: 'CLOSED', previousStatus: 'ACTIVE' }));
  return events;
}

/** The citizens' histories interleaved as a feed would serve them (each citizen's own events in order). */
function feed(citizens: number): DomainEvent[] {
  const histories = Array.from({ length: citizens }, (_, i) => history(i));
  const out: DomainEvent[] = [];
  for (let step = 0; histories.some((h) => h.length > 0); step += 1) {
    for (const [i, h] of histories.entries()) if (h.length > 0 && (step + i) % 3 !== 0) out.push(h.shift()!);
  }
  return out.map((e, i) => ({ ...e, source: ['citizens', 'plans', 'meetings', 'placements'][i % 4] }));
}

async function applyInPages(db: DataSource, events: DomainEvent[], size: number): Promise<void> {
  for (let i = 0; i < events.length; i += size) await db.transaction((m) => applyEvents(m, events.slice(i, i + size)));
}

const FACT_TABLES: Record<string, string> = {
  insights_citizen: 'pid',
  insights_citizen_state: 'pid, valid_from',
  insights_team: 'assignment_id',
  insights_milestone: 'milestone_id',
  insights_milestone_status: 'milestone_id, at',
  insights_meeting: 'meeting_id',
  insights_attendance: 'session_id, pid',
  insights_placement: 'placement_id',
  insights_score: 'assessment_id, dimension',
};

async function facts(db: DataSource): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, order] of Object.entries(FACT_TABLES)) out[table] = await db.query(`SELECT * FROM ${table} ORDER BY ${order}`);
  return out;
}

describe('set-based fact handlers', () => {
  it('give the same facts in pages of 1, 7 or 1000, and again after a replay', async () => {
    const events = feed(40);
    const [one, seven, thousand] = databases.map((d) => d.dataSource);
    await applyInPages(one, events, 1);
    await applyInPages(seven, events, 7);
    await applyInPages(thousand, events, 1000);
    const expected = await facts(one);
    expect(await facts(seven)).toEqual(expected);
    expect(await facts(thousand)).toEqual(expected);
    await applyInPages(thousand, events, 1000); // delivered again
    expect(await facts(thousand)).toEqual(expected);

    // And the facts are the histories' ends, each aggregate's events in order.
    const placements = expected.insights_placement as { status: string; end_date: string; outcome: string | null }[];
    expect(placements).toHaveLength(40);
    expect(placements.filter((p) => p.status === 'COMPLETED' && p.outcome === 'ORDINARY_EMPLOYMENT')).toHaveLength(20);
    expect(placements.filter((p) => p.status === 'CANCELLED' && p.outcome === null)).toHaveLength(20);
    const meetings = expected.insights_meeting as { status: string; scheduled_at: Date }[];
    expect(meetings.filter((m) => m.status === 'HELD')).toHaveLength(30);
    expect(meetings.every((m) => m.scheduled_at.toISOString() === '2026-03-12T09:00:00.000Z')).toBe(true);
    expect((expected.insights_attendance as { status: string }[]).every((a) => a.status === 'EXCUSED')).toBe(true);
    const [{ n }] = await one.query(`SELECT COUNT(*)::int AS n FROM insights_milestone WHERE deadline = '2026-04-08'`);
    expect(n).toBe(40);
    expect((expected.insights_team as { valid_to: string | null }[]).every((t) => t.valid_to !== null)).toBe(true);
    // Per citizen: the first period from the enrolment, then PAUSED, ACTIVE again (and CLOSED for every fifth).
    const states = expected.insights_citizen_state as {
      pid: string;
      valid_from: Date;
      valid_to: Date | null;
      status: string;
      target_group: string;
    }[];
    expect(states).toHaveLength(40 * 3 + 8);
    const firsts = states.filter((s) => s.valid_from.toISOString() === '2025-11-02T23:00:00.000Z');
    expect(firsts).toHaveLength(40);
    expect(firsts.filter((s) => s.target_group === 'SICKNESS_BENEFIT')).toHaveLength(14);
    expect(states.filter((s) => s.valid_to === null)).toHaveLength(40);
    expect(states.filter((s) => s.valid_to === null && s.status === 'CLOSED')).toHaveLength(8);
  });
});
