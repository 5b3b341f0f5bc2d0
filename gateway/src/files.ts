/**
 * `GET /files/<subgraph>/<path>`: a file a subgraph serves (a report's PDF, a record export),
 * reached through the gateway on the workbench's own origin. The caller is authenticated exactly
 * as for /graphql (the same context function: session cookie or bearer token); the gateway signs
 * the same assertion, forwards the request to that subgraph's `GET /files/<path>` and streams the
 * answer back. The subgraph decides access and logs the read (kit files.ts). Only subgraphs of the
 * supergraph are reachable; the URL carries no credential. docs/files-and-pdf.md.
 */
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { Express, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { createErrorFormatter, subgraphUnavailable } from '@jobcenter/kit/errors';
import { httpStatusOf } from '@jobcenter/kit/files';
import { GATEWAY_ASSERTION_HEADER, REQUEST_ID_HEADER } from '@jobcenter/kit/identity';
import type { Logger } from '@jobcenter/kit/logger';
import { traceHeaders } from '@jobcenter/kit/observability';
import type { GatewayContext } from './auth';

/** The headers of a subgraph's file answer that reach the browser. */
const PASSED_HEADERS = ['content-type', 'content-disposition', 'content-length'];

export interface FileForwardingOptions {
  /** The gateway's /graphql context function: the one authentication of a request. */
  context: (argument: { req: IncomingMessage }) => Promise<GatewayContext>;
  /** The GraphQL URL of a subgraph of the supergraph by name; undefined for any other name. */
  subgraphUrl: (name: string) => string | undefined;
  logger: Logger;
  /** Whole call to the subgraph (connect to last byte): SUBGRAPH_TIMEOUT_MS. */
  timeoutMs: number;
}

export function mountFileForwarding(app: Express, options: FileForwardingOptions): void {
  const format = createErrorFormatter(options.logger);
  const fail = (res: Response, error: GraphQLError | Error) => {
    if (res.headersSent || res.destroyed) return void res.destroy();
    const formatted = format(error instanceof GraphQLError ? error.toJSON() : { message: error.message }, error);
    res.status(httpStatusOf(formatted.extensions?.code)).json({ error: formatted.extensions?.code, message: formatted.message });
  };
  app.get('/files/:subgraph/*path', async (req: Request, res: Response) => {
    const name = String(req.params.subgraph);
    const graphqlUrl = options.subgraphUrl(name);
    if (!graphqlUrl) {
      res.status(404).json({ error: 'NOT_FOUND', message: `There is no service called ${name}.` });
      return;
    }
    let ctx: GatewayContext;
    try {
      ctx = await options.context({ req });
    } catch (error) {
      return fail(res, error as Error);
    }
    res.setHeader(REQUEST_ID_HEADER, ctx.requestId);
    // The path as sent (still percent-encoded), after /files/<name>; no query string is passed on.
    const rest = (req.originalUrl.split('?')[0] ?? '').slice(`/files/${encodeURIComponent(name)}`.length);
    const target = new URL(`/files${rest}`, graphqlUrl);
    const client = target.protocol === 'https:' ? https : http;
    const upstream = client.request(target, {
      method: 'GET',
      headers: {
        [GATEWAY_ASSERTION_HEADER]: ctx.assertion,
        [REQUEST_ID_HEADER]: ctx.requestId,
        ...traceHeaders(typeof req.headers.traceparent === 'string' ? req.headers.traceparent : undefined),
      },
      timeout: options.timeoutMs,
    });
    upstream.on('timeout', () => upstream.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    upstream.on('error', (error) => {
      ctx.logger.warn({ err: error, subgraph: name }, 'file request to the subgraph failed');
      fail(res, subgraphUnavailable(name));
    });
    upstream.on('response', (answer) => {
      res.status(answer.statusCode ?? 502);
      for (const header of PASSED_HEADERS) {
        const value = answer.headers[header];
        if (value !== undefined) res.setHeader(header, value);
      }
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    });
    // The browser went away: stop the subgraph's answer too.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    upstream.end();
  });
}
