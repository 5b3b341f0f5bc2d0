import { EntityManager } from 'typeorm';
import { BusySpan } from './booking.rules';

/**
 * Serialises bookings per staff member: a transaction-scoped advisory lock per staff id, taken
 * in a fixed order (no deadlocks), held until commit. Two bookings for the same consultant at
 * the same moment therefore check the calendar one after the other.
 */
export async function lockStaffCalendars(tx: EntityManager, staffIds: readonly string[]): Promise<void> {
  for (const id of [...new Set(staffIds)].sort()) {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`staff-calendar:${id}`]);
  }
}

const KIND_TEXT: Record<string, string> = {
  FOLLOW_UP: 'follow-up conversation',
  WALK_AND_TALK: 'walk-and-talk',
  NETWORK_MEETING: 'network meeting',
  PLACEMENT_KICKOFF: 'placement kick-off',
  PLACEMENT_FOLLOW_UP: 'placement follow-up',
  HOME_VISIT: 'home visit',
};

/** What the staff are booked for between `from` and `to`: meetings (not cancelled) and group sessions. */
export async function busySpans(
  tx: EntityManager,
  staffIds: readonly string[],
  from: Date,
  to: Date,
  exceptMeetingId?: string,
): Promise<BusySpan[]> {
  if (staffIds.length === 0) return [];
  const meetings: { id: string; staff_id: string; kind: string; scheduled_at: Date; ends_at: Date; citizen_id: string }[] = await tx.query(
    `SELECT m.id, p.staff_id, m.kind, m.citizen_id, m.scheduled_at, m.ends_at
       FROM meeting m JOIN meeting_participant p ON p.meeting_id = m.id
      WHERE p.staff_id = ANY($1::uuid[]) AND m.status <> 'CANCELLED'
        AND m.scheduled_at < $3 AND m.ends_at > $2 AND m.id IS DISTINCT FROM $4::uuid`,
    [staffIds, from, to, exceptMeetingId ?? null],
  );
  const sessions: { id: string; staff_id: string; number: number; title: string; starts_at: Date; ends_at: Date }[] = await tx.query(
    `SELECT s.id, f.staff_id, s.number, c.title, s.starts_at, s.ends_at
       FROM group_session s
       JOIN course_facilitator f ON f.course_id = s.course_id
       JOIN group_course c ON c.id = s.course_id
      WHERE f.staff_id = ANY($1::uuid[]) AND s.starts_at < $3 AND s.ends_at > $2`,
    [staffIds, from, to],
  );
  return [
    ...meetings.map((m): BusySpan => ({
      kind: 'MEETING',
      id: m.id,
      staffId: m.staff_id,
      startsAt: m.scheduled_at,
      endsAt: m.ends_at,
      label: KIND_TEXT[m.kind] ?? m.kind,
      citizenId: m.citizen_id,
      meetingKind: m.kind,
    })),
    ...sessions.map((s): BusySpan => ({
      kind: 'GROUP_SESSION',
      id: s.id,
      staffId: s.staff_id,
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      label: `session ${s.number} of group course "${s.title}"`,
    })),
  ];
}
