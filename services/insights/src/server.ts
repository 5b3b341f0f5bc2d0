import 'reflect-metadata';
import { AccessLogResolver, SubgraphDefinition } from '@jobcenter/kit';
import { InsightsCitizenResolver } from './citizen/citizen.fields';
import { createLoaders, InsightsLoaders } from './loaders';
import { migrations } from './migrations';
import { InsightsNote } from './note/note.entity';

/** The insights bounded context: cross-domain monthly series and breakdowns for dashboards, built from the other subgraphs' events; aggregates only, disclosure-controlled */
export const insightsSubgraph: SubgraphDefinition<InsightsLoaders> = {
  name: 'insights',
  defaultPort: 4005,
  // Caseload grants (who may read which citizen) come from citizens.
  calls: ['citizens'],
  resolvers: [
    // The service's part of the citizen's access log, for Citizen.accessLog (services only).
    AccessLogResolver,
    InsightsCitizenResolver,
  ],
  entities: [InsightsNote],
  migrations,
  createLoaders,
};
