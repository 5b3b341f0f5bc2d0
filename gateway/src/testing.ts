import { printSubgraphSchema } from '@apollo/subgraph';
import { createLogger } from '@jobcenter/kit';
import type { Actor, SubgraphDefinition } from '@jobcenter/kit';
import { bearerFor, GraphQLResponse, postGraphQL, startTestSubgraph, TestSubgraph } from '@jobcenter/kit/testing';
import { composeFromSchemas } from './compose';
import { startGateway } from './server';

export interface TestFederation {
  /** The gateway's /graphql URL. */
  url: string;
  /** The gateway's /metrics URL (its own port). */
  metricsUrl: string;
  subgraphs: Record<string, TestSubgraph>;
  /** Sends an operation to the gateway with a fresh bearer token for `actor`. */
  as<T = any>(actor: Actor, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Sends an operation to the gateway with exactly these headers. */
  request<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** SQL statements all subgraphs sent while `run` ran. */
  countStatements(run: () => Promise<unknown>): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The real federation for end-to-end tests: each subgraph on a fresh database and its own
 * port, the gateway composed from their current schemas, real HTTP in between.
 */
export async function startTestFederation(definitions: SubgraphDefinition<any>[]): Promise<TestFederation> {
  const started: TestSubgraph[] = [];
  for (const definition of definitions) started.push(await startTestSubgraph(definition));
  const subgraphs = Object.fromEntries(definitions.map((d, i) => [d.name, started[i]]));
  // Subgraphs that call each other (subgraphClient) find their peers through <NAME>_URL.
  const previousUrls = definitions.map((d) => [`${d.name.toUpperCase()}_URL`, process.env[`${d.name.toUpperCase()}_URL`]] as const);
  definitions.forEach((d, i) => (process.env[`${d.name.toUpperCase()}_URL`] = started[i].url));
  // Each subgraph's background work (insights' facts consumer), as runSubgraph starts it, once
  // its peers' URLs are known: it reads them when it starts.
  const stopBackground: (() => Promise<void>)[] = [];
  for (const [i, d] of definitions.entries()) {
    const stop = await d.background?.(started[i], createLogger(d.name));
    if (stop) stopBackground.push(stop);
  }
  const supergraphSdl = composeFromSchemas(
    definitions.map((d, i) => ({ name: d.name, url: started[i].url, sdl: printSubgraphSchema(started[i].schema) })),
  );
  const gateway = await startGateway({
    port: 0,
    supergraphSdl,
    subgraphUrls: Object.fromEntries(definitions.map((d, i) => [d.name, started[i].url])),
  });
  const total = () => started.reduce((sum, s) => sum + s.dataSource.statements.count, 0);
  return {
    url: gateway.url,
    metricsUrl: gateway.metricsUrl,
    subgraphs,
    async as(actor, query, variables = {}) {
      return postGraphQL(gateway.url, query, variables, await bearerFor(actor));
    },
    request: (query, variables = {}, headers = {}) => postGraphQL(gateway.url, query, variables, headers),
    async countStatements(run) {
      const before = total();
      await run();
      return total() - before;
    },
    async stop() {
      for (const stop of stopBackground) await stop();
      for (const [name, value] of previousUrls) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await gateway.close();
      for (const s of started) await s.stop();
    },
  };
}
