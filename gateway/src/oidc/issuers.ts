import { createRemoteJWKSet, errors as joseErrors, JWTPayload, jwtVerify } from 'jose';
import { TokenError } from '@jobcenter/kit/identity';
import type { IssuerConfig } from './config';

/** Signature algorithms accepted from a provider: asymmetric only, so a public key never signs (no HS256, no `none`). */
export const PROVIDER_ALGORITHMS = ['RS256', 'PS256', 'ES256'];
/** Clock skew tolerated on `exp`, `nbf` and `iat`. */
export const CLOCK_SKEW_SECONDS = 60;
/** An unknown `kid` refetches the key set at most this often (jose's cooldown). */
export const JWKS_COOLDOWN_MS = 30_000;
const FETCH_TIMEOUT_MS = 5000;

/** The parts of a provider's discovery document the gateway uses. */
export interface ProviderMetadata {
  issuer: string;
  jwks_uri: string;
  authorization_endpoint?: string;
  token_endpoint?: string;
  end_session_endpoint?: string;
  [key: string]: unknown;
}

/**
 * One provider the gateway trusts: its discovery document and key set, fetched on first use and
 * kept. Keys already fetched stay in use while the provider is unreachable (no maximum cache age);
 * a token with a `kid` not in the set refetches it (at most once per 30 s), so a key rotation at
 * the provider needs no restart. A provider that cannot be reached when keys are needed fails
 * closed: the token is refused.
 */
export class TrustedIssuer {
  private metadataPromise?: Promise<{ metadata: ProviderMetadata; keys: ReturnType<typeof createRemoteJWKSet> }>;

  constructor(
    readonly kind: 'staff' | 'citizen',
    readonly config: IssuerConfig,
  ) {}

  /** The discovery document; fetched once (a failed fetch is retried by the next caller). */
  async metadata(): Promise<ProviderMetadata> {
    return (await this.discovered()).metadata;
  }

  private discovered() {
    this.metadataPromise ??= this.discover().catch((error) => {
      this.metadataPromise = undefined;
      throw error;
    });
    return this.metadataPromise;
  }

  private async discover() {
    const url = `${this.config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`discovery answered ${response.status}`);
    const metadata = (await response.json()) as ProviderMetadata;
    if (metadata.issuer !== this.config.issuer) throw new Error('discovery names another issuer');
    if (typeof metadata.jwks_uri !== 'string') throw new Error('discovery has no jwks_uri');
    const keys = createRemoteJWKSet(new URL(metadata.jwks_uri), {
      cooldownDuration: JWKS_COOLDOWN_MS,
      cacheMaxAge: Number.POSITIVE_INFINITY,
      timeoutDuration: FETCH_TIMEOUT_MS,
    });
    return { metadata, keys };
  }

  /** Whether an (unverified) token says it is for this issuer and audience; only picks the verifier. */
  claims(payload: JWTPayload): boolean {
    if (payload.iss !== this.config.issuer) return false;
    const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    return aud.some((a) => typeof a === 'string' && this.config.audience.includes(a));
  }

  /**
   * The verified claims of a token from this provider. Every refusal is a TokenError whose
   * message names no key, claim or value (the reason goes to the gateway's log as `reason`).
   */
  async verify(token: string): Promise<JWTPayload> {
    let keys;
    try {
      keys = (await this.discovered()).keys;
    } catch (error) {
      throw new ProviderUnavailable(this.kind, error);
    }
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: PROVIDER_ALGORITHMS,
        clockTolerance: CLOCK_SKEW_SECONDS,
        requiredClaims: ['sub', 'exp'],
      });
      return payload;
    } catch (error) {
      throw refusal(this.kind, error);
    }
  }
}

/** The provider's keys could not be fetched: nothing from it can be checked, so nothing is let in. */
export class ProviderUnavailable extends TokenError {
  constructor(
    kind: string,
    readonly reason: unknown,
  ) {
    super(`The ${kind === 'citizen' ? 'citizen' : 'staff'} sign-in service cannot be reached right now; try again shortly.`);
  }
}

function refusal(kind: string, error: unknown): TokenError {
  if (error instanceof joseErrors.JWTExpired) return new TokenError('Your sign-in has expired; sign in again.');
  if (error instanceof joseErrors.JWKSTimeout || (error instanceof Error && !(error instanceof joseErrors.JOSEError))) {
    return new ProviderUnavailable(kind, error);
  }
  return new TokenError('The token is not a valid sign-in for this service; sign in again.');
}
