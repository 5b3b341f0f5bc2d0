import { EntityManager } from 'typeorm';
import { recordKey } from '@jobcenter/kit';
import type { EventEnvelope } from '@jobcenter/kit';

/** An event as the facts take it: `pid` is the citizen's pseudonym (null without a citizen). */
export type StatisticsEvent = Omit<EventEnvelope, 'cursor'> & { pid: string | null };

/**
 * The facts the existing statistics fields need beyond the series' tables (migration
 * 1797000000600): each citizen's current status and target group, plans' status and
 * milestones' current state, group courses, enrolments and attendance. One page of events at a
 * time, set-based (a few statements per page whatever its size), idempotent (upserts of the
 * newest state). Record keys are those the owning subgraphs used for the same records
 * (`recordKey` of the same id), so every published figure keeps the noise it had.
 */
export const statisticsFacts = {
  types: [
    'citizen.registered',
    'citizen.statusChanged',
    'citizen.targetGroupChanged',
    'plan.created',
    'plan.statusChanged',
    'milestone.added',
    'milestone.statusChanged',
    'milestone.proposed',
    'course.created',
    'course.enrolled',
    'attendance.recorded',
  ] as readonly string[],

  /** Courses describe no one; everything else is kept only with its citizen. */
  needsCitizen: (type: string) => type !== 'course.created',

  async apply(m: EntityManager, events: StatisticsEvent[]): Promise<void> {
    await citizens(m, events);
    await plans(m, events);
    await milestones(m, events);
    await courses(m, events);
  },
};

const str = (e: StatisticsEvent, field: string): string | null => (e.payload[field] == null ? null : String(e.payload[field]));
const of = (events: StatisticsEvent[], ...types: string[]) => events.filter((e) => types.includes(e.type) && e.citizenId !== null);

/** The newest of each key's events (the page is in feed order, oldest first). */
function newest<T>(
  events: StatisticsEvent[],
  key: (e: StatisticsEvent) => string,
  value: (e: StatisticsEvent, before?: T) => T,
): Map<string, T> {
  const out = new Map<string, T>();
  for (const e of events) out.set(key(e), value(e, out.get(key(e))));
  return out;
}

async function citizens(m: EntityManager, events: StatisticsEvent[]) {
  type State = { citizenId: string; registered: boolean; status: string | null; targetGroup: string | null; enrolledAt: string | null };
  const states = newest<State>(
    of(events, 'citizen.registered', 'citizen.statusChanged', 'citizen.targetGroupChanged'),
    (e) => e.pid!,
    (e, before) => {
      const registered = e.type === 'citizen.registered';
      return {
        citizenId: e.citizenId!,
        registered: registered || (before?.registered ?? false),
        status: registered || e.type === 'citizen.statusChanged' ? str(e, 'status') : (before?.status ?? null),
        targetGroup: registered || e.type === 'citizen.targetGroupChanged' ? str(e, 'targetGroup') : (before?.targetGroup ?? null),
        enrolledAt: registered ? str(e, 'enrolledAt') : (before?.enrolledAt ?? null),
      };
    },
  );
  if (states.size === 0) return;
  const rows = [...states.entries()];
  const registered = rows.filter(([, s]) => s.registered);
  if (registered.length > 0) {
    await m.query(
      // The last held network meeting too, for meetings read before the registration (its feed is another).
      `INSERT INTO insights_stat_citizen (pid, record_key, status, target_group, enrolled_at, last_network)
       SELECT u.*, (SELECT MAX(m.scheduled_at) FROM insights_meeting m WHERE m.pid = u.pid AND m.kind = 'NETWORK_MEETING' AND m.status = 'HELD')
         FROM unnest($1::char(32)[], $2::smallint[], $3::varchar[], $4::varchar[], $5::date[]) AS u(pid, record_key, status, target_group, enrolled_at)
       ON CONFLICT (pid) DO UPDATE SET status = EXCLUDED.status, target_group = EXCLUDED.target_group, enrolled_at = EXCLUDED.enrolled_at`,
      [
        registered.map(([pid]) => pid),
        // The citizen's own key, as the citizens subgraph keyed its counts (recordKey of the internal id).
        registered.map(([, s]) => recordKey(s.citizenId)),
        registered.map(([, s]) => s.status),
        registered.map(([, s]) => s.targetGroup),
        registered.map(([, s]) => s.enrolledAt),
      ],
    );
  }
  const changed = rows.filter(([, s]) => !s.registered);
  if (changed.length > 0) {
    // A change of a citizen registered on an earlier page; one never registered is not counted.
    await m.query(
      `UPDATE insights_stat_citizen c SET status = COALESCE(u.status, c.status), target_group = COALESCE(u.target_group, c.target_group)
         FROM unnest($1::char(32)[], $2::varchar[], $3::varchar[]) AS u(pid, status, target_group)
        WHERE c.pid = u.pid AND (c.status, c.target_group) IS DISTINCT FROM (COALESCE(u.status, c.status), COALESCE(u.target_group, c.target_group))`,
      [changed.map(([pid]) => pid), changed.map(([, s]) => s.status), changed.map(([, s]) => s.targetGroup)],
    );
  }
}

async function plans(m: EntityManager, events: StatisticsEvent[]) {
  const statuses = newest<string>(
    of(events, 'plan.created', 'plan.statusChanged'),
    (e) => str(e, 'planId')!,
    (e) => str(e, 'status')!,
  );
  if (statuses.size === 0) return;
  const [ids, values] = [[...statuses.keys()], [...statuses.values()]];
  await m.query(
    `INSERT INTO insights_stat_plan (plan_id, status) SELECT * FROM unnest($1::uuid[], $2::varchar[])
     ON CONFLICT (plan_id) DO UPDATE SET status = EXCLUDED.status`,
    [ids, values],
  );
  // Milestones already known move in or out of the figures with their plan's DRAFT status.
  await m.query(
    `UPDATE insights_stat_milestone ms SET draft = (p.status = 'DRAFT')
       FROM insights_stat_plan p
      WHERE p.plan_id = ms.plan_id AND p.plan_id = ANY($1::uuid[]) AND ms.draft <> (p.status = 'DRAFT')`,
    [ids],
  );
}

async function milestones(m: EntityManager, events: StatisticsEvent[]) {
  type State = { pid: string; planId: string; deadline: string; status: string; declined: boolean };
  const states = newest<State>(
    of(events, 'milestone.added', 'milestone.statusChanged', 'milestone.proposed'),
    (e) => str(e, 'milestoneId')!,
    (e) => {
      const status = e.type === 'milestone.proposed' ? 'PROPOSED' : str(e, 'status')!;
      // A declined proposal (DROPPED from PROPOSED) was never part of the plan: plans' figures leave it out.
      return {
        pid: e.pid!,
        planId: str(e, 'planId')!,
        deadline: str(e, 'deadline')!,
        status,
        declined: status === 'DROPPED' && str(e, 'previousStatus') === 'PROPOSED',
      };
    },
  );
  if (states.size === 0) return;
  const rows = [...states.entries()];
  await m.query(
    `INSERT INTO insights_stat_milestone (milestone_id, plan_id, pid, record_key, deadline, status, declined, draft)
     SELECT u.id, u.plan_id, u.pid, u.record_key, u.deadline, u.status, u.declined, COALESCE(p.status = 'DRAFT', false)
       FROM unnest($1::uuid[], $2::uuid[], $3::char(32)[], $4::smallint[], $5::date[], $6::varchar[], $7::boolean[])
            AS u(id, plan_id, pid, record_key, deadline, status, declined)
       LEFT JOIN insights_stat_plan p ON p.plan_id = u.plan_id
     ON CONFLICT (milestone_id) DO UPDATE SET plan_id = EXCLUDED.plan_id, deadline = EXCLUDED.deadline, status = EXCLUDED.status,
       declined = EXCLUDED.declined, draft = EXCLUDED.draft
     WHERE (insights_stat_milestone.deadline, insights_stat_milestone.status, insights_stat_milestone.draft,
            insights_stat_milestone.plan_id, insights_stat_milestone.declined)
           IS DISTINCT FROM (EXCLUDED.deadline, EXCLUDED.status, EXCLUDED.draft, EXCLUDED.plan_id, EXCLUDED.declined)`,
    [
      rows.map(([id]) => id),
      rows.map(([, s]) => s.planId),
      rows.map(([, s]) => s.pid),
      rows.map(([id]) => recordKey(id)),
      rows.map(([, s]) => s.deadline),
      rows.map(([, s]) => s.status),
      rows.map(([, s]) => s.declined),
    ],
  );
}

async function courses(m: EntityManager, events: StatisticsEvent[]) {
  const created = newest<{ capacity: number; startDate: string }>(
    events.filter((e) => e.type === 'course.created'),
    (e) => str(e, 'courseId')!,
    (e) => ({ capacity: Number(e.payload.capacity), startDate: str(e, 'startDate')! }),
  );
  if (created.size > 0) {
    await m.query(
      `INSERT INTO insights_stat_course (course_id, capacity, start_date) SELECT * FROM unnest($1::uuid[], $2::int[], $3::date[])
       ON CONFLICT (course_id) DO UPDATE SET capacity = EXCLUDED.capacity, start_date = EXCLUDED.start_date`,
      [[...created.keys()], [...created.values()].map((c) => c.capacity), [...created.values()].map((c) => c.startDate)],
    );
  }
  // Keys as the meetings subgraph made them: the record's ids written one after the other.
  const enrolled = newest<{ courseId: string; pid: string; key: number }>(
    of(events, 'course.enrolled'),
    (e) => `${str(e, 'courseId')}|${e.pid}`,
    (e) => ({ courseId: str(e, 'courseId')!, pid: e.pid!, key: recordKey(`${str(e, 'courseId')}${e.citizenId}`) }),
  );
  if (enrolled.size > 0) {
    const rows = [...enrolled.values()];
    await m.query(
      `INSERT INTO insights_stat_enrollment (course_id, pid, record_key) SELECT * FROM unnest($1::uuid[], $2::char(32)[], $3::smallint[])
       ON CONFLICT (course_id, pid) DO NOTHING`,
      [rows.map((r) => r.courseId), rows.map((r) => r.pid), rows.map((r) => r.key)],
    );
  }
  const attended = newest<{ sessionId: string; courseId: string; pid: string; key: number; status: string }>(
    of(events, 'attendance.recorded'),
    (e) => `${str(e, 'sessionId')}|${e.pid}`,
    (e) => ({
      sessionId: str(e, 'sessionId')!,
      courseId: str(e, 'courseId')!,
      pid: e.pid!,
      key: recordKey(`${str(e, 'sessionId')}${e.citizenId}`),
      status: str(e, 'status')!,
    }),
  );
  if (attended.size > 0) {
    const rows = [...attended.values()];
    await m.query(
      `INSERT INTO insights_stat_attendance (session_id, pid, course_id, record_key, status)
       SELECT * FROM unnest($1::uuid[], $2::char(32)[], $3::uuid[], $4::smallint[], $5::varchar[])
       ON CONFLICT (session_id, pid) DO UPDATE SET status = EXCLUDED.status`,
      [
        rows.map((r) => r.sessionId),
        rows.map((r) => r.pid),
        rows.map((r) => r.courseId),
        rows.map((r) => r.key),
        rows.map((r) => r.status),
      ],
    );
  }
}
