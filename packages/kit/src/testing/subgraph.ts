import type { Actor } from '../identity';
import type { Logger } from '../logger';
import { RunningSubgraph, startSubgraph, SubgraphDefinition } from '../subgraph';
import { createTestDatabase } from './database';
import { gatewayHeadersFor, GraphQLResponse, postGraphQL } from './requests';

export interface TestSubgraph extends RunningSubgraph {
  /** Sends an operation as the gateway would for `actor`. */
  as<T = any>(actor: Actor, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** SQL statements sent while `run` ran. */
  countStatements(run: () => Promise<unknown>): Promise<number>;
  stop(): Promise<void>;
}

/** Starts a subgraph on a fresh database (migrations applied) and a free port. */
export async function startTestSubgraph<L>(definition: SubgraphDefinition<L>, options: { logger?: Logger } = {}): Promise<TestSubgraph> {
  const database = await createTestDatabase(definition.name);
  const running = await startSubgraph(definition, { databaseUrl: database.url, port: 0, logger: options.logger });
  return {
    ...running,
    async as(actor, query, variables = {}) {
      return postGraphQL(running.url, query, variables, await gatewayHeadersFor(actor));
    },
    async countStatements(run) {
      const before = running.dataSource.statements.count;
      await run();
      return running.dataSource.statements.count - before;
    },
    async stop() {
      await running.close();
      await database.drop();
    },
  };
}
