import type { ServerResponse } from 'node:http';

/**
 * Headers on every answer of the gateway's and the subgraphs' API (GraphQL, health, metrics),
 * errors and refusals included. GraphQL answers carry CPR numbers, names and case notes:
 *  - `Cache-Control: no-store`: no browser, proxy or shared computer keeps a copy;
 *  - `X-Content-Type-Options: nosniff`: a JSON answer is never run as a script or rendered;
 *  - `X-Frame-Options: DENY`: no page frames an answer (clickjacking);
 *  - `Referrer-Policy: no-referrer`: an id in a URL does not leak to another site;
 *  - `Cross-Origin-Resource-Policy: same-origin`: another site cannot embed an answer;
 *  - `X-Permitted-Cross-Domain-Policies: none`: no Flash/PDF cross-domain reads;
 *  - `Strict-Transport-Security`: once seen over HTTPS, a browser uses nothing else (a year;
 *    ignored over plain HTTP, so development is unaffected).
 * HTML pages (the workbench) get their own policy (a CSP) where they are served; these headers
 * are set only on the paths in `API_PATH`, and a route of its own may set other values.
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'x-permitted-cross-domain-policies': 'none',
  'strict-transport-security': 'max-age=31536000',
});

/** The kit's API: /graphql, /health/live, /health/ready, /metrics, /events and /files (with or without a query string). */
export const API_PATH = /^\/(graphql|health|metrics|events|files)(\/|\?|$)/;

/** Sets the API headers on a response before anything else writes to it. */
export function setApiSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) res.setHeader(name, value);
}
