import { ChildProcess, fork } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import type { DevProviderChange, DevProviderOptions } from './dev-provider';

/** A real oidc-provider in a child process (dev-provider-process.ts), for the tests (gateway's and the browser tests). */
export interface TestProvider {
  issuer: string;
  /** Replaces the provider's signing keys or clients while it runs. */
  reconfigure(change: DevProviderChange): Promise<void>;
  /** Stops the provider: afterwards it cannot be reached. */
  stop(): Promise<void>;
}

export async function startTestProvider(options: DevProviderOptions): Promise<TestProvider> {
  const child: ChildProcess = fork(path.join(__dirname, 'dev-provider-process.js'), [], {
    env: { ...process.env, DEV_PROVIDER_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  const next = () =>
    new Promise<any>((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', () => reject(new Error('the test provider exited')));
    });
  const { issuer } = await next();
  let running = true;
  return {
    issuer,
    async reconfigure(change) {
      const answered = next();
      child.send(change);
      await answered;
    },
    async stop() {
      if (!running) return;
      running = false;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    },
  };
}

export interface ProviderTokens {
  id_token: string;
  access_token: string;
  refresh_token?: string;
  expires_in: number;
}

/** A browser's cookie jar for one provider (names only; the provider's cookie names do not clash across paths). */
class CookieJar {
  private cookies = new Map<string, string>();
  store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * The authorization code flow with PKCE, as a browser and a relying party drive it over HTTP:
 * the authorization request, the provider's sign-in page (choosing `account`), the redirects
 * back, and the code exchanged at the token endpoint with the client's secret.
 */
export async function signInAtProvider(
  issuer: string,
  client: { client_id: string; client_secret: string; redirect_uri: string },
  account: string,
): Promise<ProviderTokens> {
  const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<string, string>;
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const authorize = new URL(discovery.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: client.client_id,
    response_type: 'code',
    redirect_uri: client.redirect_uri,
    scope: 'openid email profile roles cpr',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state,
    nonce: randomBytes(16).toString('base64url'),
  }).toString();
  const back = new URL(await chooseAccount(authorize.href, account, client.redirect_uri)).searchParams;
  if (back.get('state') !== state) throw new Error('state mismatch');
  const code = back.get('code');
  if (!code) throw new Error(`no code: ${back.get('error')} ${back.get('error_description')}`);
  const res = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: basic(client),
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: client.redirect_uri,
      code_verifier: verifier,
    }).toString(),
  });
  if (!res.ok) throw new Error(`token endpoint answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as ProviderTokens;
}

/**
 * A browser at the provider: from the authorization request through the sign-in page (choosing
 * `account`) and the provider's redirects, until it is sent back to `redirectUri`; returns that URL.
 */
export async function chooseAccount(authorizeUrl: string, account: string, redirectUri: string): Promise<string> {
  const jar = new CookieJar();
  let url = authorizeUrl;
  for (let hop = 0; hop < 10; hop++) {
    const interaction = /\/interaction\/[\w-]+$/.test(new URL(url).pathname);
    const res = await fetch(interaction ? `${url}/login` : url, {
      method: interaction ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: jar.header(), ...(interaction ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: interaction ? new URLSearchParams({ account }).toString() : undefined,
    });
    jar.store(res);
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider answered ${res.status} without a redirect: ${await res.text()}`);
    url = new URL(location, url).href;
    if (url.startsWith(redirectUri)) return url;
  }
  throw new Error('the provider never sent the browser back');
}

/** client_secret_basic: the client id and secret, form-encoded, as HTTP Basic credentials. */
function basic(client: { client_id: string; client_secret: string }): string {
  const credentials = `${encodeURIComponent(client.client_id)}:${encodeURIComponent(client.client_secret)}`;
  return `Basic ${Buffer.from(credentials).toString('base64')}`;
}

/**
 * A person pressing the workbench's sign-in button and choosing `account` at the provider, over
 * HTTP: `/auth/sign-in`, the provider, and back to `/auth/callback` with the flow cookie. Returns
 * the callback's answer and the session cookie (`jc_session=…`) if one was set.
 */
export async function signInThroughWorkbench(origin: string, kind: 'staff' | 'citizen', account: string, returnTo = '/') {
  const start = await fetch(`${origin}/auth/sign-in?kind=${kind}&returnTo=${encodeURIComponent(returnTo)}`, { redirect: 'manual' });
  const flowCookie = start.headers.getSetCookie().find((c) => c.startsWith('jc_sign_in='));
  const location = start.headers.get('location');
  if (start.status !== 303 || !flowCookie || !location) throw new Error(`the sign-in button answered ${start.status}`);
  const callback = await chooseAccount(location, account, `${origin}/auth/callback`);
  const back = await fetch(callback, { redirect: 'manual', headers: { cookie: flowCookie.split(';')[0] } });
  const session = back.headers.getSetCookie().find((c) => c.startsWith('jc_session=') && !c.startsWith('jc_session=;'));
  return {
    start,
    flowCookie,
    authorize: new URL(location),
    back,
    cookie: session?.split(';')[0],
    body: back.status === 303 ? '' : await back.text(),
  };
}
