import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { CitizenAccess } from './access/caseload';
import type { Actor } from './identity';

/**
 * What every resolver receives. Built afresh for each request by the subgraph runner: the
 * verified actor, the request id that ties the logs of gateway and subgraphs together, the
 * request's access decisions (`access`, built by the kit from the definition's `access`), and
 * the service's DataLoaders, which are never shared between requests (a shared cache would leak
 * one user's data to another).
 */
export interface RequestContext<Loaders = unknown> {
  actor: Actor;
  requestId: string;
  logger: Logger;
  dataSource: DataSource;
  /** This request's view of the caseload policy; what it reaches goes on the access log. */
  access: CitizenAccess;
  loaders: Loaders;
}

/**
 * Makes a service's loaders for one request. `access` is the request's `ctx.access`, handed in
 * for loaders that filter by it.
 */
export type LoaderFactory<Loaders> = (deps: { dataSource: DataSource; actor: Actor; access: CitizenAccess }) => Loaders;
