import { createHash } from 'node:crypto';
import { ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { Kind } from 'graphql';
import type { RequestContext } from '../context';
import { ErrorCode, isDatabaseUnavailable, SERVICE_UNAVAILABLE } from '../errors';

/** An answer without running the operation (thrown errors here would be masked as internal). */
function refuse(code: ErrorCode | typeof SERVICE_UNAVAILABLE, message: string) {
  return {
    http: { status: undefined, headers: new HeaderMap() },
    body: { kind: 'single' as const, singleResult: { errors: [{ message, extensions: { code } }] } },
  };
}

/**
 * Key updates that failed because the database was away (release after a failed attempt,
 * or the first response to keep). They are retried before the next keyed mutation of the
 * same DataSource, so a database restart does not leave a key claimed forever.
 */
type KeyUpdate = { sql: string; params: unknown[] };
const owed = new WeakMap<object, KeyUpdate[]>();

async function settle(db: { query(sql: string, params?: unknown[]): Promise<unknown> }): Promise<void> {
  const queue = owed.get(db);
  while (queue && queue.length > 0) {
    await db.query(queue[0].sql, queue[0].params);
    queue.shift();
  }
}

/** The header a client sets on a mutation it may retry; the gateway forwards it. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Set on a response that replays the first answer to an earlier request with the same key. */
export const IDEMPOTENT_REPLAY_HEADER = 'idempotent-replay';

/**
 * Makes mutations safe to retry. A mutation request with an `Idempotency-Key` header claims
 * the key (scoped by actor and the mutation's root fields) with an INSERT before it runs;
 * its successful response is stored with the key. A retry finds the key and gets the stored
 * response without running anything, so nothing is written twice; a retry while the first is
 * still running is a CONFLICT; the same key with a different request is BAD_USER_INPUT. A
 * first attempt that fails releases the key, so the retry runs for real.
 */
export function idempotencyPlugin<TContext extends RequestContext<any>>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const key = request.http?.headers.get(IDEMPOTENCY_KEY_HEADER);
      if (!key) return;
      let claimed: unknown[] | undefined;
      return {
        async responseForOperation({ operation }) {
          if (operation.operation !== 'mutation') return null;
          if (key.length > 200) return refuse(ErrorCode.BAD_USER_INPUT, 'An Idempotency-Key has at most 200 characters.');
          const fields = operation.selectionSet.selections
            .map((s) => (s.kind === Kind.FIELD ? s.name.value : ''))
            .filter(Boolean)
            .sort()
            .join(',')
            .slice(0, 200);
          const hash = createHash('sha256')
            .update(JSON.stringify({ query: request.query, variables: request.variables ?? {} }))
            .digest('hex');
          const scope = [contextValue.actor.id, fields, key];
          const db = contextValue.dataSource;
          try {
            await settle(db);
            const inserted: unknown[] = await db.query(
              `INSERT INTO kit_idempotency_key (actor_id, operation, key, request_hash) VALUES ($1, $2, $3, $4)
               ON CONFLICT DO NOTHING RETURNING key`,
              [...scope, hash],
            );
            if (inserted.length > 0) {
              claimed = scope;
              return null;
            }
            const [row] = (await db.query(
              'SELECT request_hash, response FROM kit_idempotency_key WHERE actor_id = $1 AND operation = $2 AND key = $3',
              scope,
            )) as { request_hash: string; response: unknown }[];
            if (row && row.request_hash !== hash) {
              return refuse(ErrorCode.BAD_USER_INPUT, 'This Idempotency-Key was already used for a different request; use a new key.');
            }
            if (!row || row.response === null) {
              return refuse(ErrorCode.CONFLICT, 'A request with this Idempotency-Key is still being processed; retry in a moment.');
            }
            contextValue.logger.info({ idempotencyKey: key, operation: fields }, 'idempotent replay');
            return {
              http: { status: undefined, headers: new HeaderMap([[IDEMPOTENT_REPLAY_HEADER, 'true']]) },
              body: { kind: 'single', singleResult: row.response as any },
            };
          } catch (error) {
            if (!isDatabaseUnavailable(error)) throw error;
            contextValue.logger.warn({ err: error }, 'database unavailable (idempotency key)');
            return refuse(SERVICE_UNAVAILABLE, 'The database is unavailable right now; nothing was done. Try again shortly with the same Idempotency-Key.');
          }
        },
        async willSendResponse({ response }) {
          if (!claimed) return;
          const scope = claimed;
          claimed = undefined;
          const db = contextValue.dataSource;
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const update: KeyUpdate =
            !result || (result.errors && result.errors.length > 0)
              ? { sql: 'DELETE FROM kit_idempotency_key WHERE actor_id = $1 AND operation = $2 AND key = $3', params: scope }
              : {
                  sql: 'UPDATE kit_idempotency_key SET response = $4 WHERE actor_id = $1 AND operation = $2 AND key = $3',
                  params: [...scope, JSON.stringify({ data: result.data })],
                };
          try {
            await db.query(update.sql, update.params);
          } catch (error) {
            // The answer goes out anyway. Until the update is made (before the next keyed
            // mutation), a retry with this key is a CONFLICT: never a second write.
            contextValue.logger.error({ err: error, idempotencyKey: scope[2] }, 'idempotency key update deferred');
            owed.set(db, [...(owed.get(db) ?? []), update]);
          }
        },
      };
    },
  };
}
