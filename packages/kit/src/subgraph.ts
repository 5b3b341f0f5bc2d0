import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLSchema } from 'graphql';
import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import type { Logger } from 'pino';
import { RequestContext, LoaderFactory } from './context';
import { checkConfigOrExit, Env, setting } from './config';
import { openDatabase, resolveDatabase } from './database';
import { schedulePurge } from './housekeeping';
import { createErrorFormatter, unauthenticated } from './errors';
import { onShutdownSignal, RunningHttpServer, serveGraphQL } from './http';
import { cacheVerified, gatewayAssertionSecret, GATEWAY_ASSERTION_HEADER, verifyGatewayAssertion } from './identity';
import { createRequestAccess, SubgraphAccess } from './access/request-access';
import { createLogger } from './logger';
import { createServerMetrics, PoolLike } from './observability/metrics';
import { initTracing, traceIdOf } from './observability/tracing';
import { createDataSource, KIT_PARTS } from './parts';
import { buildFederatedSchema, SchemaOptions } from './schema';
import { mountEventFeed } from './events/feed';
import { FileRoute, mountFileRoutes } from './files';
import { RecordDeclaration } from './record/declaration';
import { RecordRead, recordExportKind, recordPartResolver } from './record/resolver';
import { logReadFor } from './audit-log/read-for';

/** Everything that makes one subgraph: its name, domain code and database. */
export interface SubgraphDefinition<Loaders> extends SchemaOptions {
  /** Short name: the database is `jobcenter_<name>`, the URL env var `<NAME>_DATABASE_URL`. */
  name: string;
  defaultPort: number;
  /**
   * The other subgraphs this one calls itself (subgraphClient), by name. Each needs `<NAME>_URL`
   * set when the process starts (there is no default: 127.0.0.1 in a pod is the pod itself).
   * Compose, the Kubernetes env and the NetworkPolicies are checked against this list
   * (scripts/test/infra.test.ts), so the call graph cannot drift from the code.
   */
  calls?: readonly string[];
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  /**
   * Whose grants decide who may see the citizens' data this service holds, and what that data is
   * called on the access log. The kit builds each request's `ctx.access` from it.
   */
  access?: SubgraphAccess;
  createLoaders: LoaderFactory<Loaders>;
  /**
   * Files served at `GET /files<path>` (the gateway's `/files/<name><path>`) with the same
   * identity check, request context and access log as `/graphql` (files.ts, docs/files-and-pdf.md).
   */
  files?: readonly FileRoute<Loaders>[];
  /**
   * What this subgraph holds about a citizen, section by section, for the citizen's whole record
   * (GDPR Art. 15, `recordExport` in citizens; docs/record-export.md). The kit adds the hidden
   * `recordPart` query from it, and the access log as a section of its own. Every table with a
   * citizen column must be in a section or `excluded` with a reason (e2e record completeness test).
   */
  record?: RecordDeclaration;
  /**
   * The service's own purges, run like the kit parts' (access log retention, idempotency keys):
   * now and then every `everyMs`, on the service's database, while it serves.
   */
  housekeeping?: readonly { name: string; everyMs: number; purge: (dataSource: DataSource) => Promise<unknown> }[];
  /** Loads the seed stories' demo data into an empty database; resolves whether it did. */
  seedDemo?: (dataSource: DataSource) => Promise<boolean>;
  /**
   * Work the service does beside answering requests (insights: consuming the other subgraphs'
   * events), started by runSubgraph once the server is up; resolves the function that stops it
   * on shutdown. Tests start it themselves.
   */
  background?: (running: RunningSubgraph, logger: Logger) => Promise<() => Promise<void>>;
  /**
   * The event feeds that background work reads (source name → URL, found as it finds them), so
   * the benchmark and tests can wait until it has read what was written (waitUntilCaughtUp).
   */
  eventSources?: () => Record<string, string>;
  /**
   * Empties what the service derived from other services' events, with its consumer bookkeeping
   * (processed_event, event_cursor), so it reads their feeds again from the start: when those
   * feeds were replaced (seed:scale) or its read model is rebuilt (insights:rebuild).
   */
  resetReadModel?: (dataSource: DataSource) => Promise<void>;
}

export interface RunningSubgraph extends RunningHttpServer {
  dataSource: DataSource & { statements: { count: number } };
  schema: GraphQLSchema;
}

/** Builds the subgraph's schema, connected to nothing: for printing `schema.graphql`. */
export function buildSubgraphSchemaOf(definition: SubgraphDefinition<unknown>): Promise<GraphQLSchema> {
  return buildFederatedSchema(schemaOptionsOf(definition));
}

/**
 * A read of a subgraph's part of a citizen's record for an export, on its access log under the
 * person the export is for (kind "record export (GDPR art. 15): …", operation RecordExport).
 */
export function logRecordRead(dataSource: DataSource, read: RecordRead): Promise<void> {
  return logReadFor(dataSource, {
    domain: read.service,
    citizenId: read.citizenId,
    kind: recordExportKind(read.kind),
    actor: read.actor,
    requestId: read.requestId,
    operationName: 'RecordExport',
  });
}

/** The definition's resolvers plus what the kit adds from its declarations (`recordPart` from `record`). */
function schemaOptionsOf(definition: SubgraphDefinition<any>): SchemaOptions {
  if (!definition.record) return definition;
  const recordPart = recordPartResolver(definition.name, definition.record, logRecordRead, definition.access?.kind);
  return { ...definition, resolvers: [recordPart, ...(definition.resolvers as Function[])] };
}

/**
 * Serves a subgraph over HTTP against an already chosen database URL (migrations applied).
 * Requests are accepted only with the gateway's signed assertion of who is asking.
 */
export async function startSubgraph<Loaders>(
  definition: SubgraphDefinition<Loaders>,
  options: { databaseUrl: string; port: number; logger?: Logger },
): Promise<RunningSubgraph> {
  const logger = options.logger ?? createLogger(definition.name);
  const schema = await buildFederatedSchema(schemaOptionsOf(definition));
  const dataSource = createDataSource({
    url: options.databaseUrl,
    entities: definition.entities,
    migrations: definition.migrations,
    logger,
  });
  await openDatabase(dataSource);
  const secret = gatewayAssertionSecret();
  // One client request can reach this subgraph several times (entity fetches of one plan), all
  // with the same assertion: its signature is checked once.
  const verifyAssertion = cacheVerified((token: string) => verifyGatewayAssertion(token, secret), 2_000);
  const accessFor = createRequestAccess(definition.access ?? {}, definition.name, dataSource);
  const metrics = createServerMetrics(definition.name);
  // One request context for /graphql and /files: the gateway's assertion, the actor, ctx.access.
  const contextOf = async (req: IncomingMessage): Promise<RequestContext<Loaders>> => {
    const assertion = req.headers[GATEWAY_ASSERTION_HEADER];
    if (typeof assertion !== 'string') {
      throw unauthenticated('This service answers only requests that come through the gateway.');
    }
    const { actor, requestId } = await verifyAssertion(assertion).catch(() => {
      throw unauthenticated('The request did not carry a valid proof from the gateway.');
    });
    const access = accessFor(actor);
    return {
      actor,
      requestId: requestId || randomUUID(),
      logger: logger.child({ requestId, traceId: traceIdOf(req.headers), actor: actor.id, role: actor.role }),
      dataSource,
      access,
      loaders: definition.createLoaders({ dataSource, actor, access }),
    };
  };
  const beforeFileSent = KIT_PARTS.flatMap((part) => (part.beforeFileSent ? [part.beforeFileSent(definition.name)] : []));
  metrics.observePool(() => (dataSource.driver as unknown as { master?: PoolLike }).master);

  const http = await serveGraphQL<RequestContext<Loaders>>(
    {
      logger,
      service: definition.name,
      metrics,
      createServer: (plugins) =>
        new ApolloServer<RequestContext<Loaders>>({
          schema,
          // Apollo's own messages go through the redacting logger too, not straight to the console.
          logger,
          // No Apollo Studio here: federated traces would only cost time on every request.
          plugins: [
            ...plugins,
            ApolloServerPluginInlineTraceDisabled(),
            // The kit's parts: idempotency keys, and the access log (every look-up of a citizen's
            // data is logged before the answer leaves: audit-log/plugin.ts).
            ...KIT_PARTS.flatMap((part) =>
              part.plugin ? [part.plugin(definition.name) as ApolloServerPlugin<RequestContext<Loaders>>] : [],
            ),
          ],
          formatError: createErrorFormatter(logger),
          includeStacktraceInErrorResponses: false,
          // Signals are handled once, by onShutdownSignal, which stops everything in order.
          stopOnTerminationSignals: false,
        }),
      context: ({ req }) => contextOf(req),
      // GET /events: this subgraph's outbox, for other services (events/feed.ts, docs/events.md).
      routes: (app) => {
        mountEventFeed(app, { dataSource, secret, logger });
        // GET /files/…: the definition's files (files.ts), logged by the parts before they are sent.
        mountFileRoutes(app, {
          routes: definition.files ?? [],
          context: contextOf,
          beforeSend: async (ctx, operationName) => {
            for (const hook of beforeFileSent) await hook(ctx, operationName);
          },
          logger,
          service: definition.name,
        });
      },
      ready: async () => {
        if (!dataSource.isInitialized) return false;
        await dataSource.query('SELECT 1');
        return !(await dataSource.showMigrations());
      },
    },
    options.port,
  );
  // The parts' background work: access log retention (entries older than ACCESS_LOG_RETENTION_DAYS,
  // ≥ 183, default 730, go) and idempotency key expiry (older than IDEMPOTENCY_KEY_TTL_HOURS).
  const stops = [
    ...KIT_PARTS.flatMap((part) =>
      part.schedule ? [part.schedule(dataSource, (error) => logger.error({ err: error }, `${part.name}: housekeeping failed`))] : [],
    ),
    ...(definition.housekeeping ?? []).map((job) =>
      schedulePurge(dataSource, job.purge, (error) => logger.error({ err: error }, `${job.name}: housekeeping failed`), job.everyMs),
    ),
  ];
  return {
    ...http,
    dataSource,
    schema,
    close: async () => {
      for (const stop of stops) stop();
      await http.close();
      await dataSource.destroy();
    },
  };
}

/**
 * The whole life of a subgraph process: check its configuration (every variable it reads, the
 * URLs of the subgraphs it calls, and `checks` across variables), find its database, serve,
 * stop cleanly on a signal.
 */
export async function runSubgraph<Loaders>(
  definition: SubgraphDefinition<Loaders>,
  options: { checks?: ((env: Env) => string | undefined)[] } = {},
): Promise<void> {
  checkConfigOrExit({ service: definition.name, kind: 'subgraph', subgraphUrls: definition.calls, checks: options.checks });
  const logger = createLogger(definition.name);
  if (initTracing({ service: definition.name })) logger.info({ endpoint: setting('OTEL_EXPORTER_OTLP_ENDPOINT') }, 'tracing on (OTLP)');
  const database = await resolveDatabase(definition.name, logger);
  if (setting('MIGRATE_ONLY')) {
    // A release's migration step (Kubernetes init container): migrate under the lock, exit.
    const dataSource = createDataSource({ url: database.url, entities: definition.entities, migrations: definition.migrations, logger });
    await openDatabase(dataSource);
    await dataSource.destroy();
    await database.embedded?.stop();
    logger.info('migrations applied');
    return;
  }
  const port = setting('PORT') ?? definition.defaultPort;
  const running = await startSubgraph(definition, { databaseUrl: database.url, port, logger });
  if (setting('SEED_DEMO') && (await definition.seedDemo?.(running.dataSource))) {
    logger.info('demo data loaded');
  }
  const stopBackground = await definition.background?.(running, logger);
  logger.info({ url: running.url }, `${definition.name} subgraph ready`);
  onShutdownSignal(logger, async () => {
    await stopBackground?.();
    await running.close();
    await database.embedded?.stop();
  });
}
