import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ApolloServer, ApolloServerPlugin, BaseContext, ContextFunction } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Logger } from 'pino';
import { createServerMetrics, ServerMetrics } from './observability/metrics';
import { GraphQLContextArgument, graphqlPostHandler, MAX_BODY_BYTES } from './graphql-post';
import { traceIdOf, traceRequests, traceServerRequest } from './observability/tracing';
import { API_PATH, setApiSecurityHeaders } from './security-headers';
import { controlCharacterPlugin } from './input/text';
import { currentRequest, runInRequestScope } from './observability/request-scope';
import { setting } from './config';
import { REQUEST_ID_HEADER } from './identity';

const GRAPHQL_PATH = /^\/graphql\/?(\?|$)/;

export interface GraphQLHttpOptions<TContext extends BaseContext> {
  logger: Logger;
  /** Builds the Apollo server; it gets the drain plugin so shutdown lets requests finish. */
  createServer(plugins: ApolloServerPlugin<TContext>[]): ApolloServer<TContext>;
  /** Gets Node's request and response (Express's on GET). */
  context: ContextFunction<[GraphQLContextArgument], TContext>;
  /** Ready means able to serve: e.g. database reachable and migrated. */
  ready(): Promise<boolean>;
  /** Prometheus metrics served at GET /metrics on their own port; made here when not given. */
  metrics?: ServerMetrics;
  /** Port of /metrics: METRICS_PORT, else the GraphQL port + 5000 (a free one when that is 0). */
  metricsPort?: number;
  /** Service name on metrics and spans. */
  service?: string;
  /** The server's own routes (e.g. the gateway's workbench and sign-in), mounted before GET /graphql. */
  routes?: (app: express.Express) => void;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  /** GET /metrics (Prometheus), on a port of its own: never reachable through the public one. */
  metricsUrl: string;
  /** Stops accepting requests, waits for those in flight, then resolves. */
  close(): Promise<void>;
}

/**
 * One HTTP server for the gateway and every subgraph: POST /graphql, GET /health/live
 * (the process answers) and GET /health/ready (it can serve), no token needed for health.
 * Metrics are served by a second server on another port (METRICS_PORT), which only Prometheus
 * is let reach: the public port never exposes operation names or process figures.
 * Every answer carries the request id (`X-Request-Id`), which every log line of the request,
 * in the gateway and the subgraphs, also carries: a caseworker's report leads to the logs.
 */
export async function serveGraphQL<TContext extends BaseContext>(
  options: GraphQLHttpOptions<TContext>,
  port: number,
): Promise<RunningHttpServer> {
  const app = express();
  app.disable('x-powered-by');
  // No ETag: a hash of every GraphQL answer, for POSTs that are never revalidated.
  app.disable('etag');
  // POST /graphql, every GraphQL call, goes straight to Apollo Server (graphql-post.ts); health,
  // metrics and GET /graphql go through Express.
  const service = options.service ?? 'service';
  const httpServer = http.createServer((req, res) =>
    runInRequestScope(() => {
      // Hardening headers on every API answer, set before any path can answer (security-headers.ts).
      if (API_PATH.test(req.url ?? '')) setApiSecurityHeaders(res);
      // graphqlPost is set below, before the server listens, so it exists for every request.
      if (req.method === 'POST' && GRAPHQL_PATH.test(req.url ?? '')) {
        traceServerRequest(service, '/graphql', req, res, () => void graphqlPost(req, res));
        return;
      }
      app(req, res);
    }),
  );
  // Keep-alive from the gateway's agents must outlive the default 5 s of Node's server.
  httpServer.keepAliveTimeout = 65_000;

  app.get('/health/live', (_req, res) => {
    res.json({ status: 'live' });
  });
  app.get('/health/ready', async (_req, res) => {
    const ok = await options.ready().catch(() => false);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not ready' });
  });

  const metrics = options.metrics ?? createServerMetrics(service);
  const metricsServer = http.createServer((req, res) => {
    if (req.method !== 'GET' || !/^\/metrics\/?(\?|$)/.test(req.url ?? '')) {
      res.writeHead(404).end();
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  options.routes?.(app);

  const server = options.createServer([
    ApolloServerPluginDrainHttpServer({ httpServer }),
    requestLogPlugin<TContext>(),
    requestIdPlugin<TContext>(),
    metrics.plugin<TContext>(),
    // A NUL (or other control character) in any text is the client's error (input/text.ts).
    controlCharacterPlugin<TContext>(),
    // Nothing here sets cache hints: no per-field cache policy work on any request. No usage or
    // schema reports to Apollo Studio, whatever the environment holds: citizens' data stays here.
    ApolloServerPluginCacheControlDisabled(),
    ApolloServerPluginUsageReportingDisabled(),
    ApolloServerPluginSchemaReportingDisabled(),
  ]);
  await server.start();
  app.use(
    '/graphql',
    traceRequests(service),
    express.json({ limit: MAX_BODY_BYTES }),
    expressMiddleware(server, { context: options.context }),
  );
  const graphqlPost = graphqlPostHandler(server, options.context, options.logger);

  await new Promise<void>((resolve) => httpServer.listen(port, setting('HOST'), resolve));
  const actualPort = (httpServer.address() as AddressInfo).port;
  const metricsPort = options.metricsPort ?? setting('METRICS_PORT') ?? (port === 0 || port + 5000 > 65_535 ? 0 : port + 5000);
  await new Promise<void>((resolve, reject) => {
    metricsServer.once('error', reject);
    metricsServer.listen(metricsPort, setting('HOST'), resolve);
  });
  return {
    url: `http://127.0.0.1:${actualPort}/graphql`,
    port: actualPort,
    metricsUrl: `http://127.0.0.1:${(metricsServer.address() as AddressInfo).port}/metrics`,
    close: async () => {
      await server.stop();
      await new Promise<void>((resolve) => metricsServer.close(() => resolve()));
    },
  };
}

/**
 * The request id on the answer (`X-Request-Id`), and the request's id and logger in its scope,
 * so that an error masked for the client is logged with the id the client was given.
 */
function requestIdPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const { requestId, logger } = contextValue as { requestId?: string; logger?: Logger };
      const scope = currentRequest();
      if (scope) Object.assign(scope, { requestId, logger });
      return {
        async willSendResponse({ response }) {
          if (requestId) response.http.headers.set(REQUEST_ID_HEADER, requestId);
        },
      };
    },
  };
}

/** One JSON log line per operation, with the request id from the context's logger. */
function requestLogPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue, request }) {
      const started = process.hrtime.bigint();
      const logger = (contextValue as { logger?: Logger }).logger;
      const traceId = traceIdOf({ traceparent: request.http?.headers.get('traceparent') });
      return {
        async willSendResponse({ operationName, errors }) {
          logger?.info(
            {
              operationName,
              traceId,
              ms: Number(process.hrtime.bigint() - started) / 1e6,
              errors: errors?.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
            },
            'graphql request',
          );
        },
      };
    },
  };
}

/** Stops cleanly on Ctrl-C or SIGTERM: in-flight requests finish, then `shutdown` runs. */
export function onShutdownSignal(logger: Logger, shutdown: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Bounded: whatever still runs after SHUTDOWN_TIMEOUT_MS (default 25 s, under Kubernetes'
    // 30 s grace period) is cut off, so a stuck request cannot keep the process alive.
    const limit = setting('SHUTDOWN_TIMEOUT_MS');
    setTimeout(() => {
      logger.error({ ms: limit }, 'shutdown took too long; exiting');
      process.exit(1);
    }, limit).unref();
    shutdown()
      .then(() => process.exit(0))
      .catch((error) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
export { API_PATH, API_SECURITY_HEADERS, setApiSecurityHeaders } from './security-headers';
