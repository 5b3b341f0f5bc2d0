import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Actor, authJwtSecret, cacheVerified, gatewayAssertionSecret, signGatewayAssertion, verifyUserToken } from '@jobcenter/kit/identity';
import { unauthenticated } from '@jobcenter/kit/errors';
import type { Logger } from '@jobcenter/kit/logger';
import type { WorkbenchSessions } from './session';

export interface GatewayContext {
  actor: Actor;
  requestId: string;
  /** Signed proof for the subgraphs that this request passed the gateway as `actor`. */
  assertion: string;
  logger: Logger;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * Verifies the caller's bearer token (HS256, AUTH_JWT_SECRET, claims sub/role/name/team/exp)
 * or, without an Authorization header, the workbench's session cookie (session/), and signs the
 * assertion the subgraphs require. No valid token or session, no request.
 */
export function createGatewayContext(logger: Logger, sessions?: WorkbenchSessions) {
  const userSecret = authJwtSecret();
  const assertionSecret = gatewayAssertionSecret();
  // A client sends the same token with every request until it expires: verify it once.
  const verify = cacheVerified((token: string) => verifyUserToken(token, userSecret));
  return async ({ req }: { req: IncomingMessage }): Promise<GatewayContext> => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    const header = req.headers.authorization;
    const session = header === undefined ? await sessions?.authenticate(req) : undefined;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!session && !match) throw unauthenticated('Sign in: send your token as "Authorization: Bearer <token>".');
    const actor =
      session?.actor ??
      (await verify(match![1]).catch((error: Error) => {
        logger.info({ requestId, reason: error.message }, 'token refused');
        throw unauthenticated(error.message);
      }));
    return {
      actor,
      requestId,
      assertion: await signGatewayAssertion(actor, requestId, assertionSecret),
      logger: logger.child({ requestId, actor: actor.id, role: actor.role }),
    };
  };
}
