import { MiddlewareFn, UseMiddleware } from 'type-graphql';
import type { RequestContext } from '../context';
import { forbidden } from '../errors';
import { Actor, isStaff, Role } from '../identity';
import { isCaseStaff, readsNoPersonalData } from './policy';

/**
 * Access rules shared by every subgraph. Each subgraph checks them on the data it owns:
 * the gateway only proves who is asking, it never decides what they may see.
 */

export function requireRole(actor: Actor, roles: readonly Role[], what: string): void {
  if (!roles.includes(actor.role)) {
    throw forbidden(`Your role (${actor.role}) may not ${what}.`);
  }
}

/** Staff working with cases may go on; analysts and citizens may not. */
export function requireCaseStaff(actor: Actor, what: string): void {
  if (!isCaseStaff(actor)) throw forbidden(`Your role (${actor.role}) may not ${what}.`);
}

/** Any staff member (analysts included) may go on; citizens and services may not. */
export function requireStaff(actor: Actor, what: string): void {
  if (!isStaff(actor)) throw forbidden(`Your role (${actor.role}) may not ${what}.`);
}

/** Statistics are for staff, analysts included; not for citizens or services. */
export function assertMayReadStatistics(actor: Actor): void {
  if (!isStaff(actor)) throw forbidden('Statistics are for staff.');
}

/** A citizen may act only on their own data; staff pass on to the owning service's checks. */
export function requireSelfOrCaseStaff(actor: Actor, citizenId: string, what: string): void {
  if (actor.role === 'CITIZEN' && actor.id === citizenId) return;
  requireCaseStaff(actor, what);
}

const PersonalDataGuard: MiddlewareFn<RequestContext> = ({ context, info }, next) => {
  const { role } = context.actor;
  if (readsNoPersonalData(context.actor)) {
    throw forbidden(
      `${info.parentType.name}.${info.fieldName} is personal data; ${
        role === 'ANALYST'
          ? 'analysts see aggregated figures only'
          : role === 'SERVICE'
            ? 'services read no personal data'
            : 'your role reads none'
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
