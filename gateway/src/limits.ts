import { setting } from '@jobcenter/kit/config';
import { ASTVisitor, FieldNode, GraphQLError, GraphQLFormattedError, Kind, ValidationContext } from 'graphql';

/**
 * Limits on what one operation may ask of the federation, checked at the gateway before any
 * subgraph is called (GraphQL Armor's rules, written out: no extra dependency). Set from the
 * four client operations (gateway/operations), which they pass with room to spare:
 *
 *   operation           depth  aliases  fields  tokens
 *   CaseworkerCaseload    5       0        30      63
 *   JobConsultantDay      6       0        21      52
 *   MunicipalDashboard    3       0        45     119
 *   CitizenOwnView        4       0        32      67
 *
 * Depth 8 (Armor's 6 would leave the job consultant's day no headroom), 15 aliases, 1,000
 * tokens and 150 fields (a cost: each selected field costs 1, wherever it sits). Batched HTTP
 * requests stay off (Apollo's default), so a batch of operations is refused outright.
 */
export const GATEWAY_LIMITS = {
  maxDepth: 8,
  maxAliases: 15,
  maxTokens: 1000,
  maxFields: 150,
};

const production = () => setting('NODE_ENV') === 'production';

/** What a client is told in production when an operation breaks any limit: no number, no limit named. */
export const TOO_COMPLEX = 'The operation is too complex.';

/** In production the limit is not echoed (it would help tune an attack); in development it is. */
function tooComplex(detail: string): GraphQLError {
  return new GraphQLError(production() ? TOO_COMPLEX : `${TOO_COMPLEX.slice(0, -1)}: ${detail}.`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** graphql-js's own message when the parser stops at `maxTokens`: it names the limit. */
const TOKEN_LIMIT = /Document contains more \w+ \d+ tokens/; // graphql 16 spells it "more that"

/**
 * Wraps the gateway's `formatError` so that, in production, the parser's token-limit error
 * says only that the operation is too complex. Its location goes too: the column where parsing
 * stopped would give the limit away. In development the parser's message (with the number) is
 * kept, as it helps whoever writes a query.
 */
export function hideLimitsInProduction(
  format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const result = format(formatted, error);
    if (!production() || !TOKEN_LIMIT.test(result.message)) return result;
    return { message: TOO_COMPLEX, extensions: { code: result.extensions?.code ?? 'GRAPHQL_PARSE_FAILED' } };
  };
}

/** Introspection (development only) is not counted: its type references nest deeply by design. */
const isIntrospection = (node: FieldNode) => node.name.value.startsWith('__');

/** Depth, aliases and field count of the operation, each reported once. */
export function operationLimitsRule(limits = GATEWAY_LIMITS) {
  return (context: ValidationContext): ASTVisitor => {
    let depth = 0;
    let aliases = 0;
    let fields = 0;
    let introspection = 0;
    const reported = new Set<string>();
    const report = (key: string, detail: string) => {
      if (reported.has(key)) return;
      reported.add(key);
      context.reportError(tooComplex(detail));
    };
    return {
      OperationDefinition: {
        enter() {
          depth = 0;
        },
      },
      Field: {
        enter(node) {
          if (isIntrospection(node)) introspection += 1;
          if (introspection > 0) return;
          depth += 1;
          fields += 1;
          if (node.alias) aliases += 1;
          if (depth > limits.maxDepth) report('depth', `it nests deeper than ${limits.maxDepth} levels`);
          if (aliases > limits.maxAliases) report('aliases', `it uses more than ${limits.maxAliases} aliases`);
          if (fields > limits.maxFields) report('fields', `it selects more than ${limits.maxFields} fields`);
        },
        leave(node) {
          if (introspection > 0) {
            if (isIntrospection(node)) introspection -= 1;
            return;
          }
          depth -= 1;
        },
      },
      // Fragments spread the same selections again: count them where they are used.
      FragmentDefinition: () => false,
      FragmentSpread(node) {
        const fragment = context.getFragment(node.name.value);
        if (!fragment) return;
        // A cheap bound: a spread costs its fragment's field count at this depth.
        let count = 0;
        let inner = 0;
        const walk = (selections: readonly any[], level: number) => {
          for (const s of selections) {
            if (s.kind === Kind.FIELD) {
              count += 1;
              inner = Math.max(inner, level);
              if (s.alias) aliases += 1;
              if (s.selectionSet) walk(s.selectionSet.selections, level + 1);
            } else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet.selections, level);
          }
        };
        walk(fragment.selectionSet.selections, 1);
        fields += count;
        if (depth + inner > limits.maxDepth) report('depth', `it nests deeper than ${limits.maxDepth} levels`);
        if (aliases > limits.maxAliases) report('aliases', `it uses more than ${limits.maxAliases} aliases`);
        if (fields > limits.maxFields) report('fields', `it selects more than ${limits.maxFields} fields`);
      },
    };
  };
}
