import type { DataSource } from 'typeorm';
import { auditLogPart } from './audit-log/part';
import { createPostgresDataSource, DatabaseOptions, StatementCounter } from './database';
import { idempotencyPart } from './idempotency/part';
import { listOf } from './migration-lock';
import type { SubgraphPart } from './part';

/**
 * The parts every subgraph gets on top of the core, in the order their plugins run: idempotency
 * first (a replayed answer is the stored one), then the access log.
 */
export const KIT_PARTS: readonly SubgraphPart[] = [idempotencyPart, auditLogPart];

/**
 * A subgraph's DataSource: the service's entities and migrations plus the kit parts' own tables
 * (idempotency keys, the access log), migrations included.
 */
export function createDataSource(options: DatabaseOptions): DataSource & { statements: StatementCounter } {
  return createPostgresDataSource({
    ...options,
    entities: [...listOf(options.entities), ...KIT_PARTS.flatMap((p) => p.entities ?? [])],
    migrations: [...listOf(options.migrations), ...KIT_PARTS.flatMap((p) => p.migrations ?? [])],
  });
}
