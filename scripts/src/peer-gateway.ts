import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { GATEWAY_ASSERTION_HEADER, REQUEST_ID_HEADER } from '@jobcenter/kit';
import { createLogger } from '@jobcenter/kit/logger';
import { createGatewayContext } from '@jobcenter/gateway/auth';

/**
 * The Guild's Hive Gateway over the same supergraph, as the benchmark's yardstick. It does the
 * same token work per request as our gateway, with our code: verifies the caller's bearer token
 * and signs a fresh assertion (bound to a request id) for the subgraphs.
 *
 * That matters beyond fairness: Hive deduplicates identical in-flight subgraph requests (same
 * URL, body and headers). Fed one ready-made assertion shared by every request, as the first
 * benchmark did, ten concurrent identical queries became one subgraph call and one access log
 * write, which no real client traffic (one assertion per request) would ever see.
 */
export async function startPeerGateway(supergraphSdl: string, port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const authenticate = createGatewayContext(createLogger('hive-gateway'));
  // Once per client request, not per subgraph fetch: our gateway signs once per request too.
  const assertions = new WeakMap<Request, Promise<Record<string, string>>>();
  const headersFor = (request: Request) => {
    let headers = assertions.get(request);
    if (!headers) {
      headers = authenticate({
        req: {
          headers: {
            authorization: request.headers.get('authorization') ?? undefined,
            'x-request-id': request.headers.get(REQUEST_ID_HEADER) ?? undefined,
          },
        },
      } as any).then(({ assertion, requestId }) => ({ [GATEWAY_ASSERTION_HEADER]: assertion, [REQUEST_ID_HEADER]: requestId }));
      assertions.set(request, headers);
    }
    return headers;
  };
  const runtime = createGatewayRuntime({
    supergraph: supergraphSdl,
    logging: false,
    maskedErrors: false,
    propagateHeaders: { fromClientToSubgraphs: ({ request }) => headersFor(request) },
  });
  const server = http.createServer(runtime);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: async () => {
      await runtime.dispose();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
