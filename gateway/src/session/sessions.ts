import { randomUUID } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import { Actor, actorFromClaims } from '@jobcenter/kit/identity';
import type { RevocationStore } from './revocations';

const ISSUER = 'jobcenter-gateway';
const AUDIENCE = 'jobcenter-workbench';
/** A working day: after 8 hours the person signs in again. */
export const DEFAULT_SESSION_SECONDS = 8 * 60 * 60;

/** A signed-in person's session, as the sealed cookie carries it. */
export interface Session {
  id: string;
  actor: Actor;
  expiresAt: Date;
  /** Which identity provider signed the person in (its tokens are kept server-side: provider-tokens.ts); absent for development tickets. */
  provider?: 'staff' | 'citizen';
}

export interface SessionStart {
  /** An earlier end than SESSION_SECONDS: the provider's tokens cap the session. */
  until?: Date;
  provider?: 'staff' | 'citizen';
}

/**
 * Sessions as sealed cookies: the actor, a session id and the expiry, encrypted and
 * authenticated with A256GCM (JWE `dir`, jose). Any gateway replica with the same secret opens
 * them without a shared store; sign-out lists the session id in the revocation store until the
 * cookie would have expired anyway.
 */
export class SessionSealer {
  constructor(
    private readonly key: Uint8Array,
    private readonly revocations: RevocationStore,
    private readonly seconds = DEFAULT_SESSION_SECONDS,
  ) {}

  async start(actor: Actor, options: SessionStart = {}): Promise<{ session: Session; sealed: string }> {
    const id = randomUUID();
    const longest = (Math.floor(Date.now() / 1000) + this.seconds) * 1000;
    const until = options.until ? Math.floor(options.until.getTime() / 1000) * 1000 : longest;
    const expiresAt = new Date(Math.min(longest, until));
    const claims = actorClaims(actor);
    if (options.provider) claims.idp = options.provider;
    const sealed = await new EncryptJWT(claims)
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setSubject(actor.id)
      .setJti(id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(expiresAt.getTime() / 1000)
      .encrypt(this.key);
    const session: Session = { id, actor: { ...actor }, expiresAt };
    if (options.provider) session.provider = options.provider;
    return { session, sealed };
  }

  /** The session the cookie value holds, or undefined when it is forged, expired or signed out. */
  async open(sealed: string): Promise<Session | undefined> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtDecrypt(sealed, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        keyManagementAlgorithms: ['dir'],
        contentEncryptionAlgorithms: ['A256GCM'],
        requiredClaims: ['sub', 'jti', 'exp'],
      }));
    } catch {
      return undefined;
    }
    const actor = actorOf(payload);
    if (!actor || (await this.revocations.isRevoked(String(payload.jti)))) return undefined;
    const session: Session = { id: String(payload.jti), actor, expiresAt: new Date(Number(payload.exp) * 1000) };
    if (payload.idp === 'staff' || payload.idp === 'citizen') session.provider = payload.idp;
    return session;
  }

  async end(session: Session): Promise<void> {
    await this.revocations.revoke(session.id, session.expiresAt);
  }
}

/** The actor a sealed session or a sign-in ticket names, or undefined. */
export function actorOf(payload: Record<string, unknown>): Actor | undefined {
  try {
    return actorFromClaims(payload);
  } catch {
    return undefined;
  }
}

/** The claims that name an actor, for a sealed session or a ticket. */
export function actorClaims(actor: Actor): Record<string, unknown> {
  const claims: Record<string, unknown> = { role: actor.role, name: actor.name };
  if (actor.team) claims.team = actor.team;
  return claims;
}
