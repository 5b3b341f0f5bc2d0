import { MiddlewareFn, UseMiddleware } from 'type-graphql';
import { forbidden, RequestContext } from '@jobcenter/kit';
import { accessDeniedMessage, readsNoPersonalData } from '@jobcenter/kit/access';

const MASKED = Symbol('masked CPR hit');
/** What a masked hit shows: enough to recognise the person, not their case. */
const MASKED_FIELDS = new Set(['firstName', 'lastName', 'birthDate', 'cpr']);

/**
 * Marks a citizen found by a CPR search of staff outside the citizen's caseload: they may see
 * that the person is registered (name, birth date, DDMMYY-****), so nobody registers them
 * twice, but nothing of the case.
 */
export function asMaskedHit<T extends object>(citizen: T): T {
  return Object.assign(citizen, { [MASKED]: true });
}

const REGISTERED = Symbol('registered in this request');

/** A citizen the actor has just registered: the answer echoes what they typed in, in full. */
export function asOwnRegistration<T extends object>(citizen: T): T {
  return Object.assign(citizen, { [REGISTERED]: true });
}

export function isOwnRegistration(citizen: object): boolean {
  return (citizen as Record<symbol, unknown>)[REGISTERED] === true;
}

export function isMaskedHit(citizen: object): boolean {
  return (citizen as Record<symbol, unknown>)[MASKED] === true;
}

const citizenDataGuard =
  (options: { services?: boolean }): MiddlewareFn<RequestContext> =>
  async ({ root, context, info }, next) => {
    const { actor } = context;
    if (options.services && actor.role === 'SERVICE') return next();
    if (readsNoPersonalData(actor)) {
      throw forbidden(`${info.parentType.name}.${info.fieldName} is personal data; ${accessDeniedMessage(actor)}`);
    }
    if (isOwnRegistration(root) && info.parentType.name === 'Citizen') return next();
    if (isMaskedHit(root) && MASKED_FIELDS.has(info.fieldName)) return next();
    const citizenId = (root as { citizenId?: string; id: string }).citizenId ?? (root as { id: string }).id;
    if ((await context.access.decide(citizenId)) !== 'ALLOW') throw context.access.refuse(citizenId);
    return next();
  };

/**
 * A field of a citizen's personal data: readable by the citizen themselves and by staff the
 * shared access policy lets in (their caseload, their team's for a team lead); FORBIDDEN to
 * everyone else however the citizen was reached (query, list, caseload, a masked CPR hit or
 * `_entities`), and the refusal is on the citizen's access log.
 *
 * `services: true` marks a fact of the case that other services need for their rules and that
 * names nobody (the target group, for a placement's legal maximum; the status): a SERVICE
 * identity may read it, staff only with access. A masked CPR hit shows none of these: target
 * group ("sickness benefit", "family support") and status say more about a person than a name.
 */
export const CitizenData = (options: { services?: boolean } = {}): MethodDecorator & PropertyDecorator =>
  UseMiddleware(citizenDataGuard(options));
