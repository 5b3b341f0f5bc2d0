import 'reflect-metadata';
import { AccessLogResolver, SubgraphDefinition } from '@jobcenter/kit';
import { createFactsConsumer, eventSourceUrls } from './facts/facts.consumer';
import { emptyReadModel } from './facts/read-model';
import { migrations } from './migrations';
import { SeriesResolver } from './series/series.resolver';
import { insightsRecord } from './record';
import { StatisticsResolver } from './statistics/statistics.resolver';

/**
 * The insights bounded context: fact tables built from the other four subgraphs' domain events
 * (pseudonymous: no names, CPR numbers or free text), answering dashboards with monthly series
 * and breakdowns; aggregates only, every figure cell-key perturbed (docs/insights.md).
 */
export const insightsSubgraph: SubgraphDefinition<Record<string, never>> = {
  name: 'insights',
  defaultPort: 4005,
  // The four subgraphs whose /events it reads (CITIZENS_URL, PLANS_URL, MEETINGS_URL, PLACEMENTS_URL).
  calls: ['citizens', 'plans', 'meetings', 'placements'],
  resolvers: [
    // The service's part of the citizen's access log, for Citizen.accessLog (services only): it reads no person's data, so it is empty.
    AccessLogResolver,
    SeriesResolver,
    // The existing statistics fields, taken over from their home subgraphs (@override).
    StatisticsResolver,
  ],
  entities: [],
  migrations,
  createLoaders: () => ({}),
  // Its rows about a citizen (by pseudonym) for the citizen's whole record (docs/record-export.md).
  record: insightsRecord,
  background: async (running, logger) => {
    const consumer = createFactsConsumer(running.dataSource, eventSourceUrls(), { logger });
    consumer.start();
    return () => consumer.stop();
  },
  eventSources: () => eventSourceUrls() as Record<string, string>,
  resetReadModel: emptyReadModel,
};
