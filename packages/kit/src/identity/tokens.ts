import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { Actor, isActorRole, isStaff, SERVICE_ROLE } from './actor';
import { Env, setting } from '../config';

const encoder = new TextEncoder();
const key = (secret: string) => encoder.encode(secret);

/** Why a token was refused; the message is safe to show a client. */
export class TokenError extends Error {}

/** The longest a user token may live (exp − iat) unless AUTH_MAX_TOKEN_LIFETIME_SECONDS says otherwise: 12 h, a working day. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;

/** AUTH_MAX_TOKEN_LIFETIME_SECONDS (kit config; the gateway reads it once, at start). */
export function maxTokenLifetimeSeconds(env: Env = process.env): number {
  return setting('AUTH_MAX_TOKEN_LIFETIME_SECONDS', env);
}

/**
 * Verifies a user's bearer token as the contract describes: HS256 with AUTH_JWT_SECRET, claims
 * sub, role, name, team (staff) and exp. A token that lives longer than `maxLifetimeSeconds`
 * (exp − iat, or exp − now when iat is missing or in the future) is refused too: a stolen
 * long-lived token would open every citizen's case to its holder for as long as it says.
 * Anything else is a TokenError.
 */
export async function verifyUserToken(
  token: string,
  secret: string,
  maxLifetimeSeconds: number = DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
): Promise<Actor> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['sub', 'exp'],
    });
    const now = Math.floor(Date.now() / 1000);
    const issued = typeof payload.iat === 'number' ? Math.min(payload.iat, now) : now;
    // The message names no value: the lifetime a forger should aim under is nobody's business.
    if (payload.exp! - issued > maxLifetimeSeconds) throw new TokenError('The token is valid for longer than allowed; sign in again.');
    return actorFromClaims(payload);
  } catch (error) {
    throw toTokenError(error);
  }
}

/** Mints a user token; used by the development token script and the tests. */
export async function signUserToken(actor: Actor, secret: string, expiresIn: string | number = '8h'): Promise<string> {
  const claims: Record<string, unknown> = { role: actor.role, name: actor.name };
  if (actor.team) claims.team = actor.team;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(actor.id)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key(secret));
}

const ASSERTION_ISSUER = 'jobcenter-gateway';
const ASSERTION_AUDIENCE = 'jobcenter-subgraphs';

/**
 * The gateway's proof to a subgraph that this request passed the gateway with this actor.
 * Short-lived, bound to the request id, signed with a key users never hold.
 */
export async function signGatewayAssertion(actor: Actor, requestId: string, secret: string): Promise<string> {
  const claims: Record<string, unknown> = { role: actor.role, name: actor.name, rid: requestId };
  if (actor.team) claims.team = actor.team;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(actor.id)
    .setIssuer(ASSERTION_ISSUER)
    .setAudience(ASSERTION_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('2m')
    .sign(key(secret));
}

export async function verifyGatewayAssertion(token: string, secret: string): Promise<{ actor: Actor; requestId: string }> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      algorithms: ['HS256'],
      issuer: ASSERTION_ISSUER,
      audience: ASSERTION_AUDIENCE,
      requiredClaims: ['sub', 'exp', 'rid'],
    });
    return { actor: actorFromClaims(payload, { allowService: true }), requestId: String(payload.rid) };
  } catch (error) {
    throw toTokenError(error);
  }
}

/**
 * A service's own assertion, for a call from one subgraph to another. It carries no user: the
 * receiving subgraph gives it only what services may read (never personal data).
 */
export async function signServiceAssertion(service: string, requestId: string, secret: string): Promise<string> {
  return new SignJWT({ role: SERVICE_ROLE, name: service, rid: requestId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(`service:${service}`)
    .setIssuer(ASSERTION_ISSUER)
    .setAudience(ASSERTION_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('2m')
    .sign(key(secret));
}

/** The actor that verified claims (sub, role, name, team) name; a TokenError when they name none. */
export function actorFromClaims(payload: Record<string, unknown>, options: { allowService?: boolean } = {}): Actor {
  const { sub, role, name, team } = payload;
  if (typeof sub !== 'string' || sub.length === 0) throw new TokenError('The token has no subject.');
  if (options.allowService && role === SERVICE_ROLE && typeof name === 'string') return { id: sub, role, name };
  if (!isActorRole(role)) throw new TokenError('The token has no valid role.');
  if (typeof name !== 'string' || name.length === 0) throw new TokenError('The token has no name.');
  const actor: Actor = { id: sub, role, name };
  if (isStaff(actor)) {
    if (typeof team !== 'string' || team.length === 0) throw new TokenError('A staff token must name a team.');
    actor.team = team;
  }
  return actor;
}

function toTokenError(error: unknown): TokenError {
  if (error instanceof TokenError) return error;
  if (error instanceof joseErrors.JWTExpired) return new TokenError('The token has expired; sign in again.');
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return new TokenError('The token signature is not valid.');
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return new TokenError(`The token is missing or has a wrong "${error.claim}" claim.`);
  return new TokenError('The token is malformed.');
}
