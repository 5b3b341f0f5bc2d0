import type { IncomingMessage } from 'node:http';

/**
 * Why a cookie-authenticated request is not from the workbench's own origin, or undefined when
 * it is. SameSite=Strict already keeps the cookie off other sites' requests; this is the second
 * line (and covers same-site neighbours such as another subdomain). Browsers send
 * Sec-Fetch-Site, or at least Origin on a POST; a client that sends neither is not a browser
 * page, so no other site can have made it send the cookie.
 * `publicOrigin` (PUBLIC_ORIGIN, e.g. https://workbench.kommune.dk) pins the expected origin;
 * without it the Origin must name the host the request was sent to.
 */
export function crossOriginReason(req: IncomingMessage, publicOrigin?: string): string | undefined {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site is ${site}`;
  const origin = req.headers.origin;
  if (typeof origin !== 'string') return undefined;
  if (origin === 'null') return 'the Origin is opaque';
  let given: URL;
  try {
    given = new URL(origin);
  } catch {
    return 'the Origin is malformed';
  }
  if (publicOrigin) return given.origin === new URL(publicOrigin).origin ? undefined : `the Origin ${given.origin} is not ${publicOrigin}`;
  return given.host === (req.headers.host ?? '').toLowerCase() ? undefined : `the Origin ${given.origin} is not this host`;
}
