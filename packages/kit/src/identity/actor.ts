/** Roles a staff member can hold (StaffRole in the schema). */
export const STAFF_ROLES = ['CASEWORKER', 'RESOURCE_CONSULTANT', 'JOB_CONSULTANT', 'TEAM_LEAD', 'ANALYST'] as const;
export type StaffRoleName = (typeof STAFF_ROLES)[number];

/** Every role a token may carry: a staff role, or CITIZEN for a citizen reading their own data. */
export const ACTOR_ROLES = [...STAFF_ROLES, 'CITIZEN'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/**
 * A subgraph calling another subgraph on its own behalf (e.g. placements asking citizens for a
 * citizen's target group). Never in a user's token: only in assertions a service signs.
 */
export const SERVICE_ROLE = 'SERVICE' as const;
export type Role = ActorRole | typeof SERVICE_ROLE;

/**
 * The verified person (or service) behind a request. `id` is a StaffMember.id for staff and a Citizen.id
 * for a citizen, exactly as the `sub` claim of their token.
 */
export interface Actor {
  id: string;
  role: Role;
  name: string;
  /** The staff member's team (organisational unit); absent for citizens. */
  team?: string;
}

export function isActorRole(value: unknown): value is ActorRole {
  return typeof value === 'string' && (ACTOR_ROLES as readonly string[]).includes(value);
}

export function isStaff(actor: Actor): boolean {
  return (STAFF_ROLES as readonly string[]).includes(actor.role);
}
