import type { DataSource } from 'typeorm';
import { schedulePurge } from '../housekeeping';
import { rawPool } from '../housekeeping';
import { setting } from '../config';

/** Retention: at least 6 months; 2 years unless ACCESS_LOG_RETENTION_DAYS says otherwise. */
export const MIN_ACCESS_LOG_RETENTION_DAYS = 183;
export const DEFAULT_ACCESS_LOG_RETENTION_DAYS = 730;

export function accessLogRetentionDays(): number {
  return Math.max(MIN_ACCESS_LOG_RETENTION_DAYS, setting('ACCESS_LOG_RETENTION_DAYS'));
}

/**
 * Deletes entries older than the retention period, through `kit_access_log_purge` (a SECURITY
 * DEFINER function owned by the log's owner role: the service's own role has no DELETE). The
 * function measures age by the database's clock and never goes under 183 days, whatever it is
 * asked; it removes only the leading old entries of each stream, so every chain still verifies.
 */
export async function purgeAccessLog(dataSource: DataSource, retentionDays = accessLogRetentionDays()): Promise<number> {
  const { rows } = await rawPool(dataSource).query('SELECT kit_access_log_purge($1)::text AS deleted', [Math.floor(retentionDays)]);
  return Number(rows[0].deleted);
}

/** Purges now and then every `everyMs` (default 6 h) until stopped; the timer never keeps the process alive. */
export function scheduleAccessLogRetention(dataSource: DataSource, onError: (error: unknown) => void, everyMs = 6 * 3_600_000): () => void {
  return schedulePurge(dataSource, (db) => purgeAccessLog(db), onError, everyMs);
}
