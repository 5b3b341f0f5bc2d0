import type { IncomingMessage } from 'node:http';
import type { Express, Request, Response } from 'express';
import { decodeJwt, EncryptJWT, jwtDecrypt } from 'jose';
import { BaseClient, generators, Issuer, TokenSet } from 'openid-client';
import { parseCookie, stringifySetCookie } from 'cookie';
import { Actor, TokenError } from '@jobcenter/kit/identity';
import type { Logger } from '@jobcenter/kit/logger';
import type { TrustedIssuer, UserTokens } from '../oidc';
import { secureCookies } from './cookie';
import type { ProviderTokens, ProviderTokenStore } from './provider-tokens';
import type { Session, SessionStart } from './sessions';

/** The short-lived cookie that carries one sign-in's PKCE verifier, state and nonce to the callback. */
export const FLOW_COOKIE = 'jc_sign_in';
const FLOW_SECONDS = 600;
const CALLBACK = '/auth/callback';
/** Refresh this long before the provider's token runs out at most (less for short-lived tokens: a quarter of their life). */
const REFRESH_MARGIN_MS = 60_000;
/** After a refresh that could not reach the provider, the next try waits this long (the token is still valid meanwhile). */
const RETRY_MS = 5_000;

type Kind = 'staff' | 'citizen';
type SignInCallback = (req: IncomingMessage, res: Response, actor: Actor, options: SessionStart) => Promise<Session>;
interface Flow {
  kind: Kind;
  verifier: string;
  state: string;
  nonce: string;
  returnTo: string;
}

/**
 * The workbench's sign-in at the identity providers (issue 16, docs/sign-in.md): the
 * authorization code flow with PKCE, done here on the server with `openid-client`.
 * `GET /auth/sign-in?kind=staff|citizen&returnTo=` sends the browser to the provider;
 * `GET /auth/callback` exchanges the code, checks the ID token exactly as a bearer token is
 * checked (oidc/: keys, algorithms, issuer, audience, expiry, and the mapping to our actor) plus
 * its nonce, and starts the session. Provider tokens never leave the server; the browser ends up
 * with the session cookie only.
 */
export class ProviderSignIn {
  private readonly clients = new Map<Kind, Promise<BaseClient>>();
  /** One refresh per session at a time in this process; concurrent requests wait for it. */
  private readonly refreshing = new Map<string, Promise<boolean>>();
  private readonly retryAfter = new Map<string, number>();

  constructor(
    private readonly tokens: UserTokens,
    private readonly key: Uint8Array,
    private readonly logger: Logger,
    private readonly origin: (req: Request) => string,
    private readonly store: ProviderTokenStore,
  ) {}

  /**
   * Keeps a provider session's tokens fresh: when the ID/access token is within its refresh
   * margin, the refresh token is redeemed at the provider (server to server) and the new ID
   * token checked as at sign-in. false: the session is over (no tokens kept, the refresh was
   * refused, the person is no longer the same actor, or the token ran out while the provider
   * could not be reached); the caller ends it with "session expired".
   */
  async keepFresh(session: Session): Promise<boolean> {
    if (!session.provider) return true;
    const kept = await this.store.get(session.id);
    if (!kept) return false;
    const now = Date.now();
    const margin = Math.min(REFRESH_MARGIN_MS, (kept.expiresAt - kept.issuedAt) / 4);
    if (kept.expiresAt - now > margin) return true;
    if ((this.retryAfter.get(session.id) ?? 0) > now) {
      // The provider could not be reached a moment ago: the session lives while its token does.
      if (kept.expiresAt > now) return true;
      await this.forget(session.id);
      return false;
    }
    let running = this.refreshing.get(session.id);
    if (!running) {
      running = this.refresh(session, kept).finally(() => this.refreshing.delete(session.id));
      this.refreshing.set(session.id, running);
    }
    return running;
  }

  /** Forgets a session's provider tokens (sign-out, expiry). */
  async forget(sessionId: string): Promise<void> {
    this.retryAfter.delete(sessionId);
    await this.store.delete(sessionId);
  }

  private async refresh(session: Session, kept: ProviderTokens): Promise<boolean> {
    const end = async (reason: string) => {
      this.logger.info(
        { actor: session.actor.id, session: session.id, kind: kept.kind, reason },
        'provider session could not be refreshed',
      );
      await this.forget(session.id);
      return false;
    };
    if (!kept.refreshToken) return end('no refresh token');
    let tokenSet: TokenSet;
    try {
      const client = await this.client(kept.kind);
      tokenSet = await client.grant({ grant_type: 'refresh_token', refresh_token: kept.refreshToken });
    } catch (error) {
      const err = error as Error & { error?: string };
      // The provider said no (invalid_grant: the grant was revoked, the account disabled, the refresh token expired).
      if (err.error) return end(`the provider answered ${err.error}`);
      // It could not be reached: the session lives on while its token does, and is tried again shortly.
      this.retryAfter.set(session.id, Date.now() + RETRY_MS);
      if (kept.expiresAt > Date.now()) {
        this.logger.warn({ session: session.id, reason: err.message }, 'provider unreachable for a refresh; trying again shortly');
        return true;
      }
      return end(`provider unreachable: ${err.message}`);
    }
    try {
      if (tokenSet.id_token) {
        const actor = await this.tokens.verify(tokenSet.id_token);
        if (actor.id !== session.actor.id || actor.role !== session.actor.role) return end('the refreshed sign-in names another actor');
      }
    } catch (error) {
      return end((error as Error).message);
    }
    await this.store.put(session.id, providerTokens(kept.kind, tokenSet, kept.refreshToken), session.expiresAt);
    this.retryAfter.delete(session.id);
    this.logger.info({ actor: session.actor.id, session: session.id, kind: kept.kind }, 'provider session refreshed');
    return true;
  }

  /** Whether a provider is configured for this kind of person. */
  has(kind: Kind): boolean {
    return Boolean(this.tokens[kind]);
  }

  private client(kind: Kind): Promise<BaseClient> {
    let client = this.clients.get(kind);
    if (!client) {
      const trusted = this.tokens[kind] as TrustedIssuer;
      client = (async () => {
        const issuer = new Issuer((await trusted.metadata()) as ConstructorParameters<typeof Issuer>[0]);
        const { clientId, clientSecret } = trusted.config;
        return new issuer.Client({
          client_id: clientId,
          ...(clientSecret ? { client_secret: clientSecret } : { token_endpoint_auth_method: 'none' }),
          response_types: ['code'],
        });
      })().catch((error) => {
        this.clients.delete(kind);
        throw error;
      });
      this.clients.set(kind, client);
    }
    return client;
  }

  routes(app: Express, signIn: SignInCallback, localPath: (p: unknown) => string | undefined) {
    app.get('/auth/sign-in', async (req, res) => {
      const kind: Kind = req.query.kind === 'citizen' ? 'citizen' : 'staff';
      if (!this.has(kind)) {
        res.status(404).type('text/plain').send(`No ${kind} sign-in is configured here.\n`);
        return;
      }
      try {
        const client = await this.client(kind);
        const flow: Flow = {
          kind,
          verifier: generators.codeVerifier(),
          state: generators.state(),
          nonce: generators.nonce(),
          returnTo: localPath(req.query.returnTo) ?? '/',
        };
        const sealed = await new EncryptJWT({ ...flow })
          .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
          .setExpirationTime(`${FLOW_SECONDS}s`)
          .encrypt(this.key);
        res.append('Set-Cookie', flowCookie(req, sealed, FLOW_SECONDS));
        res.redirect(
          303,
          client.authorizationUrl({
            scope: (this.tokens[kind] as TrustedIssuer).config.scopes,
            redirect_uri: `${this.origin(req)}${CALLBACK}`,
            code_challenge: generators.codeChallenge(flow.verifier),
            code_challenge_method: 'S256',
            state: flow.state,
            nonce: flow.nonce,
            // Passed on (a standard hint: the e-mail field prefilled at Entra ID; the development provider's demo person).
            ...(typeof req.query.login_hint === 'string' && req.query.login_hint ? { login_hint: req.query.login_hint.slice(0, 200) } : {}),
          }),
        );
      } catch (error) {
        this.logger.warn({ kind, reason: (error as Error).message }, 'identity provider unreachable for sign-in');
        res.status(503).type('text/plain').send('The sign-in service cannot be reached right now; try again shortly.\n');
      }
    });

    app.get(CALLBACK, async (req, res) => {
      res.append('Set-Cookie', flowCookie(req, '', 0));
      const refuse = (status: number, message: string) => res.status(status).type('text/plain').send(`${message}\nStart again: /sign-in\n`);
      const sealed = req.headers.cookie ? parseCookie(req.headers.cookie)[FLOW_COOKIE] : undefined;
      const flow = sealed
        ? await jwtDecrypt(sealed, this.key).then(
            (r) => r.payload as unknown as Flow,
            () => undefined,
          )
        : undefined;
      if (!flow) return void refuse(401, 'This sign-in has expired or was started elsewhere.');
      try {
        const client = await this.client(flow.kind);
        const params = client.callbackParams(req);
        if (params.error) throw new Error(`the provider answered ${params.error}`);
        if (params.state !== flow.state) throw new Error('state mismatch');
        if (params.iss !== undefined && params.iss !== client.issuer.metadata.issuer) throw new Error('iss mismatch');
        if (!params.code) throw new Error('no code');
        // The code exchange with the PKCE verifier (openid-client authenticates the client); the ID token
        // is then checked by oidc/ exactly as a bearer token is (keys, algorithms, iss, aud, exp, actor).
        const tokenSet = await client.grant({
          grant_type: 'authorization_code',
          code: params.code,
          redirect_uri: `${this.origin(req)}${CALLBACK}`,
          code_verifier: flow.verifier,
        });
        if (!tokenSet.id_token) throw new Error('no ID token');
        const actor = await this.tokens.verify(tokenSet.id_token);
        if (decodeJwt(tokenSet.id_token).nonce !== flow.nonce) throw new Error('nonce mismatch');
        if ((flow.kind === 'citizen') !== (actor.role === 'CITIZEN')) throw new Error('kind mismatch');
        // The session lasts no longer than the provider's tokens allow: without a refresh token, until the
        // ID/access token expires; with one, until a refresh is refused (or its own lifetime, when the provider says it).
        const kept = providerTokens(flow.kind, tokenSet);
        const refreshExpiresIn = Number(tokenSet.refresh_expires_in);
        const until = !kept.refreshToken
          ? new Date(kept.expiresAt)
          : refreshExpiresIn > 0
            ? new Date(Date.now() + refreshExpiresIn * 1000)
            : undefined;
        const session = await signIn(req, res, actor, { provider: flow.kind, until });
        await this.store.put(session.id, kept, session.expiresAt);
        res.redirect(303, flow.returnTo);
      } catch (error) {
        const err = error as Error & { extensions?: { code?: string } };
        this.logger.info({ kind: flow.kind, reason: err.message }, 'provider sign-in refused');
        if (err.extensions?.code === 'FORBIDDEN') return void refuse(403, err.message);
        refuse(401, `The sign-in did not complete.${error instanceof TokenError ? ` ${err.message}` : ''}`);
      }
    });

    // RP-initiated logout: after POST /auth/sign-out the page navigates here to end the provider's session too.
    app.get('/auth/sign-out/provider', async (req, res) => {
      const kind: Kind = req.query.kind === 'citizen' ? 'citizen' : 'staff';
      const signedOut = `${this.origin(req)}/sign-in`;
      const back = '/sign-in?signedOut=1';
      try {
        const client = this.has(kind) ? await this.client(kind) : undefined;
        if (!client?.issuer.metadata.end_session_endpoint) return void res.redirect(303, back);
        // `state` comes back on the redirect to /sign-in, where the page says "you are signed out".
        res.redirect(
          303,
          client.endSessionUrl({ post_logout_redirect_uri: signedOut, client_id: client.metadata.client_id, state: 'signed-out' }),
        );
      } catch {
        res.redirect(303, back);
      }
    });
  }
}

/** What is kept of a token response: the refresh token (a refresh may omit it: the old one stays) and the expiry. */
function providerTokens(kind: Kind, tokenSet: TokenSet, previousRefreshToken?: string): ProviderTokens {
  const now = Date.now();
  const expiries = [tokenSet.expires_at ? tokenSet.expires_at * 1000 : undefined];
  if (tokenSet.id_token) expiries.push(Number(decodeJwt(tokenSet.id_token).exp) * 1000 || undefined);
  const known = expiries.filter((e): e is number => typeof e === 'number' && Number.isFinite(e));
  return {
    kind,
    refreshToken: tokenSet.refresh_token ?? previousRefreshToken,
    expiresAt: known.length ? Math.min(...known) : now + 5 * 60_000,
    issuedAt: now,
  };
}

/** The flow cookie: HttpOnly, only sent to the callback; Lax, since the provider's redirect back is a cross-site navigation. */
function flowCookie(req: IncomingMessage, value: string, maxAge: number): string {
  const secure = secureCookies(req);
  return stringifySetCookie({ name: FLOW_COOKIE, value, httpOnly: true, sameSite: 'lax', path: CALLBACK, secure, maxAge });
}
