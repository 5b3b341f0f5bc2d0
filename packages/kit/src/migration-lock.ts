import type { DataSource, MixedList, QueryRunner } from 'typeorm';
import { inSpan, tracingEnabled } from './observability/tracing';
import { setting } from './config';

/**
 * How long the kit waits on PostgreSQL before a request fails with an error instead of
 * hanging: opening a connection, one statement, a transaction left idle.
 * Override with DB_CONNECT_TIMEOUT_MS / DB_STATEMENT_TIMEOUT_MS.
 */
export const DATABASE_TIMEOUTS = {
  get connectMs() {
    return setting('DB_CONNECT_TIMEOUT_MS');
  },
  get statementMs() {
    return setting('DB_STATEMENT_TIMEOUT_MS');
  },
  idleInTransactionMs: 60000,
};

/** A fixed key for pg_advisory_lock: one migration run at a time per database. */
export const MIGRATION_LOCK_KEY = 727_001;

export function listOf<T>(list: MixedList<T> | undefined): T[] {
  if (!list) return [];
  return Array.isArray(list) ? list : Object.values(list as Record<string, T>);
}

/**
 * Applies pending migrations while holding a session-level PostgreSQL advisory lock, so
 * replicas (or init containers) starting together never race: the first migrates, the others
 * wait, then find nothing pending. Each migration still runs in its own transaction.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const ran = await dataSource.runMigrations({ transaction: 'each' });
      return ran.map((m) => m.name);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lock.release();
  }
}

/**
 * One CLIENT span per SQL statement (`db.query`, with the statement text) when tracing is on:
 * every TypeORM query goes through a QueryRunner made by `createQueryRunner`.
 */
export function traceQueries(dataSource: DataSource): void {
  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (mode?: 'master' | 'slave'): QueryRunner => {
    const runner = create(mode);
    const query = runner.query.bind(runner);
    runner.query = ((sql: string, parameters?: unknown[], structured?: boolean) =>
      tracingEnabled()
        ? inSpan('db.query', { 'db.system': 'postgresql', 'db.statement': sql.slice(0, 2000) }, () =>
            query(sql, parameters, structured as any),
          )
        : query(sql, parameters, structured as any)) as QueryRunner['query'];
    return runner;
  };
}

type ErrorEmitter = { on(event: 'error', listener: (error: Error) => void): unknown };

/**
 * pg-pool listens for errors only on idle clients: a client checked out (mid-transaction) when
 * PostgreSQL goes away emits 'error' with no listener, which would crash the process. Every
 * client gets a listener; the query in flight still fails and the pool replaces the client.
 */
export function guardPoolClients(dataSource: DataSource): void {
  const pool = (
    dataSource.driver as unknown as {
      master?: ErrorEmitter & { _clients?: ErrorEmitter[]; on(event: 'connect', l: (c: ErrorEmitter) => void): unknown };
    }
  ).master;
  if (!pool) return;
  const guard = (client: ErrorEmitter) => client.on('error', () => undefined);
  pool.on('connect', guard);
  for (const client of pool._clients ?? []) guard(client);
}
