import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import { Actor, gatewayAssertionSecret, signGatewayAssertion } from '@jobcenter/kit/identity';
import { unauthenticated } from '@jobcenter/kit/errors';
import type { Logger } from '@jobcenter/kit/logger';
import { userTokens, UserTokens } from './oidc';
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
 * Verifies the caller's bearer token (a trusted OpenID provider's, or in development the HS256
 * token under AUTH_JWT_SECRET, living no longer than AUTH_MAX_TOKEN_LIFETIME_SECONDS: oidc/) or,
 * without an Authorization header, the workbench's session cookie (session/), and signs the
 * assertion the subgraphs require. No valid token or session, no request.
 */
export function createGatewayContext(logger: Logger, sessions?: WorkbenchSessions, tokens: UserTokens = userTokens()) {
  const assertionSecret = gatewayAssertionSecret();
  return async ({ req }: { req: IncomingMessage }): Promise<GatewayContext> => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    const header = req.headers.authorization;
    const session = header === undefined ? await sessions?.authenticate(req) : undefined;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!session && !match) throw unauthenticated('Sign in: send your token as "Authorization: Bearer <token>".');
    const actor =
      session?.actor ??
      // A client sends the same token with every request until it expires: verified once (oidc/).
      (await tokens.verify(match![1]).catch((error: Error) => {
        const cause = 'reason' in error && error.reason instanceof Error ? error.reason.message : undefined;
        logger.info({ requestId, reason: error.message, cause }, 'token refused');
        // FORBIDDEN (a citizen the register does not know) and an unreachable citizens service pass as they are.
        if (error instanceof GraphQLError) throw error;
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
