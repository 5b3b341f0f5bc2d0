import { Actor, forbidden, isCaseStaff, isStaff } from '@jobcenter/kit';

/**
 * Who may see and change placements. A placement is personal data: the citizen sees their own,
 * case staff (caseworker, resource and job consultants, team lead) read and write, analysts get
 * only `placementStatistics`. Companies are not personal data: any staff member may read them.
 */

export function assertMayReadCitizenPlacements(actor: Actor, citizenId: string): void {
  if (actor.role === 'CITIZEN' && actor.id === citizenId) return;
  if (actor.role === 'CITIZEN') throw forbidden('You can only see your own placements.');
  if (!isCaseStaff(actor)) throw forbidden('Placements are personal data; analysts see the statistics only.');
}

export function assertCaseStaff(actor: Actor, what: string): void {
  if (!isCaseStaff(actor)) throw forbidden(`Your role (${actor.role}) may not ${what}.`);
}

export function assertStaff(actor: Actor, what: string): void {
  if (!isStaff(actor)) throw forbidden(`Your role (${actor.role}) may not ${what}.`);
}
