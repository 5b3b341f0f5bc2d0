import type { SubgraphPart } from '../part';
import { ACCESS_LOG_ENTITIES, ACCESS_LOG_MIGRATIONS } from './entity';
import { accessLogPlugin, writeRequestAccessLog } from './plugin';
import { scheduleAccessLogRetention } from './retention';

/**
 * The access log as the subgraph runner plugs it on: its table (append-only, hash-chained), the
 * plugin that logs every look-up before the answer leaves and every change inside its
 * transaction, and the retention that deletes entries older than ACCESS_LOG_RETENTION_DAYS.
 */
export const auditLogPart: SubgraphPart = {
  name: 'access log',
  entities: ACCESS_LOG_ENTITIES,
  migrations: ACCESS_LOG_MIGRATIONS,
  plugin: (service) => accessLogPlugin(service),
  // A file a subgraph serves (files.ts) is logged like a GraphQL read, before it is sent.
  beforeFileSent: (service) => (ctx, operationName) => writeRequestAccessLog(ctx, { domain: service, operationName, change: false }),
  schedule: scheduleAccessLogRetention,
};
