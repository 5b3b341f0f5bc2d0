import type { ApolloServerOptionsWithGateway, ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { GraphQLError, GraphQLFormattedError, GraphQLScalarType, GraphQLSchema } from 'graphql';
import { DANGLING_REFERENCE, DateScalar, DateTimeScalar } from '@jobcenter/kit';
import type { Logger } from '@jobcenter/kit/logger';
import type { GatewayContext } from './auth';

type Gateway = NonNullable<ApolloServerOptionsWithGateway<GatewayContext>['gateway']>;

/**
 * The supergraph only names the custom scalars, so the gateway would pass `2026-02-30` on to a
 * subgraph, whose refusal then arrives as a failed fetch (an internal error). Here the API schema
 * the gateway validates requests against gets the kit's own parsing for Date and DateTime: an
 * impossible date is refused before any subgraph is called, as BAD_USER_INPUT, whether it came as
 * a variable or a literal, and a mutation is never half-run.
 */
export function withInputScalars(gateway: Gateway): Gateway {
  return {
    load: (options) => gateway.load(options),
    stop: () => gateway.stop(),
    onSchemaLoadOrUpdate: (callback) =>
      gateway.onSchemaLoadOrUpdate((schema) => callback({ ...schema, apiSchema: withKitScalars(schema.apiSchema) })),
  };
}

function withKitScalars(schema: GraphQLSchema): GraphQLSchema {
  for (const own of [DateScalar, DateTimeScalar]) {
    const type = schema.getType(own.name);
    // Only parsing: answers are already serialised by the subgraphs.
    if (type instanceof GraphQLScalarType) Object.assign(type, { parseValue: own.parseValue, parseLiteral: own.parseLiteral });
  }
  return schema;
}

const DANGLING_MESSAGE =
  'Part of this answer refers to a record that could not be found (for example a staff member or citizen that does not exist), ' +
  'so it was left out. If you were saving, the change may have been saved: reload before trying again.';

/**
 * Apollo's gateway, when an entity another subgraph returns is null in a non-null position, nulls
 * the answer up to the nearest nullable field but reports it only in `extensions.valueCompletion`,
 * not in `errors`: a client saw `data: null` without an error (issue 13: a course stored with
 * unknown facilitators). This turns each such report into an error with code DANGLING_REFERENCE
 * and its path, and logs it; the extension itself (which names schema types) is dropped.
 */
export function valueCompletionPlugin(logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, operationName }: GraphQLRequestContextWillSendResponse<GatewayContext>) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const completion = result.extensions?.valueCompletion as (GraphQLError | GraphQLFormattedError)[] | undefined;
          if (!Array.isArray(completion) || completion.length === 0) return;
          const { valueCompletion: _dropped, ...extensions } = result.extensions ?? {};
          result.extensions = Object.keys(extensions).length > 0 ? extensions : undefined;
          logger.error(
            { operationName, problems: completion.map((e) => ({ message: e.message, path: e.path })) },
            'null in a non-null position',
          );
          const errors: GraphQLFormattedError[] = completion.map((e) => ({
            message: DANGLING_MESSAGE,
            ...(e.path ? { path: e.path } : {}),
            extensions: { code: DANGLING_REFERENCE },
          }));
          result.errors = [...(result.errors ?? []), ...errors];
        },
      };
    },
  };
}

/**
 * A subgraph refuses some input with HTTP 400 and a GraphQL body (its variable coercion). The
 * gateway would report that as a failed fetch, masked as an internal error; when the subgraph
 * said BAD_USER_INPUT, that refusal is what the client gets.
 */
export function userInputRefusal(status: number, body: unknown): GraphQLError | null {
  if (status !== 400 || !body || typeof body !== 'object') return null;
  const first = (body as { errors?: { message?: unknown; extensions?: { code?: unknown; field?: unknown } }[] }).errors?.[0];
  if (first?.extensions?.code !== 'BAD_USER_INPUT' || typeof first.message !== 'string') return null;
  const field = typeof first.extensions.field === 'string' ? { field: first.extensions.field } : {};
  return new GraphQLError(first.message, { extensions: { code: 'BAD_USER_INPUT', ...field } });
}
