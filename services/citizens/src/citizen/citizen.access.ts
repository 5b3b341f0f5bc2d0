import { Actor, forbidden } from '@jobcenter/kit';
import { Assignment } from '../assignment/assignment.entity';

/**
 * Who may see what of a citizen. Enforced here, in the service that owns the data; the
 * caseload-based policy and the access log will slot in beside these functions.
 */

/** A citizen sees only themselves; staff (analysts too, field guards aside) may look a citizen up. */
export function assertMayReadCitizen(actor: Actor, citizenId: string): void {
  if (actor.role === 'CITIZEN' && actor.id !== citizenId) {
    throw forbidden('You can only see your own information.');
  }
}

/**
 * The full CPR number is for the citizen and their team: staff with an active assignment to
 * the citizen, and colleagues in the same team as one of those (e.g. the team lead, a
 * stand-in). Everyone else sees DDMMYY-****.
 */
export function seesFullCpr(actor: Actor, citizenId: string, activeAssignments: Assignment[]): boolean {
  if (actor.role === 'CITIZEN') return actor.id === citizenId;
  if (actor.role === 'ANALYST') return false;
  return activeAssignments.some((a) => a.staffId === actor.id || (actor.team !== undefined && a.staff?.team === actor.team));
}
