import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../context';
import type { Actor } from '../identity';
import type { AccessRecord, CitizenAccess } from './caseload';

/**
 * The access log: every read or change of a citizen's personal data, written once per request
 * in one batch, before the response leaves the service (see accessLogPlugin).
 */

export const GENESIS_HASH = '0'.repeat(64);

export interface AccessLogRow {
  at: Date;
  actorId: string;
  actorRole: string;
  citizenId: string;
  domain: string;
  kind: string;
  operation: 'READ' | 'SEARCH' | 'CHANGE';
  purpose: string;
  reason: string | null;
  operationName: string | null;
  requestId: string;
  searchedCpr: string | null;
}

/** SHA-256 over the previous entry's hash and this entry's content, in a fixed order. */
export function accessLogHash(prevHash: string, row: AccessLogRow): string {
  const content = [
    prevHash,
    row.at.toISOString(),
    row.actorId,
    row.actorRole,
    row.citizenId,
    row.domain,
    row.kind,
    row.operation,
    row.purpose,
    row.reason,
    row.operationName,
    row.requestId,
    row.searchedCpr,
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

type PgClient = { query(sql: string, params?: unknown[]): Promise<{ rows: any[] }>; release(): void };

/**
 * The pool under TypeORM, so the log's few statements are not counted with the domain's
 * (tests prove DataLoader batching by counting those).
 */
async function rawClient(dataSource: DataSource): Promise<PgClient> {
  const pool = (dataSource.driver as unknown as { master: { connect(): Promise<PgClient> } }).master;
  return pool.connect();
}

type Query = (sql: string, params?: unknown[]) => Promise<any[]>;

/**
 * Appends entries inside the caller's transaction: the chains of the citizens concerned are
 * locked (advisory locks, in a fixed order, so concurrent requests queue instead of forking a
 * chain), their last hashes read in one statement, and all entries inserted in one statement.
 */
async function appendLocked(query: Query, rows: AccessLogRow[]): Promise<void> {
  const citizenIds = [...new Set(rows.map((r) => r.citizenId))].sort();
  await query(`SELECT pg_advisory_xact_lock(hashtextextended('kit_access_log:' || id, 0)) FROM unnest($1::text[]) AS id ORDER BY id`, [citizenIds]);
  const last = await query(
    `SELECT DISTINCT ON (citizen_id) citizen_id, hash FROM kit_access_log WHERE citizen_id = ANY($1::uuid[]) ORDER BY citizen_id, seq DESC`,
    [citizenIds],
  );
  const head = new Map<string, string>(last.map((r: { citizen_id: string; hash: string }) => [r.citizen_id, r.hash]));
  const values: unknown[] = [];
  const tuples: string[] = [];
  for (const row of rows) {
    const prevHash = head.get(row.citizenId) ?? GENESIS_HASH;
    const hash = accessLogHash(prevHash, row);
    head.set(row.citizenId, hash);
    const base = values.length;
    values.push(row.at, row.actorId, row.actorRole, row.citizenId, row.domain, row.kind, row.operation, row.purpose, row.reason, row.operationName, row.requestId, row.searchedCpr, prevHash, hash);
    tuples.push(`(${Array.from({ length: 14 }, (_, i) => `$${base + i + 1}`).join(', ')})`);
  }
  await query(
    `INSERT INTO kit_access_log (at, actor_id, actor_role, citizen_id, domain, kind, operation, purpose, reason, operation_name, request_id, searched_cpr, prev_hash, hash)
     VALUES ${tuples.join(', ')}`,
    values,
  );
}

/** Appends entries in a transaction of their own (reads: logged before the data is returned). */
export async function appendAccessLog(dataSource: DataSource, rows: AccessLogRow[]): Promise<void> {
  if (rows.length === 0) return;
  const client = await rawClient(dataSource);
  try {
    await client.query('BEGIN');
    await appendLocked(async (sql, params) => (await client.query(sql, params)).rows, rows);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Appends entries inside a change's own transaction, so they commit or roll back with it. */
export async function appendAccessLogInTransaction(tx: EntityManager, rows: AccessLogRow[]): Promise<void> {
  if (rows.length === 0) return;
  await appendLocked((sql, params) => tx.query(sql, params), rows);
}

/** The rows a request's access records become. */
export function accessLogRows(
  records: AccessRecord[],
  request: { actor: Actor; requestId: string; operationName: string | null; domain: string; change: boolean },
): AccessLogRow[] {
  const at = new Date();
  return records.map((r) => ({
    at,
    actorId: request.actor.id,
    actorRole: request.actor.role,
    citizenId: r.citizenId,
    domain: request.domain,
    kind: r.kind,
    operation: r.search ? 'SEARCH' : request.change ? 'CHANGE' : 'READ',
    purpose: r.purpose,
    reason: r.reason?.slice(0, 500) ?? null,
    // The gateway names its subgraph fetches `<Operation>__<service>__<n>`: log the client's name.
    operationName: request.operationName?.replace(/__[A-Za-z0-9_]+__\d+$/, '').slice(0, 200) ?? null,
    requestId: request.requestId.slice(0, 80),
    searchedCpr: r.search ?? null,
  }));
}

let readLogOn = true;

/**
 * Turns the logging of reads off in this process, for `npm run bench` only (BENCH_ACCESS_LOG=off),
 * to measure what the log costs. No configuration of a service reaches it: it is a call, not an
 * environment variable, so a deployed service cannot be started without its log.
 */
export function disableReadLogForBenchmark(): void {
  readLogOn = false;
}

/**
 * Writes the request's access log entries when the response is ready and before it is sent:
 * a read is on record before anyone sees the data. If the log cannot be written, the data is
 * withheld and the client gets INTERNAL_SERVER_ERROR. Changes are logged the same way, right
 * after their own transaction commits (not inside it: see README).
 */
export function accessLogPlugin<TContext extends RequestContext<any>>(domain: string): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operation, operationName }) {
          const access = (contextValue.loaders as { access?: CitizenAccess } | undefined)?.access;
          const records = access?.drain() ?? [];
          if (records.length === 0 || !readLogOn) return;
          const rows = accessLogRows(records, {
            actor: contextValue.actor,
            requestId: contextValue.requestId,
            operationName: operationName ?? null,
            domain,
            change: operation?.operation === 'mutation',
          });
          try {
            await appendAccessLog(contextValue.dataSource, rows);
          } catch (error) {
            contextValue.logger.error({ err: error }, 'access log write failed; response withheld');
            if (response.body.kind === 'single') {
              response.body.singleResult = {
                data: null,
                errors: [{ message: 'Something went wrong on our side. The error has been logged; please try again.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] as any,
              };
            }
          }
        },
      };
    },
  };
}

/** One citizen's chain that does not verify: where it breaks. */
export interface BrokenChain {
  citizenId: string;
  seq: string;
  problem: string;
}

/**
 * Recomputes every citizen's chain in this database: each entry's hash must match its content
 * and the previous entry's hash. A chain whose oldest entries retention has deleted starts at
 * its first remaining entry.
 */
export async function verifyAccessLog(dataSource: DataSource): Promise<{ entries: number; citizens: number; broken: BrokenChain[] }> {
  const client = await rawClient(dataSource);
  try {
    const { rows } = await client.query(
      `SELECT seq::text, at, actor_id, actor_role, citizen_id, domain, kind, operation, purpose, reason, operation_name, request_id, searched_cpr, prev_hash, hash
         FROM kit_access_log ORDER BY citizen_id, kit_access_log.seq`,
    );
    const broken: BrokenChain[] = [];
    let previous: { citizenId: string; hash: string } | null = null;
    const citizens = new Set<string>();
    for (const r of rows) {
      const row: AccessLogRow = {
        at: r.at,
        actorId: r.actor_id,
        actorRole: r.actor_role,
        citizenId: r.citizen_id,
        domain: r.domain,
        kind: r.kind,
        operation: r.operation,
        purpose: r.purpose,
        reason: r.reason,
        operationName: r.operation_name,
        requestId: r.request_id,
        searchedCpr: r.searched_cpr,
      };
      const first = previous?.citizenId !== row.citizenId;
      citizens.add(row.citizenId);
      if (!first && r.prev_hash !== previous!.hash) broken.push({ citizenId: row.citizenId, seq: r.seq, problem: 'does not follow the previous entry' });
      if (accessLogHash(r.prev_hash, row) !== r.hash) broken.push({ citizenId: row.citizenId, seq: r.seq, problem: 'content does not match its hash' });
      previous = { citizenId: row.citizenId, hash: r.hash };
    }
    return { entries: rows.length, citizens: citizens.size, broken };
  } finally {
    client.release();
  }
}

/** Retention: at least 6 months; 2 years unless ACCESS_LOG_RETENTION_DAYS says otherwise. */
export const MIN_ACCESS_LOG_RETENTION_DAYS = 183;
export const DEFAULT_ACCESS_LOG_RETENTION_DAYS = 730;

export function accessLogRetentionDays(): number {
  const configured = Number(process.env.ACCESS_LOG_RETENTION_DAYS ?? DEFAULT_ACCESS_LOG_RETENTION_DAYS);
  if (!Number.isFinite(configured)) return DEFAULT_ACCESS_LOG_RETENTION_DAYS;
  return Math.max(MIN_ACCESS_LOG_RETENTION_DAYS, Math.floor(configured));
}

/** Deletes entries older than the retention period; the only DELETE the table's trigger allows. */
export async function purgeAccessLog(dataSource: DataSource, retentionDays = accessLogRetentionDays(), now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - Math.max(MIN_ACCESS_LOG_RETENTION_DAYS, retentionDays) * 86_400_000);
  const client = await rawClient(dataSource);
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('jobcenter.access_log_purge', 'on', true)`);
    const result = await client.query('DELETE FROM kit_access_log WHERE at < $1 RETURNING seq', [cutoff]);
    await client.query('COMMIT');
    return result.rows.length;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Purges now and then every `everyMs` (default 6 h) until stopped; the timer never keeps the process alive. */
export function scheduleAccessLogRetention(dataSource: DataSource, onError: (error: unknown) => void, everyMs = 6 * 3_600_000): () => void {
  const run = () => {
    if (dataSource.isInitialized) purgeAccessLog(dataSource).catch(onError);
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
