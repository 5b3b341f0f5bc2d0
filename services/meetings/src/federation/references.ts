import { MeetingsCitizen } from './citizen-ref';
import { MeetingsStaffMember } from './staff-ref';

/**
 * References to entities another subgraph owns: nothing to load here. The gateway passes
 * `enrolledAt` along with the id when a field `@requires` it.
 */
export function resolveCitizenReference(reference: { id: string; enrolledAt?: string }): MeetingsCitizen {
  return { id: reference.id, enrolledAt: reference.enrolledAt };
}

export function resolveStaffReference(reference: { id: string }): MeetingsStaffMember {
  return { id: reference.id };
}
