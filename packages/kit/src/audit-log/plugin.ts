import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../context';
import type { AccessRecord } from '../access/caseload';
import { onChangeCommit } from '../transaction';
import { accessLogRows, appendAccessLog } from './append';
import type { AccessLogRow } from './chain';
import { changeLogHook } from './change-log';

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
 * Writes a request's access log entries (its refusals, not awaited, and its reads, awaited):
 * the one way a request's reach lands on the log, whether it was a GraphQL operation (the plugin
 * below) or a file (files.ts, through the part's `beforeSend`). Rejects when the reads could not
 * be written: the caller withholds the data.
 */
export async function writeRequestAccessLog(
  ctx: RequestContext<any>,
  request: { domain: string; operationName: string | null; change: boolean },
): Promise<void> {
  const access = ctx.access;
  const records = access.drain();
  const rowsOf = (list: AccessRecord[]) =>
    accessLogRows(list, {
      actor: ctx.actor,
      requestId: ctx.requestId,
      operationName: request.operationName,
      domain: request.domain,
      change: request.change,
    });
  logRefusals(ctx, rowsOf(access.drainRefusals()));
  if (records.length === 0 || !readLogOn) return;
  await appendAccessLog(ctx.dataSource, rowsOf(records));
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
          try {
            await writeRequestAccessLog(contextValue, {
              domain,
              operationName: operationName ?? null,
              change: operation?.operation === 'mutation',
            });
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
