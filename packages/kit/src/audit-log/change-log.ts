import type { GraphQLRequestContext } from '@apollo/server';
import type { RequestContext } from '../context';
import type { ChangeHook } from '../transaction';
import { accessLogRows, appendAccessLogInTransaction } from './append';
import type { AccessRecord } from '../access/caseload';

/**
 * Changes are logged in the same transaction as the change (the Data Protection Agency's
 * logging measure): at the end of each change transaction the citizens the request has reached
 * so far become CHANGE entries inside it, so the change and its entries commit together or not
 * at all. After a commit those citizens are not logged a second time when the answer is read;
 * citizens reached later (the answer's other citizens) are logged at willSendResponse as before.
 * A change that rolls back logs nothing: nothing changed, and its answer carries no data.
 */
export function changeLogHook<TContext extends RequestContext<any>>(request: GraphQLRequestContext<TContext>, domain: string): ChangeHook {
  const ctx = request.contextValue;
  let written: AccessRecord[] = [];
  return {
    async beforeCommit(tx) {
      written = ctx.access.drain();
      if (written.length === 0) return;
      const rows = accessLogRows(written, {
        actor: ctx.actor,
        requestId: ctx.requestId,
        operationName: request.operationName ?? null,
        domain,
        change: true,
      });
      await appendAccessLogInTransaction(tx, rows);
    },
    committed() {
      ctx.access.markLogged(written);
      written = [];
    },
    rolledBack() {
      // What the failed attempt reached is dropped with it (see above).
      ctx.access.drain();
      written = [];
    },
  };
}
