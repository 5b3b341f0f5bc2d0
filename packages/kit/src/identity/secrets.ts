import { setting } from '../config';

/**
 * Secrets for the two kinds of token. Development defaults let a fresh clone run; production
 * (NODE_ENV=production) refuses to start without real secrets, so a default can never sign
 * a real citizen's data.
 */
const DEV_AUTH_SECRET = 'development-only-auth-secret-change-me-0123456789';
const DEV_GATEWAY_SECRET = 'development-only-gateway-secret-change-me-0123456789';

/** The secret when set (32+ characters; required in production: config.ts), else the development one. */
function secretFromEnv(name: 'AUTH_JWT_SECRET' | 'GATEWAY_ASSERTION_SECRET', devDefault: string): string {
  return setting(name) ?? devDefault;
}

/** Secret that signs users' bearer tokens (HS256), shared by the identity provider and the gateway. */
export function authJwtSecret(): string {
  return secretFromEnv('AUTH_JWT_SECRET', DEV_AUTH_SECRET);
}

/**
 * Secret that the gateway signs its actor assertions with. Only the gateway and the subgraphs
 * hold it: a user's own token, sent straight to a subgraph, is not an assertion.
 */
export function gatewayAssertionSecret(): string {
  return secretFromEnv('GATEWAY_ASSERTION_SECRET', DEV_GATEWAY_SECRET);
}
