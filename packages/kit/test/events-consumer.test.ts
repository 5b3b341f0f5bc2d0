import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { AnyNewEvent, emptyConsumerReadModel, EventFeedConsumer, readEventFeed, recordEvents, waitUntilCaughtUp } from '../src/events';
import { openDatabase } from '../src/database';
import { createDataSource } from '../src/parts';
import { ensureDatabase, withDatabase } from '../src/embedded-postgres';
import { startSubgraph, RunningSubgraph } from '../src/subgraph';
import { createTestDatabase, startTestSubgraph, TestSubgraph } from '../src/testing';
import { freePort } from '../src/testing/ports';
import { PostgresProcess, startPostgresProcess } from '../src/testing/postgres-process';
import { outboxSubgraph } from './fixtures/outbox-subgraph';
import { openConsumerDatabase, testConsumer } from './fixtures/event-consumer';

const staffEvents = (count: number, team: string): AnyNewEvent[] =>
  Array.from({ length: count }, () => {
    const id = randomUUID();
    return { type: 'staff.created', aggregateId: id, citizenId: null, payload: { staffId: id, role: 'CASEWORKER', team } };
  });

async function produce(dataSource: DataSource, count: number, team = 'T'): Promise<void> {
  await dataSource.transaction((tx) => recordEvents(tx, staffEvents(count, team)));
}

async function appliedCount(dataSource: DataSource): Promise<{ rows: number; distinct: number }> {
  const [row] = await dataSource.query(`SELECT count(*)::int AS rows, count(DISTINCT "event_id")::int AS distinct FROM "applied"`);
  return row;
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The feed's events, all of them, in order (what a consumer must end up with). */
async function feedIds(dataSource: DataSource): Promise<string[]> {
  const ids: string[] = [];
  let after = '';
  for (;;) {
    const page = await readEventFeed(dataSource, after, 1000);
    if (page.events.length === 0) return ids;
    ids.push(...page.events.map((e) => e.id));
    after = page.next;
  }
}

describe('EventFeedConsumer', () => {
  let producer: TestSubgraph;
  let consumerDb: { url: string; drop(): Promise<void> };
  let consumer: DataSource;

  beforeAll(async () => {
    producer = await startTestSubgraph(outboxSubgraph);
    consumerDb = await createTestDatabase('consumer');
    consumer = await openConsumerDatabase(consumerDb.url);
  });
  afterAll(async () => {
    await consumer.destroy();
    await consumerDb.drop();
    await producer.stop();
  });

  it('applies each event once, in feed order, even when the feed serves it again', async () => {
    await produce(producer.dataSource, 120);
    const expected = await until(
      'the events to be served',
      () => feedIds(producer.dataSource),
      (ids) => ids.length >= 120,
    );
    const events = testConsumer(consumer, producer.url);
    expect(await events.drain()).toBe(expected.length);
    expect(await events.drain()).toBe(0);
    // Redelivery (e.g. a cursor lost with a restore): processed_event keeps the effect single.
    await consumer.query(`DELETE FROM "event_cursor"`);
    expect(await events.drain()).toBe(expected.length);
    expect(await appliedCount(consumer)).toEqual({ rows: expected.length, distinct: expected.length });
    const applied = await consumer.query(`SELECT "event_id" FROM "applied" ORDER BY ctid`);
    expect(applied.map((r: { event_id: string }) => r.event_id)).toEqual(expected);
    expect(events.status()[0]).toMatchObject({ source: 'staffdemo', caughtUp: true, lagSeconds: 0, failures: 0 });
    await consumer.query(`TRUNCATE "applied", "processed_event", "event_cursor"`);
  });

  it('hands handleBatch each page of fresh events at once, in feed order, each event once', async () => {
    await produce(producer.dataSource, 125, 'Batch');
    const expected = await until(
      'the events to be served',
      () => feedIds(producer.dataSource),
      (ids) => ids.length >= 245,
    );
    const batches: string[][] = [];
    const batched = new EventFeedConsumer({
      name: 'test-consumer',
      dataSource: consumer,
      sources: [{ name: 'staffdemo', url: producer.url }],
      batchSize: 100,
      handleBatch: async (events, tx) => {
        batches.push(events.map((e) => e.id));
        await tx.query(`INSERT INTO "applied" ("event_id", "aggregate_id", "cursor") SELECT unnest($1::uuid[]), unnest($2::uuid[]), 'x'`, [
          events.map((e) => e.id),
          events.map((e) => e.aggregateId),
        ]);
      },
    });
    expect(await batched.drain()).toBe(expected.length);
    // Pages of 100 (the next one fetched while one was written), in order.
    expect(batches.map((b) => b.length)).toEqual([100, 100, expected.length - 200]);
    expect(batches.flat()).toEqual(expected);
    // Served again from the start: nothing is fresh, so handleBatch is not called.
    await consumer.query(`DELETE FROM "event_cursor"`);
    expect(await batched.drain()).toBe(expected.length);
    expect(batches).toHaveLength(3);
    expect(await appliedCount(consumer)).toEqual({ rows: expected.length, distinct: expected.length });
    await consumer.query(`TRUNCATE "applied", "processed_event", "event_cursor"`);
    expect(() => new EventFeedConsumer({ name: 'x', dataSource: consumer, sources: [] })).toThrow(/either handle or handleBatch/);
  });

  it('has its read model emptied while it runs, then reads everything again, each event once', async () => {
    await produce(producer.dataSource, 150, 'Reset');
    const expected = await until(
      'the events to be served',
      () => feedIds(producer.dataSource),
      (ids) => ids.length >= 395,
    );
    const running = testConsumer(consumer, producer.url, { delayMs: 2 });
    running.start();
    try {
      await until(
        'a page to be applied',
        () => appliedCount(consumer),
        (c) => c.rows >= 50,
      );
      // In the middle of its reading (a page takes ~0.1 s): the page in flight finishes first.
      await emptyConsumerReadModel(consumer, ['applied']);
      // Whatever a page got in after the emptying, its effects and its bookkeeping went together
      // (both counted in one statement, one snapshot: the consumer keeps reading meanwhile).
      const [counts] = await consumer.query(
        `SELECT (SELECT count(*)::int FROM "processed_event") AS processed, (SELECT count(*)::int FROM "applied") AS applied`,
      );
      expect(counts.applied).toBe(counts.processed);
      await until(
        'everything to be read again',
        () => appliedCount(consumer),
        (c) => c.rows >= expected.length,
      );
    } finally {
      await running.stop();
    }
    expect(await appliedCount(consumer)).toEqual({ rows: expected.length, distinct: expected.length });
  });

  it('empties the read model even when another writer meets it in the other lock order (a deadlock, tried again)', async () => {
    // Another writer holds the read model's table and then wants event_cursor, while the emptying
    // holds event_cursor and wants the table: PostgreSQL aborts the emptying (the other side waits
    // longer before it looks for deadlocks).
    const deadlockWith = async (attempts?: number): Promise<unknown> => {
      const other = consumer.createQueryRunner();
      await other.connect();
      await other.startTransaction();
      try {
        await other.query(`SET LOCAL deadlock_timeout = '30s'`);
        await other.query(`INSERT INTO "applied" ("event_id", "aggregate_id", "cursor") VALUES ($1, $1, 'other')`, [randomUUID()]);
        const emptied = emptyConsumerReadModel(consumer, ['applied'], attempts).then(
          () => 'emptied',
          (error: { driverError?: { code?: string } }) => error.driverError?.code,
        );
        // Once the emptying holds event_cursor and waits for the table, the other writer wants event_cursor.
        await until(
          'the emptying to wait for the table',
          async () =>
            (
              await consumer.query(
                `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'TRUNCATE%'`,
              )
            )[0].n as number,
          (n) => n > 0,
        );
        await other.query(`SELECT count(*) FROM "event_cursor"`);
        await other.commitTransaction();
        return await emptied;
      } finally {
        await other.release();
      }
    };
    expect(await deadlockWith(1)).toBe('40P01');
    // Refused, nothing emptied: the rows read so far and the other writer's are still there.
    expect((await appliedCount(consumer)).rows).toBeGreaterThan(1);
    expect(await deadlockWith()).toBe('emptied');
    expect(await appliedCount(consumer)).toEqual({ rows: 0, distinct: 0 });
  });

  it('resumes after being killed mid-batch with nothing lost and nothing applied twice', async () => {
    await produce(producer.dataSource, 400, 'Kill');
    const expected = await until(
      'the events to be served',
      () => feedIds(producer.dataSource),
      (ids) => ids.length >= 795,
    );
    // 50 events a page, 10 ms each: a page takes about half a second, so the kill lands inside one.
    const child = spawn(process.execPath, [path.join(__dirname, 'fixtures', 'event-consumer.js'), consumerDb.url, producer.url, '10'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await until(
        'the child to apply a page',
        () => appliedCount(consumer),
        (c) => c.rows >= 50,
      );
      await new Promise((resolve) => setTimeout(resolve, 250));
    } finally {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    const atKill = await appliedCount(consumer);
    expect(atKill.rows).toBeLessThan(expected.length);
    // Whole pages or nothing: a page's effects and its bookkeeping commit together.
    expect(atKill.rows % 50).toBe(0);
    const [{ processed }] = await consumer.query(`SELECT count(*)::int AS processed FROM "processed_event"`);
    expect(processed).toBe(atKill.rows);

    await testConsumer(consumer, producer.url).drain();
    expect(await appliedCount(consumer)).toEqual({ rows: expected.length, distinct: expected.length });
    const applied = await consumer.query(`SELECT "event_id" FROM "applied" ORDER BY ctid`);
    expect(applied.map((r: { event_id: string }) => r.event_id)).toEqual(expected);
  });
  it('waitUntilCaughtUp waits for a commit held back behind a transaction still open', async () => {
    const slow = producer.dataSource.createQueryRunner();
    await slow.connect();
    await slow.startTransaction();
    try {
      const [slowEvent] = staffEvents(1, 'HeldSlow');
      await recordEvents(slow.manager, [slowEvent]);
      await produce(producer.dataSource, 1, 'HeldFast'); // committed, but not served while slow is open
      let settled = false;
      const waited = waitUntilCaughtUp(
        consumer,
        'test-consumer',
        { staffdemo: producer.url },
        { idleMs: 100, whenIdle: () => testConsumer(consumer, producer.url).drain() },
      ).finally(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 1000));
      // The feed served nothing new, yet the fast commit happened before the wait began.
      expect(settled).toBe(false);
      await slow.commitTransaction();
      await waited;
      const [{ n }] = await consumer.query(`SELECT count(*)::int AS n FROM "applied" WHERE "aggregate_id" = $1`, [slowEvent.aggregateId]);
      expect(n).toBe(1);
      const all = await feedIds(producer.dataSource);
      expect(await appliedCount(consumer)).toEqual({ rows: all.length, distinct: all.length });
    } finally {
      if (slow.isTransactionActive) await slow.rollbackTransaction();
      await slow.release();
    }
  });
});

describe('EventFeedConsumer through faults', () => {
  let dir: string;
  let pg: PostgresProcess;
  let pgPort: number;
  let producerUrl: string;
  let producer: RunningSubgraph | undefined;
  let producerPort: number;
  let consumer: DataSource;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'events-faults-'));
    chmodSync(dir, 0o777);
    pgPort = await freePort();
    pg = await startPostgresProcess(path.join(dir, 'data'), pgPort);
    await ensureDatabase(pg.adminUrl, 'producer');
    await ensureDatabase(pg.adminUrl, 'consumer');
    producerUrl = withDatabase(pg.adminUrl, 'producer');
    producerPort = await freePort();
    producer = await startSubgraph(outboxSubgraph, { databaseUrl: producerUrl, port: producerPort });
    consumer = await openConsumerDatabase(withDatabase(pg.adminUrl, 'consumer'));
  });
  afterAll(async () => {
    await producer?.close();
    await consumer.destroy().catch(() => undefined);
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs off while the producer and PostgreSQL are down, then catches up with nothing lost', async () => {
    const events = testConsumer(consumer, `http://127.0.0.1:${producerPort}/graphql`);
    events.start();
    try {
      await produce(producer!.dataSource, 5, 'Before');
      await until(
        'the first events',
        () => appliedCount(consumer),
        (c) => c.rows === 5,
      );

      // The producer goes away; changes are still made in its database (e.g. by another replica).
      await producer!.close();
      producer = undefined;
      const writer = createDataSource({ url: producerUrl, entities: [], migrations: [] });
      await openDatabase(writer);
      await produce(writer, 7, 'WhileDown');
      await writer.destroy();
      await until(
        'the consumer to notice',
        async () => events.status()[0],
        (s) => s.failures >= 2,
      );

      // PostgreSQL restarts under both of them.
      await pg.stop();
      pg = await startPostgresProcess(path.join(dir, 'data'), pgPort);

      producer = await startSubgraph(outboxSubgraph, { databaseUrl: producerUrl, port: producerPort });
      await produce(producer.dataSource, 3, 'After');
      const caughtUp = await until(
        'the consumer to catch up',
        () => appliedCount(consumer),
        (c) => c.rows >= 15,
        60_000,
      );
      expect(caughtUp).toEqual({ rows: 15, distinct: 15 });
      await until(
        'the consumer to be healthy',
        async () => events.status()[0],
        (s) => s.failures === 0 && s.caughtUp,
      );
      const metrics = await events.registry.metrics();
      expect(metrics).toMatch(/event_consumer_failures_total\{source="staffdemo"\} [1-9]/);
      expect(metrics).toMatch(/event_consumer_events_total\{source="staffdemo"\} 15/);
      expect(metrics).toMatch(/event_consumer_lag_seconds\{source="staffdemo"\} 0/);
    } finally {
      await events.stop();
    }
  });
});
