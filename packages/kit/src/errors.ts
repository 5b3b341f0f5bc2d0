import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';

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
export const badUserInput = (message: string, field?: string) =>
  appError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
export const unauthenticated = (message = 'Sign in to use this service.') =>
  appError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'You do not have access to this information.') =>
  appError(ErrorCode.FORBIDDEN, message);
export const notFound = (what: string, id: string) => appError(ErrorCode.NOT_FOUND, `${what} ${id} does not exist.`);
export const conflict = (message: string) => appError(ErrorCode.CONFLICT, message);
/** A stale `expectedVersion`: someone else saved first; nothing was changed. */
export const staleVersion = (what: string, expected: number, actual: number) =>
  conflict(
    `${what} was changed by someone else (you edited version ${expected}, it is now version ${actual}). ` +
      'Reload it and make your change again; nothing was saved.',
  );

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

/** Apollo `formatError` for the gateway and every subgraph. */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const validationErrors = (original as { extensions?: { validationErrors?: ValidationErrorLike[] } })?.extensions
      ?.validationErrors;
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
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PUBLIC_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    // A subgraph's own masked internal error passes through the gateway unchanged.
    if (code === ErrorCode.INTERNAL_SERVER_ERROR && formatted.message === INTERNAL_MESSAGE) {
      return { message: INTERNAL_MESSAGE, path: formatted.path, locations: formatted.locations, extensions: { code } };
    }
    logger.error({ err: original, path: formatted.path }, 'internal error masked for the client');
    return {
      message: INTERNAL_MESSAGE,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

const INTERNAL_MESSAGE = 'Something went wrong on our side. The error has been logged; please try again.';
