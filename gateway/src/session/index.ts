/**
 * Sign-in for the workbench (backend-for-frontend): the browser holds only an HttpOnly session
 * cookie; the gateway turns it into the actor, as it does a bearer token. Everything about how a
 * person signs in lives in this folder, so the identity provider's sign-in (OpenID Connect,
 * issue 16) replaces the development tickets here and nowhere else. docs/workbench-server.md.
 */
import type { IncomingMessage } from 'node:http';
import type { Express, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Actor } from '@jobcenter/kit/identity';
import { unauthenticated } from '@jobcenter/kit/errors';
import type { Logger } from '@jobcenter/kit/logger';
import { clearedSessionCookie, readSessionCookie, sessionCookie } from './cookie';
import { demoSignInUrl, demoUsers } from './demo-users';
import { sessionKeys } from './keys';
import { MemoryRevocationStore, PostgresRevocationStore, RevocationStore } from './revocations';
import type { UserTokens } from '../oidc';
import { ProviderSignIn } from './provider-sign-in';
import { MemoryProviderTokenStore, PostgresProviderTokenStore, ProviderTokenStore } from './provider-tokens';
import { crossOriginReason } from './same-origin';
import { Session, SessionSealer, SessionStart } from './sessions';
import { verifyTicket } from './tickets';
import { setting } from '@jobcenter/kit/config';

export { SESSION_COOKIE } from './cookie';
export { demoUsers, devSignInLines } from './demo-users';
export { MemoryRevocationStore, PostgresRevocationStore, RevocationStore } from './revocations';
export { MemoryProviderTokenStore, PostgresProviderTokenStore } from './provider-tokens';
export type { ProviderTokens, ProviderTokenStore } from './provider-tokens';
export type { Session } from './sessions';
export { devSignInUrl, signTicket, TICKET_SECONDS } from './tickets';

export interface WorkbenchSessionOptions {
  logger: Logger;
  /** Where sign-outs are kept: given, or PostgreSQL at SESSION_DATABASE_URL, else this process's memory. */
  revocations?: RevocationStore;
  /** Session length in seconds (SESSION_SECONDS, default 8 hours). */
  seconds?: number;
  /** The workbench's public origin (PUBLIC_ORIGIN); pins the same-origin check when set. */
  publicOrigin?: string;
  /** Development routes (ticket sign-in, demo users); never with NODE_ENV=production. */
  development?: boolean;
  /** The trusted identity providers (oidc/): with one configured, /auth/sign-in and /auth/callback exist. */
  tokens?: UserTokens;
  /** Where the providers' refresh tokens are kept: given, or PostgreSQL at SESSION_DATABASE_URL, else memory. */
  providerTokens?: ProviderTokenStore;
}

export class WorkbenchSessions {
  private readonly keys = sessionKeys();
  private readonly sealer: SessionSealer;
  private readonly logger: Logger;
  private readonly publicOrigin?: string;
  private readonly development: boolean;
  private readonly revocations: RevocationStore;
  private readonly providers?: ProviderSignIn;
  private readonly providerTokens?: ProviderTokenStore;

  constructor(options: WorkbenchSessionOptions) {
    this.logger = options.logger;
    this.publicOrigin = options.publicOrigin ?? setting('PUBLIC_ORIGIN');
    this.development = options.development ?? setting('NODE_ENV') !== 'production';
    const seconds = options.seconds ?? setting('SESSION_SECONDS');
    if (!Number.isInteger(seconds) || seconds < 60) throw new Error('SESSION_SECONDS must be a whole number of seconds, at least 60');
    this.revocations = options.revocations ?? revocationsFromEnv(options.logger);
    this.sealer = new SessionSealer(this.keys.cookie, this.revocations, seconds);
    if (options.tokens?.staff || options.tokens?.citizen) {
      const url = setting('SESSION_DATABASE_URL');
      this.providerTokens =
        options.providerTokens ?? (url ? new PostgresProviderTokenStore(url, this.keys.flow) : new MemoryProviderTokenStore());
      const origin = (req: Request) => this.publicOrigin ?? originOf(req);
      this.providers = new ProviderSignIn(options.tokens, this.keys.flow, this.logger, origin, this.providerTokens);
    }
  }

  async close(): Promise<void> {
    if (this.revocations instanceof PostgresRevocationStore) await this.revocations.close();
    if (this.providerTokens instanceof PostgresProviderTokenStore) await this.providerTokens.close();
  }

  /**
   * The session a cookie holds, still valid: not forged, expired or signed out, and for a provider
   * sign-in with the provider's tokens fresh (refreshed here when near their end). `expired`: the
   * provider's side ended (a refused refresh), so the session is over now.
   */
  private async openSession(sealed: string): Promise<{ session?: Session; expired?: boolean }> {
    const session = await this.sealer.open(sealed);
    if (!session) return {};
    if (!session.provider || !this.providers) return { session };
    if (await this.providers.keepFresh(session)) return { session };
    await this.sealer.end(session);
    this.logger.info({ actor: session.actor.id, session: session.id }, 'session ended: the provider sign-in could not be refreshed');
    return { expired: true };
  }

  /**
   * The session behind a request's cookie, for the GraphQL context: undefined without a cookie;
   * an error when the cookie came from another origin or its session is over.
   */
  async authenticate(req: IncomingMessage): Promise<Session | undefined> {
    const sealed = readSessionCookie(req);
    if (!sealed) return undefined;
    const reason = crossOriginReason(req, this.publicOrigin);
    if (reason) {
      this.logger.info({ reason }, 'cross-origin request with the session cookie refused');
      throw new GraphQLError('Signed-in requests must come from the workbench itself; this one came from another site.', {
        extensions: { code: 'FORBIDDEN', http: { status: 403 } },
      });
    }
    const { session, expired } = await this.openSession(sealed);
    if (expired) throw unauthenticated('Your session has expired at the sign-in service; sign in again.');
    if (!session) throw unauthenticated('Your session has ended; sign in again.');
    return session;
  }

  /** Starts a session for a person the sign-in step vouched for, setting the cookie on `res`. */
  async signIn(req: IncomingMessage, res: Response, actor: Actor, options: SessionStart = {}): Promise<Session> {
    const { session, sealed } = await this.sealer.start(actor, options);
    res.append('Set-Cookie', sessionCookie(req, sealed, session.expiresAt));
    this.logger.info({ actor: actor.id, role: actor.role, session: session.id }, 'signed in');
    return session;
  }

  /** GET /auth/session, POST /auth/sign-out and, in development, /auth/dev/*. */
  routes(app: Express): void {
    app.use('/auth', (_req, res, next) => {
      res.setHeader('Cache-Control', 'no-store');
      next();
    });
    app.get('/auth/session', async (req, res) => {
      const sealed = readSessionCookie(req);
      const { session, expired } = sealed ? await this.openSession(sealed) : {};
      if (!session) {
        if (expired) res.append('Set-Cookie', clearedSessionCookie(req));
        res.status(401).json({ error: 'UNAUTHENTICATED', ...(expired ? { expired: true } : {}) });
        return;
      }
      const { id, role, name, team } = session.actor;
      res.json({
        actor: { id, role, name, team: team ?? null },
        expiresAt: session.expiresAt.toISOString(),
        // Signed in at an identity provider: the sign-out ends its session too (/auth/sign-out/provider?kind=).
        provider: session.provider ?? null,
      });
    });
    // Which sign-in buttons the page shows: the identity providers configured here.
    app.get('/auth/providers', (_req, res) => {
      res.json({ staff: Boolean(this.providers?.has('staff')), citizen: Boolean(this.providers?.has('citizen')) });
    });
    app.post('/auth/sign-out', async (req, res) => {
      const reason = crossOriginReason(req, this.publicOrigin);
      if (reason) {
        res.status(403).json({ error: 'FORBIDDEN' });
        return;
      }
      const sealed = readSessionCookie(req);
      const session = sealed ? await this.sealer.open(sealed) : undefined;
      if (session) {
        await this.sealer.end(session);
        await this.providers?.forget(session.id);
        this.logger.info({ actor: session.actor.id, session: session.id }, 'signed out');
      }
      res.append('Set-Cookie', clearedSessionCookie(req));
      res.status(204).end();
    });
    this.providers?.routes(app, (req, res, actor, options) => this.signIn(req, res, actor, options), localPath);
    if (this.development) this.developmentRoutes(app);
    app.use('/auth', (_req, res) => {
      res.status(404).json({ error: 'NOT_FOUND' });
    });
  }

  private developmentRoutes(app: Express): void {
    app.get('/auth/dev/sign-in', async (req, res) => {
      const ticket = typeof req.query.ticket === 'string' ? req.query.ticket : '';
      const actor = ticket ? await verifyTicket(ticket, this.keys.ticket) : undefined;
      if (!actor) {
        res
          .status(401)
          .type('text/plain')
          .send('This sign-in link is not valid or has expired. Get a fresh one on the sign-in page: /sign-in\n');
        return;
      }
      await this.signIn(req, res, actor);
      res.redirect(303, localPath(req.query.returnTo) ?? '/');
    });
    app.get('/auth/dev/users', async (req, res) => {
      const origin = originOf(req);
      res.json(
        await Promise.all(
          demoUsers().map(async (actor) => {
            // Through the identity provider where one is configured (npm start's development provider).
            const url = await demoSignInUrl(origin, actor, (kind) => Boolean(this.providers?.has(kind)));
            return { role: actor.role, name: actor.name, url };
          }),
        ),
      );
    });
  }
}

/** Sign-outs in PostgreSQL when SESSION_DATABASE_URL is set (several replicas), else in memory. */
function revocationsFromEnv(logger: Logger): RevocationStore {
  const url = setting('SESSION_DATABASE_URL');
  if (url) return new PostgresRevocationStore(url);
  if (setting('NODE_ENV') === 'production') {
    logger.warn('SESSION_DATABASE_URL is not set: a sign-out is known to this gateway replica only');
  }
  return new MemoryRevocationStore();
}

/** `returnTo` when it is a path on this origin (never `//other.site` or a full URL), else undefined. */
export function localPath(returnTo: unknown): string | undefined {
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point of this test
  if (typeof returnTo !== 'string' || !returnTo.startsWith('/') || /^\/[/\\]/.test(returnTo) || /[\u0000-\u001f\\]/.test(returnTo))
    return undefined;
  const base = 'http://workbench.invalid';
  const url = new URL(returnTo, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : undefined;
}

function originOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
