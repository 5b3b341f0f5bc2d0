import http from 'node:http';
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloGateway, GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import fetch from 'node-fetch';
import { createErrorFormatter } from '@jobcenter/kit/errors';
import { RunningHttpServer, serveGraphQL } from '@jobcenter/kit/http';
import { GATEWAY_ASSERTION_HEADER, REQUEST_ID_HEADER } from '@jobcenter/kit/identity';
import { createLogger, Logger } from '@jobcenter/kit/logger';
import { createGatewayContext, GatewayContext } from './auth';
import { subgraphUrl, SUPERGRAPH_FILE } from './subgraphs';

/** Keep-alive connections to the subgraphs: no TCP handshake per subgraph fetch. */
const keepAliveAgent = new http.Agent({ keepAlive: true, maxSockets: 64, keepAliveMsecs: 30_000 });

/** Forwards the gateway's signed actor assertion and the request id to every subgraph call. */
class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!('assertion' in context) || !context.assertion) return;
    request.http?.headers.set(GATEWAY_ASSERTION_HEADER, context.assertion);
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}

export interface GatewayOptions {
  port: number;
  /** Subgraph URL by name; defaults to `<NAME>_URL` env or the URL in the supergraph. */
  subgraphUrls?: Record<string, string>;
  supergraphSdl?: string;
  logger?: Logger;
}

/** Starts the gateway over the static, composed supergraph (no introspection of live services). */
export async function startGateway(options: GatewayOptions): Promise<RunningHttpServer> {
  const logger = options.logger ?? createLogger('gateway');
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? readFileSync(SUPERGRAPH_FILE, 'utf8'),
    buildService: ({ name, url }) =>
      new AuthenticatedDataSource({
        url: options.subgraphUrls?.[name] ?? subgraphUrl(name, url ?? ''),
        fetcher: ((input: string, init: object) => fetch(input, { ...init, agent: keepAliveAgent })) as any,
      }),
  });
  return serveGraphQL<GatewayContext>(
    {
      logger,
      createServer: (plugins) =>
        new ApolloServer<GatewayContext>({
          gateway,
          plugins,
          formatError: createErrorFormatter(logger),
          includeStacktraceInErrorResponses: false,
          // Signals are handled once, by onShutdownSignal, which stops everything in order.
          stopOnTerminationSignals: false,
        }),
      context: createGatewayContext(logger),
      ready: async () => true,
    },
    options.port,
  );
}
