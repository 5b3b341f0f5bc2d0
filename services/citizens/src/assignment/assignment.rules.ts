import { addDays } from '@jobcenter/kit';
import { CASE_ROLES, StaffRole } from '../staff/staff-role';

export interface AssignmentLike {
  id: string;
  staffId: string;
  role: StaffRole;
  from: string;
  to: string | null;
}

export type AssignDecision =
  | { ok: true; /** assignments to close, with their new last day */ end: { id: string; to: string }[] }
  | { ok: false; kind: 'BAD_USER_INPUT' | 'CONFLICT'; message: string };

/**
 * Deciding an assignment of `staff` as `role` from `from`, given the citizen's assignments.
 * A citizen has one professional per role at a time: a new one takes over the day after the
 * previous one's last day, which is set to the day before `from` (history kept, not overwritten).
 */
export function decideAssignment(
  existing: AssignmentLike[],
  staff: { id: string; role: StaffRole; name: string },
  role: StaffRole,
  from: string,
): AssignDecision {
  if (!CASE_ROLES.includes(role)) {
    return { ok: false, kind: 'BAD_USER_INPUT', message: `role: a citizen can be assigned a ${CASE_ROLES.join(', ')}; not a ${role}.` };
  }
  if (staff.role !== role) {
    return { ok: false, kind: 'BAD_USER_INPUT', message: `role: ${staff.name} is a ${staff.role}, not a ${role}.` };
  }
  const open = existing.filter((a) => a.role === role && (a.to === null || a.to >= from));
  if (open.some((a) => a.staffId === staff.id)) {
    return { ok: false, kind: 'CONFLICT', message: `${staff.name} is already assigned to this citizen as ${role}.` };
  }
  const dayBefore = addDays(from, -1);
  const startsLater = open.find((a) => a.from > dayBefore);
  if (startsLater) {
    return {
      ok: false,
      kind: 'CONFLICT',
      message: `Another ${role} is assigned from ${startsLater.from}; a handover must start after that date.`,
    };
  }
  return { ok: true, end: open.map((a) => ({ id: a.id, to: dayBefore })) };
}

/** Ending an assignment: not twice, and not before it began. */
export function decideEnd(assignment: AssignmentLike, to: string, today: string): string | null {
  if (assignment.to !== null && assignment.to < today) return 'CONFLICT';
  if (to < assignment.from) return 'BAD_USER_INPUT';
  return null;
}
