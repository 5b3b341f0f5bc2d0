import { MiddlewareFn, UseMiddleware } from 'type-graphql';
import type { RequestContext } from '../context';
import type { Actor, Role } from '../identity';
import { forbidden } from '../errors';

/**
 * Access rules shared by every subgraph. Each subgraph checks them on the data it owns:
 * the gateway only proves who is asking, it never decides what they may see.
 */

const CASE_STAFF: readonly Role[] = ['CASEWORKER', 'RESOURCE_CONSULTANT', 'JOB_CONSULTANT', 'TEAM_LEAD'];

/** Staff other than analysts: the people who work with citizens' cases. */
export function isCaseStaff(actor: Actor): boolean {
  return CASE_STAFF.includes(actor.role);
}

export function requireRole(actor: Actor, roles: readonly Role[], what: string): void {
  if (!roles.includes(actor.role)) {
    throw forbidden(`Your role (${actor.role}) may not ${what}.`);
  }
}

/** Staff working with cases may go on; analysts and citizens may not. */
export function requireCaseStaff(actor: Actor, what: string): void {
  if (!isCaseStaff(actor)) throw forbidden(`Your role (${actor.role}) may not ${what}.`);
}

/** A citizen may act only on their own data; staff pass on to the owning service's checks. */
export function requireSelfOrCaseStaff(actor: Actor, citizenId: string, what: string): void {
  if (actor.role === 'CITIZEN' && actor.id === citizenId) return;
  requireCaseStaff(actor, what);
}

const PersonalDataGuard: MiddlewareFn<RequestContext> = ({ context, info }, next) => {
  const { role } = context.actor;
  if (role === 'ANALYST' || role === 'SERVICE') {
    throw forbidden(
      `${info.parentType.name}.${info.fieldName} is personal data; ${
        role === 'ANALYST' ? 'analysts see aggregated figures only' : 'services read no personal data'
      }.`,
    );
  }
  return next();
};

/**
 * Marks a field as personal data (CPR, names, contact data, network, health and family
 * notes). Analysts and service-to-service calls get FORBIDDEN on it wherever it is reached,
 * by query or entity reference.
 */
export const PersonalData = (): MethodDecorator & PropertyDecorator => UseMiddleware(PersonalDataGuard);
