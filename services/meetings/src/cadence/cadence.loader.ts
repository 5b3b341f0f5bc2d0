import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { isUuid } from '@jobcenter/kit/ids';
import { Meeting } from '../meeting/meeting.entity';
import { MeetingKind, MeetingStatus } from '../meeting/meeting.enums';
import { CADENCE } from './cadence.rules';

/**
 * The one meeting of a citizen that a cadence field needs, chosen by PostgreSQL:
 * - `next`: the next PLANNED meeting that has not started (`nextMeeting`);
 * - `lastNetwork`: the latest HELD network meeting (`lastNetworkMeeting`);
 * - `lastFollowUp`: the latest HELD follow-up contact (`lastFollowUp`);
 * - `bookedFollowUp`: a PLANNED follow-up contact ahead (whether one is booked).
 * Same choice and tie-breaks as cadence.rules.ts over the citizen's meetings ordered by
 * (scheduled_at, id), which is how these fields were computed before: a caseload of 60 citizens
 * loaded and hydrated some 1,500 meetings (with minutes and agreements) to answer two meetings
 * per citizen; an index probe per citizen and slot returns at most those.
 */
export type CadenceSlot = 'next' | 'lastNetwork' | 'lastFollowUp' | 'bookedFollowUp';

type Param = (value: unknown, type: string) => string;

const HELD = `'${MeetingStatus.HELD}'`;
const PLANNED = `'${MeetingStatus.PLANNED}'`;

/** Each slot's condition, order and limit on `meeting m`; `param` adds a parameter. */
const SLOT: Record<CadenceSlot, (param: Param, now: Date) => string> = {
  next: (p, now) => `m.status = ${PLANNED} AND m.scheduled_at >= ${p(now, 'timestamptz')} ORDER BY m.scheduled_at, m.id LIMIT 1`,
  lastNetwork: () => `m.kind = '${MeetingKind.NETWORK_MEETING}' AND m.status = ${HELD} ORDER BY m.scheduled_at DESC, m.id DESC LIMIT 1`,
  lastFollowUp: (p) =>
    `m.kind = ANY(${p(CADENCE.followUpKinds, 'varchar[]')}) AND m.status = ${HELD} ORDER BY m.scheduled_at DESC, m.id DESC LIMIT 1`,
  bookedFollowUp: (p, now) =>
    `m.kind = ANY(${p(CADENCE.followUpKinds, 'varchar[]')}) AND m.status = ${PLANNED} AND m.scheduled_at >= ${p(now, 'timestamptz')} ORDER BY m.scheduled_at, m.id LIMIT 1`,
};

/** The key of one citizen's slot for `cadenceLoader`. */
export const cadenceKey = (slot: CadenceSlot, citizenId: string) => `${slot}|${citizenId}`;

/**
 * Per-request loader of cadence meetings, keyed `cadenceKey(slot, citizenId)`: every slot and
 * citizen asked for in one tick costs one statement (a UNION ALL of one LATERAL probe per slot
 * asked for), whatever the number of citizens.
 */
export function cadenceLoader(
  dataSource: DataSource,
  rowToMeeting: (row: Record<string, any>) => Meeting,
): DataLoader<string, Meeting | null> {
  return new DataLoader<string, Meeting | null>(async (keys) => {
    const now = new Date();
    const bySlot = new Map<CadenceSlot, Set<string>>();
    for (const key of keys) {
      const [slot, citizenId] = key.split('|') as [CadenceSlot, string];
      if (!(slot in SLOT) || !isUuid(citizenId)) continue;
      const ids = bySlot.get(slot) ?? new Set<string>();
      bySlot.set(slot, ids.add(citizenId));
    }
    const params: unknown[] = [];
    const param: Param = (value, type) => `$${params.push(value)}::${type}`;
    const parts = [...bySlot].map(
      ([slot, ids]) =>
        `SELECT c.id::text AS cadence_citizen, '${slot}' AS cadence_slot, x.*
           FROM unnest(${param([...ids], 'uuid[]')}) AS c(id)
           CROSS JOIN LATERAL (SELECT m.* FROM meeting m WHERE m.citizen_id = c.id AND ${SLOT[slot](param, now)}) x`,
    );
    const rows: Record<string, any>[] = parts.length ? await dataSource.query(parts.join('\nUNION ALL\n'), params) : [];
    const found = new Map(rows.map((row) => [cadenceKey(row.cadence_slot, row.cadence_citizen), rowToMeeting(row)]));
    return keys.map((key) => found.get(key) ?? null);
  });
}
