import type { EntityManager } from 'typeorm';
import type { RequestContext } from './context';

/** Work that must commit or roll back with a request's change (e.g. its access-log entries). */
export type CommitHook = (tx: EntityManager) => Promise<void>;

const hooksOf = new WeakMap<object, CommitHook[]>();

/**
 * Registers work to run at the end of each change transaction of this request, inside it.
 * Request plugins register here in `requestDidStart`, before any resolver runs.
 */
export function onChangeCommit(ctx: RequestContext<any>, hook: CommitHook): void {
  const hooks = hooksOf.get(ctx) ?? [];
  hooks.push(hook);
  hooksOf.set(ctx, hooks);
}

/**
 * The one way a mutation writes: `fn` and the request's commit hooks run in one transaction,
 * so a change, its access-log entries and its idempotency key are stored together or not at
 * all.
 */
export async function changeTransaction<T>(ctx: RequestContext<any>, fn: (tx: EntityManager) => Promise<T>): Promise<T> {
  return ctx.dataSource.transaction(async (tx) => {
    const result = await fn(tx);
    for (const hook of hooksOf.get(ctx) ?? []) await hook(tx);
    return result;
  });
}
