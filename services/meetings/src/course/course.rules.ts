import { DateTime } from 'luxon';
import { isUuid } from '@jobcenter/kit/ids';
import type { Span } from '../booking/booking.rules';
import { ZONE } from '../time/copenhagen';

/** The seeds' course format (gruppeforløb): 8 weekly sessions of 1½ hours, 2 facilitators, 8–12 citizens. */
export const COURSE_RULES = {
  sessions: 8,
  sessionMinutes: 90,
  facilitators: 2,
  maxCapacity: 12,
  defaultCapacity: 12,
  source: 'seeds/003: "to ressourcekonsulenter og ca. 8-12 borgere, mødes 1½ time om ugen i 8 uger"',
} as const;

/**
 * The weekly sessions from the first one, at the same Copenhagen wall-clock time every week:
 * a course at 10:00 stays at 10:00 when Denmark moves from summer to winter time, so the UTC
 * instants shift by an hour across the change.
 */
export function sessionSpans(
  firstSessionAt: Date,
  count: number = COURSE_RULES.sessions,
  minutes: number = COURSE_RULES.sessionMinutes,
): Span[] {
  const first = DateTime.fromJSDate(firstSessionAt, { zone: ZONE });
  return Array.from({ length: count }, (_, i) => {
    const start = first.plus({ weeks: i });
    return { startsAt: start.toJSDate(), endsAt: start.plus({ minutes }).toJSDate() };
  });
}

export type CourseRefusal = { ok: false; message: string; field: string };

/** Exactly two different staff members run a course. */
export function checkFacilitators(ids: readonly string[]): { ok: true; ids: string[] } | CourseRefusal {
  const bad = ids.find((id) => !isUuid(id));
  if (bad !== undefined) return { ok: false, message: `facilitatorIds: "${bad}" is not a staff member id.`, field: 'facilitatorIds' };
  const distinct = [...new Set(ids)];
  if (distinct.length !== COURSE_RULES.facilitators || ids.length !== COURSE_RULES.facilitators) {
    return {
      ok: false,
      message: `facilitatorIds: a group course has exactly ${COURSE_RULES.facilitators} different facilitators (got ${distinct.length === ids.length ? ids.length : `${ids.length}, ${distinct.length} different`}).`,
      field: 'facilitatorIds',
    };
  }
  return { ok: true, ids: distinct };
}

/** Capacity within 1..12; 12 when not given. */
export function checkCapacity(capacity: number | null | undefined): { ok: true; capacity: number } | CourseRefusal {
  const value = capacity ?? COURSE_RULES.defaultCapacity;
  if (!Number.isInteger(value) || value < 1 || value > COURSE_RULES.maxCapacity) {
    return {
      ok: false,
      message: `capacity: a group course takes 1 to ${COURSE_RULES.maxCapacity} citizens (got ${value}).`,
      field: 'capacity',
    };
  }
  return { ok: true, capacity: value };
}

/** Can one more citizen join? Decided with the course row locked, so two last-seat requests queue. */
export function decideEnrollment(state: {
  enrolled: number;
  capacity: number;
  alreadyEnrolled: boolean;
  title: string;
}): { ok: true } | { ok: false; message: string } {
  if (state.alreadyEnrolled) return { ok: false, message: `The citizen is already enrolled in "${state.title}".` };
  if (state.enrolled >= state.capacity) {
    return { ok: false, message: `"${state.title}" is full: all ${state.capacity} places are taken.` };
  }
  return { ok: true };
}

/**
 * Share of sessions attended among those recorded as present or absent; a lawful excuse does
 * not count against the citizen. Null before anything is recorded.
 */
export function attendanceRate(present: number, absent: number): number | null {
  const counted = present + absent;
  return counted === 0 ? null : Math.round((present / counted) * 1000) / 1000;
}
