import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { GATEWAY_ASSERTION_HEADER } from '@jobcenter/kit';

/**
 * The Guild's Hive Gateway over the same supergraph, as the benchmark's yardstick. It does
 * no token work of its own: the client sends the subgraph assertion ready-made and Hive only
 * forwards it, so it does less per request than our gateway (which verifies the JWT and
 * signs the assertion) and the ratio errs in Hive's favour.
 */
export async function startPeerGateway(supergraphSdl: string): Promise<{ url: string; close(): Promise<void> }> {
  const runtime = createGatewayRuntime({
    supergraph: supergraphSdl,
    logging: false,
    maskedErrors: false,
    // Hive shares one subgraph call among identical requests in flight (on by default). The
    // bench's connections all send the same request as the same user, which flatters it;
    // BENCH_HIVE_DEDUPE=false turns it off for a like-for-like comparison.
    ...(process.env.BENCH_HIVE_DEDUPE === 'false' ? { transportEntries: { '*': { options: { deduplicateInflightRequests: false } } } } : {}),
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({ [GATEWAY_ASSERTION_HEADER]: request.headers.get(GATEWAY_ASSERTION_HEADER) }),
    },
  });
  const server = http.createServer(runtime);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: async () => {
      await runtime.dispose();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
