import { createHash } from 'node:crypto';
import { ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { Kind } from 'graphql';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../context';
import { isUniqueViolation } from '../database';
import { badUserInput, conflict, ErrorCode, isDatabaseUnavailable, SERVICE_UNAVAILABLE } from '../errors';
import { rawPool, schedulePurge } from '../housekeeping';
import { onChangeCommit } from '../transaction';
import { setting } from '../config';

/** An answer without running the operation (thrown errors here would be masked as internal). */
function refuse(code: ErrorCode | typeof SERVICE_UNAVAILABLE, message: string) {
  return {
    http: { status: undefined, headers: new HeaderMap() },
    body: { kind: 'single' as const, singleResult: { errors: [{ message, extensions: { code } }] } },
  };
}

/**
 * Responses that could not be stored because the database was away. They are stored before
 * the next keyed mutation of the same DataSource; until then a retry is a CONFLICT (the key is
 * committed with the change), never a second write.
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

export const DEFAULT_IDEMPOTENCY_KEY_TTL_HOURS = 24;

/** How long a key is remembered: IDEMPOTENCY_KEY_TTL_HOURS (default 24); afterwards it is unknown. */
export function idempotencyKeyTtlHours(): number {
  return setting('IDEMPOTENCY_KEY_TTL_HOURS');
}

/**
 * How long after its commit a key without a stored answer counts as "answer on its way" rather
 * than "answer lost": storing it takes milliseconds after the commit.
 */
const ANSWER_PENDING_SECONDS = 30;

const ALREADY_USED = 'This Idempotency-Key was already used for a different request; use a new key.';
const ANSWER_PENDING =
  'The first request with this Idempotency-Key was carried out and its answer is being stored; retry in a moment to get it.';
const ANSWER_LOST =
  'The first request with this Idempotency-Key was carried out, but its answer could not be kept, so it will not be carried out again. ' +
  'Look the result up instead of retrying.';
const CARRIED_OUT =
  'Another request with this Idempotency-Key was carried out first; nothing was done by this one. Retry with the same key to get its answer.';

/**
 * Makes mutations safe to retry. A mutation request with an `Idempotency-Key` header (scoped by
 * actor and the mutation's root fields, with a hash of the request) claims its key inside the
 * mutation's own transaction (a change hook, at its start), so the key is stored if and only if
 * the change is. Of two requests with one key, the second's claim waits on the primary key until
 * the first commits, then fails and rolls back: CONFLICT. After the commit the response is
 * stored with the key; a retry gets it replayed without running anything. The same key with a
 * different request is BAD_USER_INPUT. A request that commits nothing leaves no key, so its
 * retry runs for real. Keys live IDEMPOTENCY_KEY_TTL_HOURS (default 24): an older key is
 * treated as unknown and purged (scheduleIdempotencyKeyExpiry).
 */
export function idempotencyPlugin<TContext extends RequestContext<any>>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const key = request.http?.headers.get(IDEMPOTENCY_KEY_HEADER);
      if (!key) return;
      /** [actor id, mutation fields, key] once the operation is known to be a keyed mutation. */
      let scope: string[] | undefined;
      let hash = '';
      let claimed = false;
      let claimedInThisTransaction = false;
      const ttl = idempotencyKeyTtlHours();
      onChangeCommit(contextValue, {
        // First thing in the transaction: a retry racing the first waits here, before doing any
        // work, and then fails with the message below rather than with what its work would hit
        // (a stale version, a taken slot).
        async atStart(tx) {
          if (!scope || claimed) return; // claimed once per request, by its first committed change
          let inserted: unknown[];
          try {
            inserted = await tx.query(
              `INSERT INTO kit_idempotency_key (actor_id, operation, key, request_hash, created_at) VALUES ($1, $2, $3, $4, clock_timestamp())
               ON CONFLICT ON CONSTRAINT pk_kit_idempotency_key DO UPDATE
                 SET request_hash = EXCLUDED.request_hash, response = NULL, created_at = EXCLUDED.created_at
                 WHERE kit_idempotency_key.created_at <= clock_timestamp() - $5 * interval '1 hour'
               RETURNING key`,
              [...scope, hash, ttl],
            );
          } catch (error) {
            if (isUniqueViolation(error, 'pk_kit_idempotency_key')) throw conflict(CARRIED_OUT);
            throw error;
          }
          if (inserted.length === 0) {
            // A live key: another request with it committed while this one ran.
            const [row] = (await tx.query(
              'SELECT request_hash FROM kit_idempotency_key WHERE actor_id = $1 AND operation = $2 AND key = $3',
              scope,
            )) as { request_hash: string }[];
            throw row && row.request_hash !== hash ? badUserInput(ALREADY_USED) : conflict(CARRIED_OUT);
          }
          claimedInThisTransaction = true;
        },
        committed() {
          if (claimedInThisTransaction) claimed = true;
          claimedInThisTransaction = false;
        },
        rolledBack() {
          claimedInThisTransaction = false;
        },
      });
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
          hash = createHash('sha256')
            .update(JSON.stringify({ query: request.query, variables: request.variables ?? {} }))
            .digest('hex');
          const keyScope = [contextValue.actor.id, fields, key];
          const db = contextValue.dataSource;
          try {
            await settle(db);
            const [row] = (await db.query(
              `SELECT request_hash, response, created_at > clock_timestamp() - make_interval(secs => $5) AS pending
                 FROM kit_idempotency_key
                WHERE actor_id = $1 AND operation = $2 AND key = $3 AND created_at > now() - $4 * interval '1 hour'`,
              [...keyScope, ttl, ANSWER_PENDING_SECONDS],
            )) as { request_hash: string; response: unknown; pending: boolean }[];
            if (!row) {
              scope = keyScope; // unknown (or expired): run it; the change's transaction claims the key
              return null;
            }
            if (row.request_hash !== hash) return refuse(ErrorCode.BAD_USER_INPUT, ALREADY_USED);
            if (row.response === null) return refuse(ErrorCode.CONFLICT, row.pending ? ANSWER_PENDING : ANSWER_LOST);
            contextValue.logger.info({ idempotencyKey: key, operation: fields }, 'idempotent replay');
            return {
              http: { status: undefined, headers: new HeaderMap([[IDEMPOTENT_REPLAY_HEADER, 'true']]) },
              body: { kind: 'single', singleResult: row.response as any },
            };
          } catch (error) {
            if (!isDatabaseUnavailable(error)) throw error;
            contextValue.logger.warn({ err: error }, 'database unavailable (idempotency key)');
            return refuse(
              SERVICE_UNAVAILABLE,
              'The database is unavailable right now; nothing was done. Try again shortly with the same Idempotency-Key.',
            );
          }
        },
        async willSendResponse({ response }) {
          if (!claimed || !scope) return;
          claimed = false;
          const db = contextValue.dataSource;
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          // The change committed: whatever the answer says (errors of later fields included) is
          // what a retry gets, since running it again would write twice.
          const answer = result
            ? { data: result.data ?? null, ...(result.errors?.length ? { errors: result.errors } : {}) }
            : { data: null };
          const update: KeyUpdate = {
            sql: 'UPDATE kit_idempotency_key SET response = $4 WHERE actor_id = $1 AND operation = $2 AND key = $3 AND response IS NULL',
            params: [...scope, JSON.stringify(answer)],
          };
          try {
            await db.query(update.sql, update.params);
          } catch (error) {
            // The answer goes out anyway; until the update is made a retry is a CONFLICT.
            contextValue.logger.error({ err: error, idempotencyKey: scope[2] }, 'idempotent answer not stored yet');
            owed.set(db, [...(owed.get(db) ?? []), update]);
          }
        },
      };
    },
  };
}

/** Deletes keys past their lifetime; resolves how many went. */
export async function purgeIdempotencyKeys(dataSource: DataSource, ttlHours = idempotencyKeyTtlHours()): Promise<number> {
  const result = await rawPool(dataSource).query(`DELETE FROM kit_idempotency_key WHERE created_at <= now() - $1 * interval '1 hour'`, [
    ttlHours,
  ]);
  return result.rowCount ?? 0;
}

/** Purges now and then every `everyMs` (default 1 h) until stopped; the timer never keeps the process alive. */
export function scheduleIdempotencyKeyExpiry(dataSource: DataSource, onError: (error: unknown) => void, everyMs = 3_600_000): () => void {
  return schedulePurge(dataSource, (db) => purgeIdempotencyKeys(db), onError, everyMs);
}
