import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { Actor } from './identity';

/**
 * What every resolver receives. Built afresh for each request: the verified actor, the
 * request id that ties the logs of gateway and subgraphs together, and the service's
 * DataLoaders, which are never shared between requests (a shared cache would leak one
 * user's data to another).
 */
export interface RequestContext<Loaders = unknown> {
  actor: Actor;
  requestId: string;
  logger: Logger;
  dataSource: DataSource;
  loaders: Loaders;
}

/** Makes a service's loaders for one request. */
export type LoaderFactory<Loaders> = (deps: { dataSource: DataSource; actor: Actor }) => Loaders;
