import 'reflect-metadata';
import { SubgraphDefinition } from '@jobcenter/kit';
import { migrations } from './migrations';
import { SeriesResolver } from './series/series.resolver';

/**
 * The insights bounded context: fact tables built from the other four subgraphs' domain events
 * (pseudonymous, no names or CPR numbers), answering dashboards with monthly series and
 * breakdowns; aggregates only, every figure cell-key perturbed (docs/insights.md).
 */
export const insightsSubgraph: SubgraphDefinition<Record<string, never>> = {
  name: 'insights',
  defaultPort: 4005,
  resolvers: [SeriesResolver],
  entities: [],
  migrations,
  createLoaders: () => ({}),
};
