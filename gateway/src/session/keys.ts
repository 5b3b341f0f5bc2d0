import { hkdfSync } from 'node:crypto';
import { authJwtSecret } from '@jobcenter/kit/identity';
import { setting } from '@jobcenter/kit/config';

/**
 * The workbench's keys, each derived with HKDF-SHA256 from one secret: SESSION_SECRET when set
 * (32+ characters), else AUTH_JWT_SECRET, which every gateway replica already holds (and
 * production already requires). A separate `info` per use keeps the keys apart: a dev sign-in
 * ticket can never be opened as a session cookie, nor a user's bearer token as either.
 */
export interface SessionKeys {
  /** A256GCM key that seals the session cookie (JWE, `dir`). */
  cookie: Uint8Array;
  /** HS256 key that signs development sign-in tickets. */
  ticket: Uint8Array;
  /** A256GCM key that seals a provider sign-in's PKCE verifier, state and nonce until the callback. */
  flow: Uint8Array;
}

export function sessionKeys(secret = rootSecret()): SessionKeys {
  const derive = (info: string) => new Uint8Array(hkdfSync('sha256', secret, 'jobcenter-workbench', info, 32));
  return { cookie: derive('session cookie v1'), ticket: derive('dev sign-in ticket v1'), flow: derive('provider sign-in flow v1') };
}

function rootSecret(): string {
  const own = setting('SESSION_SECRET');
  if (own && own.length > 0) {
    if (own.length < 32) throw new Error('SESSION_SECRET must be at least 32 characters');
    return own;
  }
  return authJwtSecret();
}
