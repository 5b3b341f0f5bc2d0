import type { DataSource, EntityManager } from 'typeorm';

/** What a change transaction needs of a request: its DataSource (and the request itself, as the key of its hooks). */
export interface ChangeScope {
  dataSource: DataSource;
}

/** Work that must commit or roll back with a request's change (e.g. its access-log entries). */
export type CommitHook = (tx: EntityManager) => Promise<void>;

/** A commit hook that also hears how its transaction ended. */
export interface ChangeHook {
  /** Inside the transaction, before the mutation's own work; throwing rolls everything back. */
  atStart?: CommitHook;
  /** Inside the transaction, after the mutation's own work; throwing rolls everything back. */
  beforeCommit?: CommitHook;
  /** After the transaction committed. */
  committed?(): void;
  /** After the transaction rolled back (whether the work or a hook failed). */
  rolledBack?(): void;
}

const hooksOf = new WeakMap<object, ChangeHook[]>();

/**
 * Registers work to run inside each change transaction of this request (at its end, or also at
 * its start), and to hear how it ended.
 * Request plugins register here in `requestDidStart`, before any resolver runs.
 */
export function onChangeCommit(ctx: ChangeScope, hook: CommitHook | ChangeHook): void {
  const hooks = hooksOf.get(ctx) ?? [];
  hooks.push(typeof hook === 'function' ? { beforeCommit: hook } : hook);
  hooksOf.set(ctx, hooks);
}

/**
 * The one way a mutation writes: `fn` and the request's commit hooks run in one transaction,
 * so a change, its access-log entries and its idempotency key are stored together or not at
 * all.
 */
export async function changeTransaction<T>(ctx: ChangeScope, fn: (tx: EntityManager) => Promise<T>): Promise<T> {
  const hooks = hooksOf.get(ctx) ?? [];
  let result: T;
  try {
    result = await ctx.dataSource.transaction(async (tx) => {
      for (const hook of hooks) await hook.atStart?.(tx);
      const value = await fn(tx);
      for (const hook of hooks) await hook.beforeCommit?.(tx);
      return value;
    });
  } catch (error) {
    for (const hook of hooks) hook.rolledBack?.();
    throw error;
  }
  for (const hook of hooks) hook.committed?.();
  return result;
}
