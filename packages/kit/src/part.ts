import type { ApolloServerPlugin } from '@apollo/server';
import type { DataSource } from 'typeorm';
import type { RequestContext } from './context';

/**
 * A piece the subgraph runner plugs onto the core (database, server, schema): its own tables and
 * migrations, a request plugin, and background work on the service's database. The core never
 * imports a part; the runner (subgraph.ts, parts.ts) lists them.
 */
export interface SubgraphPart {
  name: string;
  entities?: readonly Function[];
  migrations?: readonly Function[];
  /** The part's request plugin for the subgraph `service`. */
  plugin?(service: string): ApolloServerPlugin<RequestContext<any>>;
  /**
   * For a file the subgraph serves (files.ts): runs after the handler, before the file is sent;
   * a rejection withholds the file (the access log must be written before data leaves).
   */
  beforeFileSent?(service: string): (ctx: RequestContext<any>, operationName: string) => Promise<void>;
  /** Starts the part's background work; returns the function that stops it. */
  schedule?(dataSource: DataSource, onError: (error: unknown) => void): () => void;
}
