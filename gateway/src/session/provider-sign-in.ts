import type { IncomingMessage } from 'node:http';
import type { Express, Request, Response } from 'express';
import { decodeJwt, EncryptJWT, jwtDecrypt } from 'jose';
import { BaseClient, generators, Issuer } from 'openid-client';
import { parseCookie, stringifySetCookie } from 'cookie';
import { Actor, TokenError } from '@jobcenter/kit/identity';
import type { Logger } from '@jobcenter/kit/logger';
import type { TrustedIssuer, UserTokens } from '../oidc';
import { secureCookies } from './cookie';

/** The short-lived cookie that carries one sign-in's PKCE verifier, state and nonce to the callback. */
export const FLOW_COOKIE = 'jc_sign_in';
const FLOW_SECONDS = 600;
const CALLBACK = '/auth/callback';

type Kind = 'staff' | 'citizen';
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

  constructor(
    private readonly tokens: UserTokens,
    private readonly key: Uint8Array,
    private readonly logger: Logger,
    private readonly origin: (req: Request) => string,
  ) {}

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

  routes(
    app: Express,
    signIn: (req: IncomingMessage, res: Response, actor: Actor) => Promise<unknown>,
    localPath: (p: unknown) => string | undefined,
  ) {
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
        await signIn(req, res, actor);
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
      try {
        const client = this.has(kind) ? await this.client(kind) : undefined;
        if (!client?.issuer.metadata.end_session_endpoint) return void res.redirect(303, '/sign-in');
        res.redirect(303, client.endSessionUrl({ post_logout_redirect_uri: signedOut, client_id: client.metadata.client_id }));
      } catch {
        res.redirect(303, '/sign-in');
      }
    });
  }
}

/** The flow cookie: HttpOnly, only sent to the callback; Lax, since the provider's redirect back is a cross-site navigation. */
function flowCookie(req: IncomingMessage, value: string, maxAge: number): string {
  const secure = secureCookies(req);
  return stringifySetCookie({ name: FLOW_COOKIE, value, httpOnly: true, sameSite: 'lax', path: CALLBACK, secure, maxAge });
}
