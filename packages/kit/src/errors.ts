import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { redactCprNumbers } from './crypto/cpr-redaction';
import { isScalarRefusal } from './scalars';
import { currentRequest } from './observability/request-scope';

/** The error codes the client contract lists. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401 };

function appError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  const status = HTTP_STATUS[code];
  return new GraphQLError(message, {
    extensions: { code, ...extensions, ...(status ? { http: { status } } : {}) },
  });
}

/** Input a caseworker must correct; `field` names the input field at fault. */
export const badUserInput = (message: string, field?: string) => appError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
export const unauthenticated = (message = 'Sign in to use this service.') => appError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'You do not have access to this information.') => appError(ErrorCode.FORBIDDEN, message);
export const notFound = (what: string, id: string) => appError(ErrorCode.NOT_FOUND, `${what} ${id} does not exist.`);
/** `extensions` say what clashes, for a client to show (e.g. the meeting in the way of a booking). */
export const conflict = (message: string, extensions: Record<string, unknown> = {}) => appError(ErrorCode.CONFLICT, message, extensions);
/** A stale `expectedVersion`: someone else saved first; nothing was changed. */
export const staleVersion = (what: string, expected: number, actual: number) =>
  conflict(
    `${what} was changed by someone else (you edited version ${expected}, it is now version ${actual}). ` +
      'Reload it and make your change again; nothing was saved.',
  );

/** The gateway could not reach a subgraph: the rest of the answer is still given. */
export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';
export const subgraphUnavailable = (service: string) =>
  new GraphQLError(`The ${service} service is unavailable right now; data from it is missing from this answer. Try again shortly.`, {
    extensions: { code: SUBGRAPH_UNAVAILABLE, service },
  });

/**
 * An answer refers to an entity its owning subgraph does not know, in a place that cannot be null
 * (gateway/src/input.ts): that part of the answer is left out, and the client is told so.
 */
export const DANGLING_REFERENCE = 'DANGLING_REFERENCE';

/** The service's database cannot be reached or did not answer in time (see kit timeouts). */
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';
const DATABASE_UNAVAILABLE_MESSAGE =
  'The database is unavailable right now or did not answer in time. Try again shortly; if you were saving, check whether it was saved.';
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '57014',
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Connection ended unexpectedly|the database system is (starting up|shutting down)|not queryable|terminating connection|Query runner already released/i;

/** True for errors that mean "PostgreSQL is away or too slow", not "the request is wrong". */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  const e = error as { code?: string; message?: string; driverError?: { code?: string; message?: string } } | undefined;
  if (!e || typeof e !== 'object' || depth > 3) return false;
  // A value thrown that is not an Error (e.g. from another realm) arrives wrapped by graphql-js.
  const wrapped = (e as { thrownValue?: unknown; originalError?: unknown }).thrownValue ?? (e as { originalError?: unknown }).originalError;
  if (wrapped && isDatabaseUnavailable(wrapped, depth + 1)) return true;
  const code = e.driverError?.code ?? e.code;
  const message = `${e.message ?? ''} ${e.driverError?.message ?? ''}`;
  return (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) || UNAVAILABLE_MESSAGES.test(message);
}

/**
 * Codes a client may see as they are. Everything else (a database error, a bug) becomes a
 * plain INTERNAL_SERVER_ERROR: no SQL, stack trace or internal message leaves the server.
 */
const PUBLIC_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  SUBGRAPH_UNAVAILABLE,
  SERVICE_UNAVAILABLE,
  DANGLING_REFERENCE,
]);

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

/** Flattens class-validator's tree into "field: reason" lines a caseworker can act on. */
function describeValidation(errors: ValidationErrorLike[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((reason) => `${path}: ${reason}`);
    return [...own, ...describeValidation(e.children ?? [], path)];
  });
}

/**
 * GraphQL's own input errors quote the value sent (`got invalid value { cpr: "…", … }`,
 * `cannot represent a non string value: …`). The reason stays, the value goes, and anything
 * still shaped like a CPR number is hidden: personal data is not repeated back, so it cannot
 * end up in a client's, a proxy's or a log collector's records.
 */
export function withoutEchoedInput(message: string): string {
  const reason = message
    .replace(/^(Variable "\$\w+" got) invalid value [\s\S]*?(?=(?: at "[^"]*")?; [A-Z])/, '$1 an invalid value')
    .replace(/(cannot represent [^:]*value): [\s\S]*$/, '$1.');
  return redactCprNumbers(reason);
}

/**
 * The input field a variable's coercion error is about, as resolvers name fields: graphql-js
 * says `Variable "$i" got invalid value … at "i.participants[0].staffId"`, which is the field
 * `participants.0.staffId` of the input (a plain argument is named by its variable).
 */
export function variableField(message: string): string | undefined {
  const variable = /^Variable "\$(\w+)" got /.exec(message)?.[1];
  if (!variable) return undefined;
  const at = / at "([\w.[\]]+)"; /.exec(message)?.[1];
  if (!at) return variable;
  const path = at.replace(/\[(\d+)\]/g, '.$1').split('.');
  return (path[0] === variable ? path.slice(1) : path).join('.') || variable;
}

/** Apollo `formatError` for the gateway and every subgraph. */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const validationErrors = (original as { extensions?: { validationErrors?: ValidationErrorLike[] } })?.extensions?.validationErrors;
    if (Array.isArray(validationErrors)) {
      // The top level is the argument (`input`); its children are the fields a person fills in.
      const reasons = validationErrors.flatMap((arg) =>
        arg.children?.length ? describeValidation(arg.children) : describeValidation([arg]),
      );
      return {
        message: `Please correct the input: ${reasons.join('; ')}`,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [...new Set(reasons.map((r) => r.split(':')[0]))] },
      };
    }
    // The request's own logger (with its request id) when there is one: the id the client got.
    const log = currentRequest()?.logger ?? logger;
    if (isDatabaseUnavailable(original)) {
      log.warn({ err: original, path: formatted.path }, 'database unavailable');
      return {
        message: DATABASE_UNAVAILABLE_MESSAGE,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: SERVICE_UNAVAILABLE },
      };
    }
    let code = formatted.extensions?.code;
    // A literal argument a scalar refused (`from: "2026-02-30"`) fails validation, but it is the
    // input at fault, exactly as the same value in a variable: BAD_USER_INPUT either way.
    if (code === 'GRAPHQL_VALIDATION_FAILED' && isScalarRefusal(error)) code = ErrorCode.BAD_USER_INPUT;
    if (typeof code === 'string' && PUBLIC_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
      const field = code === ErrorCode.BAD_USER_INPUT && extensions.field === undefined ? variableField(formatted.message) : undefined;
      return {
        ...formatted,
        message: withoutEchoedInput(formatted.message),
        extensions: { ...extensions, code, ...(field ? { field } : {}) },
      };
    }
    // A subgraph's own masked internal error passes through the gateway unchanged.
    if (code === ErrorCode.INTERNAL_SERVER_ERROR && formatted.message === INTERNAL_MESSAGE) {
      return { message: INTERNAL_MESSAGE, path: formatted.path, locations: formatted.locations, extensions: { code } };
    }
    log.error({ err: original, path: formatted.path }, 'internal error masked for the client');
    return {
      message: INTERNAL_MESSAGE,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

const INTERNAL_MESSAGE = 'Something went wrong on our side. The error has been logged; please try again.';
