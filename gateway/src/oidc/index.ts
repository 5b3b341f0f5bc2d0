import { decodeJwt, decodeProtectedHeader } from 'jose';
import { Actor, authJwtSecret, cacheVerified, maxTokenLifetimeSeconds, TokenError, verifyUserToken } from '@jobcenter/kit/identity';
import { ActorDirectory, citizenActor, citizensDirectory, staffActor } from './actors';
import { OidcConfig, oidcConfig } from './config';
import { TrustedIssuer } from './issuers';
import { SUBGRAPHS, subgraphUrl } from '../subgraphs';

export { oidcConfig } from './config';
export type { IssuerConfig, OidcConfig } from './config';
export { ProviderUnavailable, TrustedIssuer } from './issuers';
export { citizensDirectory } from './actors';
export type { ActorDirectory } from './actors';

export interface UserTokens {
  /** The actor a bearer token stands for; a TokenError (401) or a GraphQLError (403, 503) otherwise. */
  verify(token: string): Promise<Actor>;
  /** The trusted providers, for the workbench's sign-in (session/). */
  staff?: TrustedIssuer;
  citizen?: TrustedIssuer;
  config: OidcConfig;
}

/**
 * How the gateway recognises a user's bearer token (issue 16, docs/sign-in.md): a token from a
 * trusted OpenID provider (OIDC_ISSUER for staff, CITIZEN_OIDC_ISSUER for citizens) is verified
 * against that provider's published keys and mapped to our actor (staff by e-mail and role,
 * citizens by CPR); the development HS256 token under AUTH_JWT_SECRET only where
 * `config.sharedSecretTokens` allows it. The result is kept per token until it expires, so the
 * mapping is asked for once per token.
 */
export function userTokens(options: { config?: OidcConfig; citizensUrl?: string; directory?: ActorDirectory } = {}): UserTokens {
  const config = options.config ?? oidcConfig();
  const citizensDefault = SUBGRAPHS.find((s) => s.name === 'citizens')!.defaultUrl;
  const directory = options.directory ?? citizensDirectory(options.citizensUrl ?? subgraphUrl('citizens', citizensDefault));
  const staff = config.staff && new TrustedIssuer('staff', config.staff);
  const citizen = config.citizen && new TrustedIssuer('citizen', config.citizen);
  const userSecret = config.sharedSecretTokens ? authJwtSecret() : undefined;
  const maxLifetime = maxTokenLifetimeSeconds();

  const verifyOnce = async (token: string): Promise<Actor> => {
    let payload;
    try {
      decodeProtectedHeader(token);
      payload = decodeJwt(token);
    } catch {
      throw new TokenError('The token is malformed.');
    }
    // The unverified claims only choose which provider checks the token; that check decides.
    if (staff?.claims(payload)) return staffActor(await staff.verify(token), config, directory);
    if (citizen?.claims(payload)) return citizenActor(await citizen.verify(token), config, directory);
    if (userSecret) return verifyUserToken(token, userSecret, maxLifetime);
    throw new TokenError('The token is not a valid sign-in for this service; sign in again.');
  };
  return { verify: cacheVerified(verifyOnce), staff, citizen, config };
}
