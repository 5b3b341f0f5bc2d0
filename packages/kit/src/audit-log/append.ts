import type { DataSource, EntityManager } from 'typeorm';
import type { AccessRecord } from '../access/caseload';
import type { Actor } from '../identity';
import { AccessLogRow, chainRows, insertChained, readHeads, storedSearchedCpr } from './chain';
import { accessLogWriterOf } from './writer';

/**
 * The access log: every read or change of a citizen's personal data. A request's read entries
 * go through the process's writer (one stream per process, group commit: writer.ts)
 * before its response is sent; a change's entries are written inside its own transaction, on
 * the citizen's stream.
 */

/**
 * Appends read entries to this process's stream and resolves once they are committed: the
 * entries of all requests that finish meanwhile share one INSERT (no transaction, no lock).
 */
export async function appendAccessLog(dataSource: DataSource, rows: AccessLogRow[]): Promise<void> {
  await accessLogWriterOf(dataSource).append(rows);
}

/**
 * Appends entries inside a change's own transaction, so they commit or roll back with it, on
 * the streams `c:<citizen id>`: those streams are locked (advisory locks, in a fixed order, held
 * to the end of the transaction, so two changes of one citizen queue instead of racing for the
 * same position), their heads read after the lock (READ COMMITTED: a fresh snapshot per
 * statement sees what the previous holder committed) and all entries inserted in one statement.
 */
export async function appendAccessLogInTransaction(tx: EntityManager, rows: AccessLogRow[]): Promise<void> {
  if (rows.length === 0) return;
  const query = (sql: string, params?: unknown[]) => tx.query(sql, params);
  const streamOf = (row: AccessLogRow) => `c:${row.citizenId}`;
  const streams = [...new Set(rows.map(streamOf))].sort();
  // unnest yields the ids in array order, so the locks are taken in that (sorted) order.
  await query(`SELECT pg_advisory_xact_lock(hashtextextended('kit_access_log:' || id, 0)) FROM unnest($1::text[]) AS id`, [streams]);
  const heads = await readHeads(query, streams);
  await insertChained(query, chainRows(rows, streamOf, heads));
}

/** The rows a request's access records become. */
export function accessLogRows(
  records: AccessRecord[],
  request: { actor: Actor; requestId: string; operationName: string | null; domain: string; change: boolean },
): AccessLogRow[] {
  const at = new Date();
  return records.map((r) => ({
    at,
    actorId: request.actor.id.slice(0, 80),
    actorRole: request.actor.role,
    citizenId: r.citizenId,
    domain: request.domain,
    kind: r.kind,
    operation: r.refused ? (request.change ? 'CHANGE_REFUSED' : 'READ_REFUSED') : r.search ? 'SEARCH' : request.change ? 'CHANGE' : 'READ',
    purpose: r.purpose,
    reason: r.reason?.slice(0, 500) ?? null,
    // The gateway names its subgraph fetches `<Operation>__<service>__<n>`: log the client's name.
    operationName: request.operationName?.replace(/__[A-Za-z0-9_]+__\d+$/, '').slice(0, 200) ?? null,
    requestId: request.requestId.slice(0, 80),
    // Encrypted here already: the plain number never reaches the database (nor the hash).
    searchedCpr: storedSearchedCpr(r.search),
  }));
}
