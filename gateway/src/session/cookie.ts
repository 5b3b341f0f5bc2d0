import type { IncomingMessage } from 'node:http';
import { parseCookie, stringifySetCookie } from 'cookie';

/** The session cookie's name (the workbench contract). */
export const SESSION_COOKIE = 'jc_session';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function readSessionCookie(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie;
  return header ? parseCookie(header)[SESSION_COOKIE] || undefined : undefined;
}

/** Set-Cookie for a session that ends at `expiresAt`; an empty value and past date clear it. */
export function sessionCookie(req: IncomingMessage, value: string, expiresAt: Date): string {
  return stringifySetCookie({
    name: SESSION_COOKIE,
    value,
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    // Browsers keep a Secure cookie only from https; on the developer's own machine the
    // gateway answers plain http, so Secure is left off for localhost and there only.
    secure: !LOCAL_HOSTS.has(hostnameOf(req)),
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000)),
  });
}

export function clearedSessionCookie(req: IncomingMessage): string {
  return sessionCookie(req, '', new Date(0));
}

/** Whether cookies to this client may be Secure (everywhere but the developer's own machine). */
export function secureCookies(req: IncomingMessage): boolean {
  return !LOCAL_HOSTS.has(hostnameOf(req));
}

/** The host name (without port) the client addressed. */
function hostnameOf(req: IncomingMessage): string {
  const host = req.headers.host ?? '';
  const bracket = host.startsWith('[') ? host.indexOf(']') : -1;
  if (bracket > 0) return host.slice(0, bracket + 1).toLowerCase();
  return host.split(':')[0].toLowerCase();
}
