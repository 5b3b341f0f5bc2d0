import type { SubgraphPart } from '../part';
import { KIT_ENTITIES, KIT_MIGRATIONS } from './entity';
import { idempotencyPlugin, scheduleIdempotencyKeyExpiry } from './plugin';

/** Idempotency keys as the subgraph runner plugs them on: the table, the plugin, the expiry. */
export const idempotencyPart: SubgraphPart = {
  name: 'idempotency keys',
  entities: KIT_ENTITIES,
  migrations: KIT_MIGRATIONS,
  plugin: () => idempotencyPlugin(),
  schedule: scheduleIdempotencyKeyExpiry,
};
