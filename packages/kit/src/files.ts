import type { IncomingMessage } from 'node:http';
import type { Express, Request, Response } from 'express';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import type { RequestContext } from './context';
import { createErrorFormatter, ErrorCode, SERVICE_UNAVAILABLE, SUBGRAPH_UNAVAILABLE } from './errors';
import { REQUEST_ID_HEADER } from './identity';
import { traceRequests } from './observability/tracing';

/** What a file route answers: the bytes, their type, and the name a browser saves them under. */
export interface FileAnswer {
  filename: string;
  contentType: string;
  body: Buffer;
}

/**
 * A file a subgraph serves beside its GraphQL API (a report's PDF, a record export), at
 * `GET /files<path>` here and `GET /files/<subgraph><path>` at the gateway. The handler gets the
 * same request context as a resolver (the verified actor, `ctx.access`, loaders) and decides
 * access the same way; what it reaches through `ctx.access` goes on the access log before the
 * file is sent. It throws the kit's errors (notFound, forbidden, badUserInput) as a resolver does.
 */
export interface FileRoute<Loaders = any> {
  /** Express path under /files, e.g. `/reports/:id.pdf`. */
  path: string;
  handler: (ctx: RequestContext<Loaders>, params: Record<string, string>) => Promise<FileAnswer>;
}

/** HTTP status of a GraphQL error code, for the answers that are not GraphQL. */
const STATUS_OF: Record<string, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.CONFLICT]: 409,
  [SERVICE_UNAVAILABLE]: 503,
  [SUBGRAPH_UNAVAILABLE]: 502,
};

export function httpStatusOf(code: unknown): number {
  return (typeof code === 'string' && STATUS_OF[code]) || 500;
}

/** `inline; filename="…"` with an ASCII fallback and the exact name (RFC 6266, RFC 8187). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export interface FileRoutesOptions<Loaders> {
  routes: readonly FileRoute<Loaders>[];
  /** The request context, built exactly as for /graphql (it throws UNAUTHENTICATED without a valid assertion). */
  context: (req: IncomingMessage) => Promise<RequestContext<Loaders>>;
  /**
   * Runs after the handler and before the file is sent (the kit parts' hooks: the access log).
   * When it fails, the file is withheld.
   */
  beforeSend: (ctx: RequestContext<Loaders>, operationName: string) => Promise<void>;
  logger: Logger;
  service: string;
}

/**
 * Mounts `GET /files/<path>` for each route. Errors become a status and a JSON body
 * `{ error: <code>, message }` through the same formatter as GraphQL errors: no stack trace,
 * SQL or internal message leaves, and an internal error is logged with the request id.
 * (`Cache-Control: no-store` and the other API headers are set for /files by security-headers.ts.)
 */
export function mountFileRoutes<Loaders>(app: Express, options: FileRoutesOptions<Loaders>): void {
  const format = createErrorFormatter(options.logger);
  for (const route of options.routes) {
    const operationName = `GET /files${route.path}`;
    app.get(`/files${route.path}`, traceRequests(options.service), async (req: Request, res: Response) => {
      let ctx: RequestContext<Loaders> | undefined;
      try {
        ctx = await options.context(req);
        res.setHeader(REQUEST_ID_HEADER, ctx.requestId);
        const params = Object.fromEntries(Object.entries(req.params).map(([k, v]) => [k, String(v)]));
        const file = await route.handler(ctx, params);
        await options.beforeSend(ctx, operationName);
        res.status(200);
        res.setHeader('content-type', file.contentType);
        res.setHeader('content-disposition', contentDisposition(file.filename));
        res.setHeader('content-length', String(file.body.length));
        res.end(file.body);
        ctx.logger.info({ operationName, bytes: file.body.length }, 'file served');
      } catch (error) {
        // Refusals noted on ctx.access are logged by the hook even when the handler threw.
        if (ctx) await options.beforeSend(ctx, operationName).catch(() => undefined);
        const formatted = format(asFormatted(error), error);
        res.status(httpStatusOf(formatted.extensions?.code)).json({ error: formatted.extensions?.code, message: formatted.message });
      }
    });
  }
}

function asFormatted(error: unknown): GraphQLFormattedError {
  if (error instanceof GraphQLError) return error.toJSON();
  return { message: error instanceof Error ? error.message : String(error) };
}
