import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, JWK } from 'jose';

/** A person the development provider signs in: staff by e-mail and roles, citizens by CPR. */
export interface DevAccount {
  /** The provider's subject (`sub`). */
  id: string;
  name: string;
  email?: string;
  roles?: string[];
  cpr?: string;
}

export interface DevClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
  post_logout_redirect_uris?: string[];
  /** Default: the code flow and refresh tokens; without `refresh_token` the client gets none. */
  grant_types?: string[];
}

export interface DevProviderOptions {
  port?: number;
  accounts: DevAccount[];
  clients: DevClient[];
  /** Signing keys (private JWKs with `kid`); the first signs. Default: one fresh RS256 key. */
  keys?: JWK[];
  idTokenTtlSeconds?: number;
  accessTokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  /**
   * The host name in the issuer URL (default 127.0.0.1; it listens on 127.0.0.1 either way).
   * `localhost` keeps the provider's cookies apart from a workbench on 127.0.0.1 in one browser.
   */
  host?: string;
}

export type DevProviderChange = Partial<Pick<DevProviderOptions, 'keys' | 'clients' | 'accounts'>>;

export interface DevProvider {
  issuer: string;
  /**
   * Replaces the signing keys (the first signs new tokens: key rotation), the clients and/or the
   * accounts (one removed: its person is disabled, its refresh tokens refused) without restarting.
   */
  reconfigure(change: DevProviderChange): void;
  close(): Promise<void>;
}

/** A fresh private signing key for the provider (RS256 unless told). */
export async function newSigningKey(alg: 'RS256' | 'PS256' | 'ES256' = 'RS256'): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: randomBytes(8).toString('hex'), alg, use: 'sig' };
}

/** The provider's "sign out?" page (RP-initiated logout): one button, the provider's own form and its CSRF field. */
function logoutSource(ctx: { body: string }, form: string): void {
  ctx.body =
    `<!doctype html><html lang="en"><title>Sign out</title><h1>Sign out of the development provider?</h1>` +
    `${form}<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button></html>`;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A real OpenID provider (the `oidc-provider` package) for development and the tests: the code
 * flow with PKCE, discovery, JWKS, refresh tokens and RP-initiated logout, with a sign-in page
 * that lists the demo accounts instead of asking for a password. Consent is implied (the
 * workbench is the only client). Not for production: anyone who reaches it signs in as anyone.
 */
export async function startDevProvider(options: DevProviderOptions): Promise<DevProvider> {
  // oidc-provider is an ES module; Node loads it with require() (Node >= 20.19).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Provider = require('oidc-provider').default;
  let accounts = new Map(options.accounts.map((a) => [a.id, a]));
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://${options.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`;
  const cookieKeys = [randomBytes(32).toString('hex')];

  let clients = options.clients;
  const build = (keys: JWK[]) =>
    new Provider(issuer, {
      clients: clients.map((c) => ({
        ...c,
        grant_types: c.grant_types ?? ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: keys[0].alg ?? 'RS256',
      })),
      jwks: { keys },
      cookies: { keys: cookieKeys },
      scopes: ['openid', 'offline_access', 'email', 'profile', 'roles', 'cpr'],
      claims: { openid: ['sub'], email: ['email'], profile: ['name'], roles: ['roles'], cpr: ['cpr'] },
      // The claims of the granted scopes go into the ID token itself, as Entra ID and brokers do.
      conformIdTokenClaims: false,
      features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true, logoutSource } },
      ttl: {
        IdToken: options.idTokenTtlSeconds ?? 3600,
        AccessToken: options.accessTokenTtlSeconds ?? 3600,
        RefreshToken: options.refreshTokenTtlSeconds ?? 86400,
        Session: 86400,
        Grant: 86400,
      },
      interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
      // Refresh tokens for the code flow whenever the client may use them (the workbench refreshes sessions).
      // Every refresh hands out a new refresh token and a reused one revokes the grant, as Entra ID and
      // Keycloak (with rotation on) do: a relying party that refreshes twice at once loses the session.
      rotateRefreshToken: () => true,
      issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(t: string): boolean }) =>
        client.grantTypeAllowed('refresh_token'),
      async loadExistingGrant(ctx: any) {
        const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
        if (grantId) return ctx.oidc.provider.Grant.find(grantId);
        const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
        grant.addOIDCScope('openid offline_access email profile roles cpr');
        await grant.save();
        return grant;
      },
      async findAccount(_ctx: unknown, id: string) {
        const account = accounts.get(id);
        if (!account) return undefined;
        return {
          accountId: id,
          claims: async () => ({ sub: id, name: account.name, email: account.email, roles: account.roles, cpr: account.cpr }),
        };
      },
      pkce: { required: () => true },
    });

  let keys = options.keys ?? [await newSigningKey()];
  let provider = build(keys);

  server.on('request', (req, res) => {
    const current = provider;
    const pathname = new URL(req.url ?? '/', issuer).pathname;
    // Browsers ask every host for an icon; a 404 would be a console error on the sign-in page.
    if (pathname === '/favicon.ico') return void res.writeHead(204).end();
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(pathname);
    if (!match) return void current.callback()(req, res);
    void interaction(current, req, res, Boolean(match[2])).catch(() => {
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('This sign-in has expired; start again from the workbench.');
    });
  });

  async function interaction(current: any, req: http.IncomingMessage, res: http.ServerResponse, login: boolean) {
    const details = await current.interactionDetails(req, res);
    if (login && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const accountId = new URLSearchParams(body).get('account') ?? '';
      if (!accounts.has(accountId)) throw new Error('unknown account');
      return current.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
    }
    // login_hint (the workbench's development links): that person first, the default button.
    const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint : '';
    const listed = [...accounts.values()].sort(
      (a, b) => Number(b.id === hint || b.email === hint) - Number(a.id === hint || a.email === hint),
    );
    const buttons = listed
      .map((a) => {
        const who = a.cpr ? `citizen, CPR ${a.cpr.slice(0, 6)}-${a.cpr.slice(6)}` : `${a.email}, ${a.roles?.join(', ') ?? ''}`;
        const first = a.id === hint || a.email === hint ? ' autofocus' : '';
        return `<li><button name="account" value="${escapeHtml(a.id)}"${first}>${escapeHtml(a.name)}</button> (${escapeHtml(who)})</li>`;
      })
      .join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(
      `<!doctype html><html lang="en"><title>Development sign-in</title><h1>Development sign-in</h1>` +
        `<p>Choose who to be (development provider; no passwords).</p>` +
        `<form method="post" action="/interaction/${escapeHtml(details.uid)}/login"><ul>${buttons}</ul></form>`,
    );
  }

  return {
    issuer,
    reconfigure(change) {
      keys = change.keys ?? keys;
      clients = change.clients ?? clients;
      if (change.accounts) accounts = new Map(change.accounts.map((a) => [a.id, a]));
      provider = build(keys);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
