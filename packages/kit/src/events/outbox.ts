import { randomUUID } from 'node:crypto';
import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { conflict } from '../errors';
import { eventDefinition, EventType, PayloadOf, payloadProblems } from './catalogue';

/**
 * The outbox: one row per domain event, in the producing subgraph's own database, written in the
 * same transaction as the change it reports (docs/events.md).
 *
 * - `position` (bigserial) orders a transaction's own events;
 * - `xid` (`pg_current_xact_id()`, the writing transaction's id) lets the feed serve only events
 *   of transactions that have finished, in an order no later commit can fall behind (feed.ts);
 * - the other columns are the envelope; Debezium's outbox event router reads them as they are.
 *
 * Each subgraph includes this migration in its own migrations folder (never synchronize).
 */
export class OutboxEvents1796000000000 implements MigrationInterface {
  name = 'OutboxEvents1796000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "outbox_event" ("position" bigserial NOT NULL, "xid" xid8 NOT NULL DEFAULT pg_current_xact_id(), "id" uuid NOT NULL, "source" character varying(32) NOT NULL, "type" character varying(64) NOT NULL, "aggregate_type" character varying(32) NOT NULL, "aggregate_id" uuid NOT NULL, "citizen_id" uuid, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "schema_version" integer NOT NULL DEFAULT 1, "payload" jsonb NOT NULL, CONSTRAINT "pk_outbox_event" PRIMARY KEY ("position"), CONSTRAINT "uq_outbox_event_id" UNIQUE ("id"))`,
    );
    // The feed reads in (xid, position) order; per-aggregate checks look up an aggregate's latest.
    await queryRunner.query(`CREATE INDEX "ix_outbox_event_feed" ON "outbox_event" ("xid", "position")`);
    await queryRunner.query(`CREATE INDEX "ix_outbox_event_aggregate" ON "outbox_event" ("aggregate_id", "xid")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "outbox_event"`);
  }
}

/** What a write path says about its change; source and aggregate type come from the catalogue. */
export interface NewEvent<T extends EventType = EventType> {
  type: T;
  aggregateId: string;
  /** The citizen it concerns (internal id), or null for events about no citizen (staff, course). */
  citizenId: string | null;
  payload: PayloadOf<T>;
}

/** Any event of the catalogue, for lists of mixed types (`recordEvents`). */
export type AnyNewEvent = { [T in EventType]: NewEvent<T> }[EventType];

/** Thrown for a misuse by the code (outside a transaction, a payload the catalogue refuses). */
export class OutboxMisuse extends Error {}

function assertInTransaction(manager: EntityManager): void {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new OutboxMisuse(
      "recordEvent needs the change's own transaction: pass the EntityManager changeTransaction (or dataSource.transaction) gave you",
    );
  }
}

function rowOf(event: AnyNewEvent): unknown[] {
  const definition = eventDefinition(event.type);
  const problems = payloadProblems(event.type, event.payload as Record<string, unknown>);
  if (!definition || problems.length > 0) throw new OutboxMisuse(problems.join('; '));
  if (definition.citizen !== (event.citizenId !== null)) {
    throw new OutboxMisuse(`${event.type}: citizenId must be ${definition.citizen ? 'set' : 'null'}`);
  }
  return [
    randomUUID(),
    definition.source,
    event.type,
    definition.aggregateType,
    event.aggregateId,
    event.citizenId,
    JSON.stringify(event.payload),
  ];
}

const COLUMNS = `"id", "source", "type", "aggregate_type", "aggregate_id", "citizen_id", "payload"`;

/**
 * Writes one event into the outbox with the change's own transaction (`manager` must be the
 * transaction's EntityManager: anything else throws), so the event exists exactly when the
 * change committed. The payload is checked against the catalogue (catalogue.ts).
 *
 * Order per aggregate: the feed orders by transaction id, which PostgreSQL hands out at a
 * transaction's first write, not at its commit. So events of one aggregate are serialised here
 * (a transaction-scoped advisory lock on the aggregate) and a transaction that would be ordered
 * before an event another, later-started transaction already committed for the same aggregate
 * is refused with CONFLICT (the client tries again; it is rare: two writes to one aggregate at
 * the same moment). Consumers therefore see each aggregate's events in the order they happened.
 */
export async function recordEvent<T extends EventType>(manager: EntityManager, event: NewEvent<T>): Promise<void> {
  await recordEvents(manager, [event as unknown as AnyNewEvent]);
}

/**
 * Several events of one transaction, in this order; one statement per 5,000. `ordered: false`
 * skips the per-aggregate claim: only for bulk loads (the seeds) into a database nobody else
 * writes to at the time, where thousands of advisory locks would exhaust the lock table.
 */
export async function recordEvents(
  manager: EntityManager,
  events: readonly AnyNewEvent[],
  options: { ordered?: boolean } = {},
): Promise<void> {
  assertInTransaction(manager);
  if (events.length === 0) return;
  const rows = events.map(rowOf);
  if (options.ordered !== false) await claimAggregates(manager, [...new Set(events.map((e) => e.aggregateId))].sort());
  // In chunks: PostgreSQL takes at most 65,535 parameters in one statement.
  const chunk = 5000;
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    await manager.query(
      `INSERT INTO "outbox_event" (${COLUMNS}) SELECT a, b, c, d, f, g, h FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::uuid[], $6::uuid[], $7::jsonb[]) WITH ORDINALITY AS e(a, b, c, d, f, g, h, n) ORDER BY n`,
      [0, 1, 2, 3, 4, 5, 6].map((i) => part.map((row) => row[i])),
    );
  }
}

/**
 * Locks the aggregates' event order for this transaction and refuses to go on when another
 * transaction with a later id has already committed an event for one of them (see recordEvent).
 */
async function claimAggregates(manager: EntityManager, aggregateIds: string[]): Promise<void> {
  // Sorted ids: one lock order, no deadlock between two transactions claiming the same pair.
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended(a::text, 1796)) FROM unnest($1::uuid[]) AS a`, [aggregateIds]);
  const [overtaken] = await manager.query(
    `SELECT 1 FROM "outbox_event" WHERE "aggregate_id" = ANY($1::uuid[]) AND "xid" > pg_current_xact_id() LIMIT 1`,
    [aggregateIds],
  );
  if (overtaken) throw conflict('Someone else changed this at the same moment. Please try again.');
}
