import type { DataSource } from 'typeorm';

type PgPool = { query(sql: string, params?: unknown[]): Promise<{ rows: any[]; rowCount?: number | null }> };

/**
 * The pool under TypeORM. Housekeeping and the access log use it so their statements are not
 * counted with a request's own (tests prove DataLoader batching by counting those).
 */
export function rawPool(dataSource: DataSource): PgPool {
  return (dataSource.driver as unknown as { master: PgPool }).master;
}

/**
 * Runs a purge now and then every `everyMs` until stopped (access-log retention, expired
 * idempotency keys); the timer never keeps the process alive, and a failed run waits for the next.
 */
export function schedulePurge(
  dataSource: DataSource,
  purge: (dataSource: DataSource) => Promise<unknown>,
  onError: (error: unknown) => void,
  everyMs: number,
): () => void {
  const run = () => {
    if (dataSource.isInitialized) purge(dataSource).catch(onError);
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
