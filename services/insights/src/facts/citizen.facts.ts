import type { EntityManager } from 'typeorm';
import { copenhagenDate, recordKey } from '@jobcenter/kit';
import type { FactEvent, FactHandler } from './fact.types';
import { lastPerKey, optional, text, updateColumn, upsertRows } from './fact-sql';

/** The instant a Copenhagen calendar day starts (its offset is +1 or +2 hours; it never switches at midnight). */
function copenhagenMidnight(date: string): number {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  const summer = utcMidnight - 2 * 3_600_000;
  return copenhagenDate(new Date(summer)) === date ? summer : utcMidnight - 3_600_000;
}

/** One period of a citizen's (status, target group), as the page's fold keeps it. */
interface StatePeriod {
  validFrom: number;
  validTo: number | null;
  status: string;
  targetGroup: string;
}

/**
 * Citizens and their (status, target group) periods: `citizen.registered`, `.statusChanged`,
 * `.targetGroupChanged`. A page is folded per citizen in feed order, starting from each citizen's
 * newest stored period, and written in two statements, so the result is the same however the
 * feed was cut into pages:
 * - the registration opens the first period at the **enrolment** (Copenhagen midnight of
 *   `enrolledAt`), or at the event's time if that is earlier: a citizen registered after the fact
 *   (every seeded citizen, whose events carry the load's time) counts from the day they entered
 *   the programme; a second registration changes no period;
 * - a change at or before the registration's time (the registering transaction) amends the
 *   period in force, as does one not later than its start; a later one closes it and opens a new
 *   one at the event's time; a change for a citizen not registered is dropped.
 */
export const citizenFacts: FactHandler = {
  types: ['citizen.registered', 'citizen.statusChanged', 'citizen.targetGroupChanged'],
  async apply(m: EntityManager, events: FactEvent[]) {
    const registrations = events.filter((e) => e.type === 'citizen.registered');
    // insights_citizen: the first registration's time stays; the newest birth year and enrolment win.
    const registeredAt = new Map<string, string>();
    for (const e of registrations) if (!registeredAt.has(e.pid!)) registeredAt.set(e.pid!, e.occurredAt);
    await upsertRows(
      m,
      'insights_citizen',
      [
        ['pid', 'text'],
        ['record_key', 'smallint'],
        ['birth_year', 'int'],
        ['enrolled_at', 'date'],
        ['registered_at', 'timestamptz'],
      ],
      lastPerKey(registrations, (e) => e.pid!).map((e) => [
        e.pid,
        recordKey(e.pid!),
        e.payload.birthYear ?? null,
        optional(e, 'enrolledAt'),
        registeredAt.get(e.pid!),
      ]),
      'pid',
      'birth_year = EXCLUDED.birth_year, enrolled_at = EXCLUDED.enrolled_at',
    );

    // The newest stored period and the registration time of every citizen in the page.
    const pids = [...new Set(events.map((e) => e.pid!))];
    const stored: { pid: string; valid_from: Date; valid_to: Date | null; status: string; target_group: string; registered_at: Date }[] =
      await m.query(
        `SELECT c.pid, s.valid_from, s.valid_to, s.status, s.target_group, c.registered_at
           FROM insights_citizen c
           LEFT JOIN LATERAL (SELECT * FROM insights_citizen_state s WHERE s.pid = c.pid ORDER BY s.valid_from DESC LIMIT 1) s ON true
          WHERE c.pid = ANY($1::text[])`,
        [pids],
      );
    const latest = new Map<string, StatePeriod>();
    const registered = new Map<string, number>();
    for (const row of stored) {
      registered.set(row.pid, new Date(row.registered_at).getTime());
      if (row.valid_from) {
        latest.set(row.pid, {
          validFrom: new Date(row.valid_from).getTime(),
          validTo: row.valid_to ? new Date(row.valid_to).getTime() : null,
          status: row.status,
          targetGroup: row.target_group,
        });
      }
    }

    // Fold: every period touched (pid|validFrom → period), written at the end.
    const touched = new Map<string, { pid: string; period: StatePeriod }>();
    const touch = (pid: string, period: StatePeriod) => touched.set(`${pid}|${period.validFrom}`, { pid, period });
    for (const e of events) {
      const pid = e.pid!;
      const at = Date.parse(e.occurredAt);
      const current = latest.get(pid);
      if (e.type === 'citizen.registered') {
        if (current) continue;
        const enrolledAt = optional(e, 'enrolledAt');
        const period: StatePeriod = {
          validFrom: enrolledAt ? Math.min(copenhagenMidnight(enrolledAt), at) : at,
          validTo: null,
          status: text(e, 'status'),
          targetGroup: text(e, 'targetGroup'),
        };
        latest.set(pid, period);
        touch(pid, period);
        continue;
      }
      if (!current) continue; // not registered (yet): nothing to change
      const change = e.type === 'citizen.statusChanged' ? { status: text(e, 'status') } : { targetGroup: text(e, 'targetGroup') };
      if (at <= (registered.get(pid) ?? -Infinity) || at <= current.validFrom) {
        Object.assign(current, change);
        touch(pid, current);
      } else {
        current.validTo = at;
        touch(pid, current);
        const next: StatePeriod = { ...current, ...change, validFrom: at, validTo: null };
        latest.set(pid, next);
        touch(pid, next);
      }
    }
    const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
    await upsertRows(
      m,
      'insights_citizen_state',
      [
        ['pid', 'text'],
        ['valid_from', 'timestamptz'],
        ['valid_to', 'timestamptz'],
        ['status', 'text'],
        ['target_group', 'text'],
      ],
      [...touched.values()].map(({ pid, period }) => [pid, iso(period.validFrom), iso(period.validTo), period.status, period.targetGroup]),
      'pid, valid_from',
      'valid_to = EXCLUDED.valid_to, status = EXCLUDED.status, target_group = EXCLUDED.target_group',
    );
  },
};

/**
 * The responsible caseworker's team over time: `assignment.started` (caseworker assignments with
 * a team) and `assignment.ended`. An end for an assignment started in the same page is written
 * with its start; other ends update stored rows first.
 */
export const teamFacts: FactHandler = {
  types: ['assignment.started', 'assignment.ended'],
  needsCitizen: (type) => type !== 'assignment.ended',
  async apply(m, events) {
    const started = new Map<string, { pid: string; team: string; from: string; to: string | null }>();
    const ended = new Map<string, string>();
    for (const e of events) {
      const id = text(e, 'assignmentId');
      if (e.type === 'assignment.started') {
        if (text(e, 'role') !== 'CASEWORKER' || e.payload.team == null || e.pid === null) continue;
        started.set(id, { pid: e.pid, team: text(e, 'team'), from: text(e, 'from'), to: started.get(id)?.to ?? null });
      } else if (started.has(id)) started.get(id)!.to = text(e, 'to');
      else ended.set(id, text(e, 'to'));
    }
    await updateColumn(m, 'insights_team', ['assignment_id', 'uuid'], ['valid_to', 'date'], ended);
    await upsertRows(
      m,
      'insights_team',
      [
        ['assignment_id', 'uuid'],
        ['pid', 'text'],
        ['team', 'text'],
        ['valid_from', 'date'],
        ['valid_to', 'date'],
      ],
      [...started].map(([id, a]) => [id, a.pid, a.team, a.from, a.to]),
      'assignment_id',
      'team = EXCLUDED.team, valid_from = EXCLUDED.valid_from, valid_to = COALESCE(EXCLUDED.valid_to, insights_team.valid_to)',
    );
  },
};
