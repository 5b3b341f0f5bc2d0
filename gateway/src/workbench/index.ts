/**
 * The workbench at `/`: the web app's static build (WORKBENCH_DIR, default the repo's web/dist),
 * the self-hosted GraphiQL at GET /graphql for browsers, and the security headers of both.
 * docs/workbench-server.md.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Express, NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { setting } from '@jobcenter/kit/config';

export interface WorkbenchOptions {
  /** The built web app (index.html, graphiql.html, assets/). */
  dir?: string;
  /** Serve GraphiQL at GET /graphql: always in development, in production with GRAPHQL_EXPLORER=true. */
  explorer?: boolean;
}

/** The repo's web/dist, seen from gateway/dist/src/workbench. */
const DEFAULT_DIR = path.resolve(__dirname, '../../../../web/dist');

/** Paths that are never a page of the web app (a missing asset is a 404, not index.html). */
const NOT_THE_APP = /^\/(graphql|auth|health|metrics|assets|files)(\/|$)/;

const DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  // GraphiQL's editor (Monaco) ships its icon font as a data: URL.
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Headers for everything Express answers on the gateway (pages, /auth, GET /graphql): a strict
 * Content-Security-Policy with no inline script or style, nosniff, no Referer, no framing.
 */
export const securityHeaders = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: DIRECTIVES },
  referrerPolicy: { policy: 'no-referrer' },
  frameguard: { action: 'deny' },
});

/**
 * GraphiQL's page only: its editor (Monaco) lays out every line with inline `style` attributes
 * and <style> elements, so styles may be inline there. Scripts stay 'self' only; GraphiQL shows
 * no HTML from anyone else, and the workbench's own pages keep the strict policy.
 */
const graphiqlPolicy = helmet.contentSecurityPolicy({
  useDefaults: false,
  directives: { ...DIRECTIVES, styleSrc: ["'self'", "'unsafe-inline'"] },
});

/** The built workbench's folder: the given one, else WORKBENCH_DIR, else the repository's web/dist. */
export function workbenchDir(dir?: string): string {
  return path.resolve(dir ?? setting('WORKBENCH_DIR') ?? DEFAULT_DIR);
}

export function workbenchRoutes(app: Express, options: WorkbenchOptions = {}): void {
  const dir = workbenchDir(options.dir);
  const explorer = options.explorer ?? (setting('NODE_ENV') !== 'production' || setting('GRAPHQL_EXPLORER'));

  // GET /graphql from a browser (it asks for HTML, sends no query): GraphiQL, same origin, so it
  // runs as the signed-in session. Any other GET /graphql goes on to Apollo Server.
  app.get('/graphql', (req, res, next) => {
    if (req.query.query !== undefined || req.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    if (!explorer) {
      res.status(404).type('text/plain').send('Not found.\n');
      return;
    }
    graphiqlPolicy(req, res, () => undefined);
    sendPage(res, dir, 'graphiql.html', 'GraphiQL is not built. Run `npm run build` (it builds web/dist), then reload.\n');
  });

  // GraphiQL is reachable only through GET /graphql, where the explorer setting applies.
  app.get('/graphiql.html', (_req, res) => {
    res.status(404).type('text/plain').send('Not found.\n');
  });
  app.use(
    express.static(dir, {
      index: false,
      redirect: false,
      setHeaders: (res, file) => {
        const immutable = file.startsWith(path.join(dir, 'assets') + path.sep);
        res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );

  // Every other page the browser asks for is the single-page app's: its router shows the view.
  app.get(/.*/, (req: Request, res: Response, next: NextFunction) => {
    if (NOT_THE_APP.test(req.path) || !req.accepts('text/html')) return next();
    sendPage(res, dir, 'index.html', 'The workbench is not built. Run `npm run build` (it builds web/dist), then reload.\n');
  });
}

function sendPage(res: Response, dir: string, file: string, missing: string): void {
  const page = path.join(dir, file);
  res.setHeader('Cache-Control', 'no-cache');
  if (!existsSync(page)) {
    res.status(200).type('text/plain').send(missing);
    return;
  }
  res.sendFile(page);
}
