import { randomUUID } from 'node:crypto';
import type { Actor } from '../identity';
import { authJwtSecret, gatewayAssertionSecret, GATEWAY_ASSERTION_HEADER, signGatewayAssertion, signUserToken } from '../identity';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [k: string]: unknown } }[];
}

/** POSTs a GraphQL operation with the given headers and returns status, data and errors. */
export async function postGraphQL<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: GraphQLResponse['errors'] };
  return { status: response.status, data: body.data, errors: body.errors };
}

/** Headers as the gateway sends them to a subgraph for this actor. */
export async function gatewayHeadersFor(actor: Actor): Promise<Record<string, string>> {
  return { [GATEWAY_ASSERTION_HEADER]: await signGatewayAssertion(actor, randomUUID(), gatewayAssertionSecret()) };
}

/** A user's bearer token header, as a client sends it to the gateway. */
export async function bearerFor(actor: Actor, expiresIn: string | number = '1h'): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await signUserToken(actor, authJwtSecret(), expiresIn)}` };
}

/** The first error code of a response, for compact assertions. */
export function errorCode(response: GraphQLResponse): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}
