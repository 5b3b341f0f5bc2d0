import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { setting } from '@jobcenter/kit/config';
import { GraphQLError, GraphQLFormattedError, ValidationContext, ValidationRule } from 'graphql';

/**
 * Limits on what one operation may ask of the federation, checked at the gateway before any
 * subgraph is called, by GraphQL Armor's rules. Every rule follows fragment spreads, also
 * fragments spread inside fragments, and counts a fragment at each place it is spread; depth and
 * cost flatten fragments (a spread adds its fields at the level where it stands, not one deeper).
 * Set from the client operations (gateway/operations), which pass with room to spare:
 *
 *   operation           depth  aliases  cost  directives  tokens
 *   CaseworkerCaseload    5       0      108      0          63
 *   JobConsultantDay      6       0      105      0          52
 *   MunicipalDashboard    3       0       80      0         119
 *   CitizenOwnView        4       0       88      0          67
 *
 * Cost is Armor's: a leaf costs 1, an object 2 plus 1.5 × its selections, times a literal
 * `first`/`last`; so 150 leaves under one field cost 227, and the same deeper down cost more.
 * Depth 8 (Armor's 6 would leave the job consultant's day no headroom), 15 aliases, cost 500,
 * 50 directives, 1,000 tokens (graphql-js's own parser limit; Armor's token rule is for Envelop).
 * Batched HTTP requests stay off (Apollo's default), so a batch of operations is refused outright.
 */
export const GATEWAY_LIMITS = {
  maxDepth: 8,
  maxAliases: 15,
  maxCost: 500,
  maxDirectives: 50,
  maxTokens: 1000,
};

export type GatewayLimits = typeof GATEWAY_LIMITS;

const production = () => setting('NODE_ENV') === 'production';

/** What a client is told in production when an operation breaks any limit: no number, no limit named. */
const TOO_COMPLEX = 'The operation is too complex.';

/** Validations that have already refused their operation (production says it once). */
const reported = new WeakSet<ValidationContext>();

/**
 * Armor's rules report through this instead of throwing: in production the client learns only
 * that the operation is too complex (a limit or a count would help tune an attack); in
 * development Armor's message, with the limit and the count found, helps whoever writes a query.
 */
function reportTooComplex(context: ValidationContext | null, error: GraphQLError): void {
  if (!context) return;
  const detail = error.message.replace(/^Syntax Error: /, '');
  if (production()) {
    // One refusal, however many limits the operation breaks: the same sentence twice says nothing.
    if (reported.has(context)) return;
    reported.add(context);
  }
  context.reportError(
    new GraphQLError(production() ? TOO_COMPLEX : `${TOO_COMPLEX.slice(0, -1)}: ${detail}`, { extensions: { code: 'BAD_USER_INPUT' } }),
  );
}

const reject = { exposeLimits: true, propagateOnRejection: false, onReject: [reportTooComplex] };

/** The validation rules that hold an operation to `limits` (tokens are the parser's: `parseOptions`). */
export function operationLimitRules(limits: GatewayLimits = GATEWAY_LIMITS): ValidationRule[] {
  return [
    // Introspection (development only) is not counted: its type references nest deeply by design.
    maxDepthRule({ n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true, ...reject }),
    maxAliasesRule({ n: limits.maxAliases, ...reject }),
    costLimitRule({ maxCost: limits.maxCost, flattenFragments: true, ignoreIntrospection: true, ...reject }),
    maxDirectivesRule({ n: limits.maxDirectives, ...reject }),
  ];
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
