import type { Actor, Role } from '../identity';

/**
 * The one access policy for citizens' personal data, applied by every subgraph to the data it
 * owns (the gateway only proves who asks). Plain functions over an actor and the citizen's
 * active assignments, so each rule is unit-tested without a database.
 *
 * - CASEWORKER, RESOURCE_CONSULTANT, JOB_CONSULTANT: citizens they hold an active assignment for.
 * - TEAM_LEAD: citizens with an active assignment to a staff member of their own team.
 * - CITIZEN: themselves only; another citizen is HIDDEN (answered as if they did not exist).
 * - ANALYST, SERVICE: no personal data at all.
 */

/** Staff whose access follows their own caseload. */
export const CASELOAD_ROLES: readonly Role[] = ['CASEWORKER', 'RESOURCE_CONSULTANT', 'JOB_CONSULTANT'];

/**
 * One active assignment, as far as access is concerned: who holds the citizen and in which team.
 * Not personal data about the citizen (no name, no CPR), so services may exchange it.
 */
export interface AccessGrant {
  citizenId: string;
  staffId: string;
  /** The assigned staff member's team; a team lead of this team may read the citizen. */
  team: string | null;
  /**
   * Set for an emergency ("break-the-glass") grant: the reason the staff member gave. It opens
   * the citizen to that staff member alone, for a few hours; never to their team lead.
   */
  reason?: string | null;
}

/**
 * ALLOW: go on. HIDDEN: answer as for an id that does not exist (null, empty list), so a citizen
 * cannot even learn that another citizen's record exists. DENY: FORBIDDEN.
 */
export type AccessDecision = 'ALLOW' | 'HIDDEN' | 'DENY';

/** May `actor` read and write this citizen's personal data, given the citizen's active grants? */
export function decideCitizenAccess(actor: Actor, citizenId: string, grants: readonly AccessGrant[]): AccessDecision {
  switch (actor.role) {
    case 'CITIZEN':
      return actor.id === citizenId ? 'ALLOW' : 'HIDDEN';
    case 'CASEWORKER':
    case 'RESOURCE_CONSULTANT':
    case 'JOB_CONSULTANT':
      return grants.some((g) => g.citizenId === citizenId && g.staffId === actor.id) ? 'ALLOW' : 'DENY';
    case 'TEAM_LEAD':
      return actor.team !== undefined &&
        grants.some((g) => g.citizenId === citizenId && ((!g.reason && g.team === actor.team) || g.staffId === actor.id))
        ? 'ALLOW'
        : 'DENY';
    default:
      // ANALYST and SERVICE read no personal data, whoever the citizen is.
      return 'DENY';
  }
}

/**
 * The reason of the emergency grant the actor's access rests on, or null when an ordinary
 * assignment (or their own record) lets them in: the access log's purpose.
 */
export function emergencyReason(actor: Actor, citizenId: string, grants: readonly AccessGrant[]): string | null {
  const own = grants.filter((g) => g.citizenId === citizenId && g.staffId === actor.id);
  if (own.length === 0 || own.some((g) => !g.reason)) return null;
  if (actor.role === 'TEAM_LEAD' && grants.some((g) => g.citizenId === citizenId && !g.reason && g.team === actor.team)) return null;
  return own[0].reason ?? null;
}

/** Staff other than analysts: the people who work with citizens' cases. */
export const CASE_STAFF_ROLES: readonly Role[] = [...CASELOAD_ROLES, 'TEAM_LEAD'];

/** Staff other than analysts: the people who work with citizens' cases. */
export function isCaseStaff(actor: Actor): boolean {
  return CASE_STAFF_ROLES.includes(actor.role);
}

/**
 * Roles that never see personal data, so no assignment needs to be looked up for them: every
 * role that is neither case staff nor a citizen (today ANALYST and SERVICE). Written as an
 * allow-list, like decideCitizenAccess: a role added later reads no personal data until the
 * policy gives it some.
 */
export function readsNoPersonalData(actor: Actor): boolean {
  return !isCaseStaff(actor) && actor.role !== 'CITIZEN';
}

/** The message a refused actor sees; it names the rule, never the citizen. */
export function accessDeniedMessage(actor: Actor): string {
  if (actor.role === 'ANALYST') return 'This is personal data; analysts see aggregated statistics only.';
  if (actor.role === 'SERVICE') return 'Services read no personal data.';
  if (actor.role === 'TEAM_LEAD') return "This citizen is not in your team's caseload.";
  return 'This citizen is not in your caseload; ask the team lead for an assignment.';
}
