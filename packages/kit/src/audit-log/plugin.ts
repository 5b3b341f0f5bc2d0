import type { ApolloServerPlugin } from '@apollo/server';
import type { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../context';
import type { Actor } from '../identity';
import type { AccessRecord, CitizenAccess } from '../access/caseload';
import { onChangeCommit } from '../transaction';
import { changeLogHook } from './change-log';
import { AccessLogRow, chainRows, insertChained, readHeads, storedSearchedCpr } from './chain';
import { accessLogWriterOf } from './writer';

export { AccessLogRow, GENESIS_HASH, accessLogHash } from './chain';
export { scheduleAccessLogRetention } from './retention';

/**
 * The access log: every read or change of a citizen's personal data. A request's read entries
 * go through the process's writer (one stream per process, group commit: access-log.writer.ts)
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

/**
 * Refused look-ups and changes go on the log too, under the citizen asked for, so a team lead's
 * spot check and the citizen's own list show who tried. They are written through the same writer
 * but not awaited: the refused actor's answer must not depend on the write (its time or its
 * failure), or logging a refusal would tell whether the citizen exists, e.g. a citizen's try at
 * another citizen's plan against an unknown id. A refusal that cannot be written is in the
 * service log; no data was given, so nothing is withheld.
 */
function logRefusals(ctx: RequestContext<any>, rows: AccessLogRow[]): void {
  if (rows.length === 0) return;
  appendAccessLog(ctx.dataSource, rows).catch((error) =>
    ctx.logger.error({ err: error, requestId: ctx.requestId, refusals: rows.length }, 'access log: refusals could not be written'),
  );
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
 * withheld and the client gets INTERNAL_SERVER_ERROR. Changes are logged inside their own
 * transaction (change-log.ts); what a mutation's answer reaches afterwards is logged here.
 */
export function accessLogPlugin<TContext extends RequestContext<any>>(domain: string): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart(request) {
      onChangeCommit(request.contextValue, changeLogHook(request, domain)); // changes: logged inside their transaction (change-log.ts)
      return {
        async willSendResponse({ contextValue, response, operation, operationName }) {
          const access = (contextValue.loaders as { access?: CitizenAccess } | undefined)?.access;
          const records = access?.drain() ?? [];
          const rowsOf = (list: AccessRecord[]) =>
            accessLogRows(list, {
              actor: contextValue.actor,
              requestId: contextValue.requestId,
              operationName: operationName ?? null,
              domain,
              change: operation?.operation === 'mutation',
            });
          logRefusals(contextValue, rowsOf(access?.drainRefusals() ?? []));
          if (records.length === 0 || !readLogOn) return;
          const rows = rowsOf(records);
          try {
            await appendAccessLog(contextValue.dataSource, rows);
          } catch (error) {
            contextValue.logger.error({ err: error }, 'access log write failed; response withheld');
            if (response.body.kind === 'single') {
              response.body.singleResult = {
                data: null,
                errors: [
                  {
                    message: 'Something went wrong on our side. The error has been logged; please try again.',
                    extensions: { code: 'INTERNAL_SERVER_ERROR' },
                  },
                ] as any,
              };
            }
          }
        },
      };
    },
  };
}
