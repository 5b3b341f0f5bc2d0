import { randomUUID } from 'node:crypto';
import { gatewayAssertionSecret, GATEWAY_ASSERTION_HEADER, REQUEST_ID_HEADER, signServiceAssertion } from './identity';
import { setting, settingOf, subgraphUrlSetting } from './config';

export interface SubgraphClient {
  /** Runs an operation against the other subgraph as this service; throws on any error. */
  query<T>(query: string, variables?: Record<string, unknown>, requestId?: string): Promise<T>;
}

/** Subgraph to subgraph, whole call: PEER_CALL_TIMEOUT_MS (below the gateway's 10 s for its own call). */
export const DEFAULT_PEER_CALL_TIMEOUT_MS = 5_000;
const peerCallTimeoutMs = () => setting('PEER_CALL_TIMEOUT_MS');

/** The variable that holds a subgraph's URL, e.g. CITIZENS_URL. */
export const subgraphUrlVariable = (name: string) => `${name.toUpperCase()}_URL`;

/** The headers that make a request this service's own (role SERVICE), as every service-to-service call carries. */
export async function serviceRequestHeaders(
  from: string,
  requestId: string = randomUUID(),
  secret = gatewayAssertionSecret(),
): Promise<Record<string, string>> {
  return { [GATEWAY_ASSERTION_HEADER]: await signServiceAssertion(from, requestId, secret), [REQUEST_ID_HEADER]: requestId };
}

/**
 * A call from one subgraph straight to another, with the calling service's own signed identity
 * (role SERVICE: no personal data). The target's URL is read at call time from
 * `<TARGET>_URL` (e.g. CITIZENS_URL), so tests and deployments point it anywhere; there is no
 * default (127.0.0.1 in a pod is the pod itself), and the caller must declare the target in its
 * definition's `calls`. Node's fetch keeps connections alive between calls.
 */
/** `url` fixes the target's address (the gateway knows its subgraphs' URLs); else `<TARGET>_URL`. */
export function subgraphClient(from: string, target: string, fixedUrl?: string): SubgraphClient {
  const secret = gatewayAssertionSecret();
  return {
    async query<T>(query: string, variables: Record<string, unknown> = {}, requestId = randomUUID()): Promise<T> {
      const url = fixedUrl ?? settingOf(subgraphUrlVariable(target), subgraphUrlSetting(target, false));
      if (!url) throw new Error(`${subgraphUrlVariable(target)} is not set: ${from} cannot reach ${target}`);
      const timeoutMs = peerCallTimeoutMs();
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(await serviceRequestHeaders(from, requestId, secret)),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      }).catch((error: Error) => {
        if (error.name !== 'TimeoutError') throw error;
        throw new Error(`${target} did not answer ${from} within ${timeoutMs} ms`);
      });
      const body = (await response.json().catch((error: Error) => {
        if (error.name !== 'TimeoutError') throw error;
        throw new Error(`${target} did not finish answering ${from} within ${timeoutMs} ms`);
      })) as { data?: T; errors?: { message: string }[] };
      if (body.errors?.length || !body.data) {
        throw new Error(`${target} answered ${from} with: ${body.errors?.map((e) => e.message).join('; ') ?? response.status}`);
      }
      return body.data;
    },
  };
}
