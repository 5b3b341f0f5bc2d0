import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { setting } from '@jobcenter/kit/config';
import { createErrorFormatter, subgraphUnavailable } from '@jobcenter/kit/errors';
import { RunningHttpServer, serveGraphQL } from '@jobcenter/kit/http';
import { GATEWAY_ASSERTION_HEADER, REQUEST_ID_HEADER } from '@jobcenter/kit/identity';
import { createLogger, Logger } from '@jobcenter/kit/logger';
import { IDEMPOTENCY_KEY_HEADER } from '@jobcenter/kit/idempotency';
import {
  createServerMetrics,
  knownOperationLabels,
  OPERATION_LABEL_HEADER,
  OperationLabeller,
  traceHeaders,
} from '@jobcenter/kit/observability';
import { createGatewayContext, GatewayContext } from './auth';
import { mountFileForwarding } from './files';
import { userInputRefusal, valueCompletionPlugin, withInputScalars } from './input';
import { GATEWAY_LIMITS, hideLimitsInProduction, operationLimitRules } from './limits';
import { knownOperationNames, workbenchOperationNames } from './operations';
import { createSubgraphFetcher, SubgraphConnectionError } from './subgraph-fetch';
import { subgraphUrl, SUPERGRAPH_FILE } from './subgraphs';
import { userTokens } from './oidc';
import { RevocationStore, WorkbenchSessions } from './session';
import { securityHeaders, workbenchDir, workbenchRoutes } from './workbench';

export { devSignInUrl, SESSION_COOKIE } from './session';

/** Forwards the gateway's signed actor assertion and the request id to every subgraph call. */
class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    private readonly operationLabel: OperationLabeller,
    config: ConstructorParameters<typeof RemoteGraphQLDataSource>[0],
  ) {
    super(config);
  }

  /** A subgraph that cannot be reached is named in the error; the other subgraphs still answer. */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof SubgraphConnectionError) throw subgraphUnavailable(this.serviceName);
      throw error;
    }
  }

  /** A subgraph's own BAD_USER_INPUT (HTTP 400) reaches the client as it is (gateway/src/input.ts). */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]) {
    const error = await super.errorFromResponse(response);
    return userInputRefusal(response.status, (error.extensions.response as { body?: unknown } | undefined)?.body) ?? error;
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const { request, context } = options;
    if (!('assertion' in context) || !context.assertion) return;
    const incomingRequest = 'incomingRequestContext' in options ? options.incomingRequestContext : undefined;
    // A client's Idempotency-Key goes to the subgraph that runs the mutation (kit idempotency).
    const idempotencyKey = incomingRequest?.request.http?.headers.get(IDEMPOTENCY_KEY_HEADER);
    if (idempotencyKey) request.http?.headers.set(IDEMPOTENCY_KEY_HEADER, idempotencyKey);
    request.http?.headers.set(GATEWAY_ASSERTION_HEADER, context.assertion);
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    // The subgraph labels its metrics with the gateway's bounded label, never the client's name.
    request.http?.headers.set(OPERATION_LABEL_HEADER, this.operationLabel(incomingRequest?.operationName));
    // W3C trace context: the active gateway span's when tracing is on, else the caller's own.
    const incoming = incomingRequest?.request.http?.headers.get('traceparent');
    for (const [name, value] of Object.entries(traceHeaders(incoming))) request.http?.headers.set(name, value);
  }
}

export interface GatewayOptions {
  port: number;
  /** Subgraph URL by name; defaults to `<NAME>_URL` env or the URL in the supergraph. */
  subgraphUrls?: Record<string, string>;
  supergraphSdl?: string;
  logger?: Logger;
  /** The built workbench (WORKBENCH_DIR, default the repo's web/dist). */
  workbenchDir?: string;
  /** Where sign-outs are kept (session/revocations.ts); else SESSION_DATABASE_URL's PostgreSQL, else memory. */
  revocations?: RevocationStore;
  /** Operation names labelled as themselves in metrics, besides those in gateway/operations; others are "other". */
  knownOperations?: Iterable<string>;
  /** How long a subgraph call may take before its part of the answer is SUBGRAPH_UNAVAILABLE. */
  subgraphTimeoutMs?: number;
}

/** Starts the gateway over the static, composed supergraph (no introspection of live services). */
export async function startGateway(options: GatewayOptions): Promise<RunningHttpServer> {
  const logger = options.logger ?? createLogger('gateway');
  // Metrics label an operation by name only when clients are known to run it (operation-label.ts).
  const operationLabel = knownOperationLabels([
    ...knownOperationNames(),
    ...workbenchOperationNames(workbenchDir(options.workbenchDir)),
    ...(options.knownOperations ?? []),
  ]);
  const subgraphTimeoutMs = options.subgraphTimeoutMs ?? setting('SUBGRAPH_TIMEOUT_MS');
  const fetcher = createSubgraphFetcher(subgraphTimeoutMs);
  // The supergraph's subgraphs and their URLs, as the gateway calls them: the only targets of /files.
  const subgraphUrls = new Map<string, string>();
  const gateway = new ApolloGateway({
    // Apollo's own messages go through the redacting logger too, not straight to the console.
    logger,
    // SUPERGRAPH_PATH: a supergraph mounted from elsewhere (a Kubernetes ConfigMap).
    supergraphSdl: options.supergraphSdl ?? readFileSync(setting('SUPERGRAPH_PATH') ?? SUPERGRAPH_FILE, 'utf8'),
    buildService: ({ name, url }) => {
      subgraphUrls.set(name, options.subgraphUrls?.[name] ?? subgraphUrl(name, url ?? ''));
      return new AuthenticatedDataSource(name, operationLabel, {
        url: subgraphUrls.get(name),
        // No subgraph sets cache hints (and the gateway has no response cache to honour them).
        honorSubgraphCacheControlHeader: false,
        // Keep-alive connections, no general-purpose fetch in between (subgraph-fetch.ts).
        fetcher,
      });
    },
  });
  // Bearer tokens: trusted OpenID providers (OIDC_ISSUER, CITIZEN_OIDC_ISSUER), mapped to actors by the citizens service.
  const tokens = userTokens({ citizensUrl: options.subgraphUrls?.citizens });
  const sessions = new WorkbenchSessions({ logger, revocations: options.revocations, tokens });
  const ready = async () => true;
  const context = createGatewayContext(logger, sessions, tokens);
  const running = await serveGraphQL<GatewayContext>(
    {
      logger,
      service: 'gateway',
      // The workbench (docs/workbench-server.md): its pages, sign-in and GraphiQL, same origin as /graphql.
      routes: (app) => {
        app.get('/health', async (_req, res) => {
          const ok = await ready().catch(() => false);
          res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not ready' });
        });
        // GET /files/<subgraph>/…: a subgraph's files, authenticated like /graphql (files.ts). Before
        // the pages' CSP, which would keep a browser's PDF viewer from showing the file.
        mountFileForwarding(app, { context, subgraphUrl: (name) => subgraphUrls.get(name), logger, timeoutMs: subgraphTimeoutMs });
        app.use(securityHeaders);
        sessions.routes(app);
        workbenchRoutes(app, { dir: options.workbenchDir });
      },
      metrics: createServerMetrics('gateway', { operationLabel }),
      createServer: (plugins) =>
        new ApolloServer<GatewayContext>({
          gateway: withInputScalars(gateway),
          logger,
          // No landing page from Apollo's CDN: browsers get the self-hosted GraphiQL (workbench/).
          plugins: [...plugins, ApolloServerPluginLandingPageDisabled(), valueCompletionPlugin(logger)],
          // Hardening (gateway/src/limits.ts): depth, aliases, cost, directives and tokens are bounded;
          // batches stay refused; CSRF prevention stays on; in production no introspection, no
          // field suggestions ("did you mean …") and no limits echoed.
          validationRules: operationLimitRules(),
          parseOptions: { maxTokens: GATEWAY_LIMITS.maxTokens },
          allowBatchedHttpRequests: false,
          csrfPrevention: true,
          introspection: setting('NODE_ENV') !== 'production',
          hideSchemaDetailsFromClientErrors: setting('NODE_ENV') === 'production',
          formatError: hideLimitsInProduction(createErrorFormatter(logger)),
          includeStacktraceInErrorResponses: false,
          // Signals are handled once, by onShutdownSignal, which stops everything in order.
          stopOnTerminationSignals: false,
        }),
      context,
      ready,
    },
    options.port,
  );
  return { ...running, close: () => running.close().finally(() => sessions.close()) };
}
