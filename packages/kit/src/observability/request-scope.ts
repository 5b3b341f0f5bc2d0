import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';

/**
 * What code deep inside a request may need without having the context at hand (Apollo's
 * formatError gets only the error): the request's id and its logger, which carries the id.
 * The HTTP server opens one scope per request; a plugin fills it once the context exists.
 */
export interface RequestScope {
  requestId?: string;
  logger?: Logger;
}

const scope = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(run: () => T): T {
  return scope.run({}, run);
}

/** The current request's scope, if this code runs inside one. */
export function currentRequest(): RequestScope | undefined {
  return scope.getStore();
}
