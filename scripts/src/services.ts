import { PostgresServer, resolveDatabase, SubgraphDefinition } from '@jobcenter/kit';
import { citizensSubgraph } from '@jobcenter/citizens';
import { plansSubgraph } from '@jobcenter/plans';
import { meetingsSubgraph } from '@jobcenter/meetings';
import { placementsSubgraph } from '@jobcenter/placements';
import { insightsSubgraph } from '@jobcenter/insights';

/** Every subgraph of the federation, in the order they start. Add a new service here. */
export const subgraphs: SubgraphDefinition<any>[] = [
  citizensSubgraph,
  plansSubgraph,
  meetingsSubgraph,
  placementsSubgraph,
  insightsSubgraph,
];

/** Where each service's folder is, relative to the project root. */
export const serviceDir = (name: string) => `services/${name}`;

/**
 * Every subgraph's database URL, found as the services find theirs (`<SERVICE>_DATABASE_URL`,
 * `DATABASE_URL`, else the embedded PostgreSQL, started if needed: stop it when done).
 */
export async function resolveAllDatabases(): Promise<{ urls: Record<string, string>; embedded?: PostgresServer }> {
  const urls: Record<string, string> = {};
  let embedded: PostgresServer | undefined;
  for (const definition of subgraphs) {
    const resolved = await resolveDatabase(definition.name);
    urls[definition.name] = resolved.url;
    embedded ??= resolved.embedded;
  }
  return { urls, embedded };
}
