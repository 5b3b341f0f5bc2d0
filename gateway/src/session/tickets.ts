import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { Actor } from '@jobcenter/kit/identity';
import { sessionKeys } from './keys';
import { actorClaims, actorOf } from './sessions';

const AUDIENCE = 'jobcenter-dev-sign-in';
/** How long a development sign-in link works. */
export const TICKET_SECONDS = 15 * 60;

/**
 * Development sign-in tickets: a short-lived HS256 token naming the person, in a link to
 * GET /auth/dev/sign-in. They stand in for the identity provider's answer (issue 16) and only
 * the development routes accept them: with NODE_ENV=production the route does not exist.
 */
export async function signTicket(actor: Actor, key: Uint8Array, seconds = TICKET_SECONDS): Promise<string> {
  return new SignJWT(actorClaims(actor))
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(actor.id)
    .setAudience(AUDIENCE)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + seconds)
    .sign(key);
}

/** The person a ticket names, or undefined when it is forged, expired or not a ticket. */
export async function verifyTicket(ticket: string, key: Uint8Array): Promise<Actor | undefined> {
  try {
    const { payload } = await jwtVerify(ticket, key, { algorithms: ['HS256'], audience: AUDIENCE, requiredClaims: ['sub', 'exp'] });
    return actorOf(payload);
  } catch {
    return undefined;
  }
}

/** A link that signs `actor` in at the gateway at `origin` (e.g. http://localhost:4000), then goes to `returnTo`. */
export async function devSignInUrl(origin: string, actor: Actor, returnTo?: string, seconds = TICKET_SECONDS): Promise<string> {
  const url = new URL('/auth/dev/sign-in', origin);
  url.searchParams.set('ticket', await signTicket(actor, sessionKeys().ticket, seconds));
  if (returnTo) url.searchParams.set('returnTo', returnTo);
  return url.toString();
}
