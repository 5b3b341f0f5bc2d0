import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import type { Logger } from 'pino';
import { Counter, Gauge, Registry } from 'prom-client';
import { serviceRequestHeaders } from '../subgraph-client';
import { EventEnvelope } from './catalogue';
import { FeedPage } from './feed';

/**
 * The consumer's own bookkeeping, in the CONSUMER's database: which events it has handled
 * (`processed_event`, by event id) and how far it has read each source (`event_cursor`). A
 * consumer includes this migration in its migrations (never synchronize).
 */
export class EventConsumerTables1796000000001 implements MigrationInterface {
  name = 'EventConsumerTables1796000000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "processed_event" ("id" uuid NOT NULL, "source" character varying(32) NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_processed_event" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "event_cursor" ("source" character varying(32) NOT NULL, "cursor" character varying(64) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_event_cursor" PRIMARY KEY ("source"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "event_cursor"`);
    await queryRunner.query(`DROP TABLE "processed_event"`);
  }
}

export const EVENT_CONSUMER_MIGRATIONS: Function[] = [EventConsumerTables1796000000001];

export interface EventFeedSource {
  /** The producing subgraph's name (`citizens`, `plans`, ...): the key of its cursor. */
  name: string;
  /** The subgraph's HTTP address (its GraphQL URL will do): the feed is `<origin>/events`. */
  url: string;
}

/** Handles one event inside the consumer's transaction: throw to roll it (and its bookkeeping) back. */
export type EventHandler = (event: EventEnvelope, tx: EntityManager) => Promise<void>;

/**
 * Handles a page's events at once (set-based) inside the consumer's transaction: the events not
 * handled before, oldest first (feed order, hence in order per aggregate). The result must not
 * depend on how the feed was cut into pages. Throw to roll the page back.
 */
export type EventBatchHandler = (events: EventEnvelope[], tx: EntityManager) => Promise<void>;

export interface EventFeedConsumerOptions {
  /** This consumer's service name: it signs its feed requests as this service. */
  name: string;
  /** The consumer's own database (with EVENT_CONSUMER_MIGRATIONS applied). */
  dataSource: DataSource;
  sources: EventFeedSource[];
  /** One event at a time; or, instead, `handleBatch` for a whole page. */
  handle?: EventHandler;
  /** A page's fresh events at once (set-based handling); takes the place of `handle`. */
  handleBatch?: EventBatchHandler;
  /** Events per feed request, handled in one transaction (1..1000; default 500). */
  batchSize?: number;
  /** Wait between polls once caught up (default 500 ms). */
  pollIntervalMs?: number;
  /** Back-off after a failure: starts at pollIntervalMs, doubles, at most this (default 30 s). */
  maxBackoffMs?: number;
  /** Per feed request (default 10 s). */
  requestTimeoutMs?: number;
  logger?: Logger;
  /** Prometheus registry for the consumer's metrics (e.g. the server's); a new one otherwise. */
  registry?: Registry;
}

export interface SourceStatus {
  source: string;
  cursor: string;
  /** Seconds between now and the newest handled event's time, 0 when the feed had nothing more. */
  lagSeconds: number;
  /** Failures in a row (0 when the last poll worked). */
  failures: number;
  lastError?: string;
  caughtUp: boolean;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * Reads one or more subgraphs' event feeds (GET /events) and hands each event to `handle` in a
 * transaction of the consumer's own database, together with recording the event's id in
 * `processed_event` and the source's cursor in `event_cursor`. So:
 * - at-least-once delivery, exactly-once effect: an event whose id is already recorded is
 *   skipped; a crash at any point rolls back the handling and the bookkeeping together;
 * - in order per source (hence per aggregate): one source is read by one loop, page by page;
 * - a source that is down (or PostgreSQL away) is retried with exponential back-off, the other
 *   sources go on; afterwards it catches up from its stored cursor.
 * Metrics: `event_consumer_lag_seconds`, `event_consumer_events_total`,
 * `event_consumer_failures_total`, labelled by source.
 */
export class EventFeedConsumer {
  private readonly options: Required<Omit<EventFeedConsumerOptions, 'logger' | 'registry' | 'handle' | 'handleBatch'>> &
    Pick<EventFeedConsumerOptions, 'logger'> & { handleBatch: EventBatchHandler };
  /** Per source: the next page, asked for while the current one is written (`after` = the cursor it reads from). */
  private readonly prefetched = new Map<string, { after: string; page: Promise<FeedPage> }>();
  private readonly statuses = new Map<string, SourceStatus>();
  private abort = new AbortController();
  private loops: Promise<void>[] = [];
  readonly registry: Registry;
  private readonly lag: Gauge;
  private readonly handled: Counter;
  private readonly failuresTotal: Counter;

  constructor(options: EventFeedConsumerOptions) {
    const { handle, handleBatch } = options;
    if (!handle === !handleBatch) throw new Error('EventFeedConsumer: give either handle or handleBatch');
    this.options = {
      batchSize: 500,
      pollIntervalMs: 500,
      maxBackoffMs: 30_000,
      requestTimeoutMs: 10_000,
      ...options,
      handleBatch:
        handleBatch ??
        (async (events, tx) => {
          for (const event of events) await handle!(event, tx);
        }),
    };
    this.registry = options.registry ?? new Registry();
    this.lag = new Gauge({
      name: 'event_consumer_lag_seconds',
      help: 'Age of the newest event handled from a source (0 when caught up).',
      labelNames: ['source'],
      registers: [this.registry],
    });
    this.handled = new Counter({
      name: 'event_consumer_events_total',
      help: 'Events handled, by source.',
      labelNames: ['source'],
      registers: [this.registry],
    });
    this.failuresTotal = new Counter({
      name: 'event_consumer_failures_total',
      help: 'Failed polls (source down, database away, handler error), by source.',
      labelNames: ['source'],
      registers: [this.registry],
    });
    for (const source of options.sources) {
      this.statuses.set(source.name, { source: source.name, cursor: '', lagSeconds: 0, failures: 0, caughtUp: false });
    }
  }

  /** Starts one polling loop per source; they run until stop(). */
  start(): void {
    if (this.loops.length > 0) return;
    this.abort = new AbortController();
    this.loops = this.options.sources.map((source) => this.loop(source, this.abort.signal));
  }

  /** Stops polling; resolves once every loop has finished its current page. */
  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.all(this.loops);
    this.loops = [];
  }

  status(): SourceStatus[] {
    return [...this.statuses.values()].map((s) => ({ ...s }));
  }

  /**
   * Reads every source until each answers an empty page (tests, rebuilds), the sources side by
   * side as the running loops do; throws on the first failure (once every source has stopped).
   */
  async drain(): Promise<number> {
    const counts = await Promise.allSettled(
      this.options.sources.map(async (source) => {
        let total = 0;
        for (;;) {
          const handled = await this.pollOnce(source);
          total += handled.events;
          if (handled.events === 0) return total;
        }
      }),
    );
    const failed = counts.find((c): c is PromiseRejectedResult => c.status === 'rejected');
    if (failed) throw failed.reason;
    return counts.reduce((sum, c) => sum + (c as PromiseFulfilledResult<number>).value, 0);
  }

  /** One page of one source: fetched, handled and recorded in one transaction. */
  async pollOnce(source: EventFeedSource): Promise<{ events: number; full: boolean }> {
    const status = this.statuses.get(source.name)!;
    const [stored] = (await this.options.dataSource.query(`SELECT "cursor" FROM "event_cursor" WHERE "source" = $1`, [source.name])) as {
      cursor: string;
    }[];
    const cursor = stored?.cursor ?? '';
    const ahead = this.prefetched.get(source.name);
    this.prefetched.delete(source.name);
    const page = ahead?.after === cursor ? await ahead.page : await this.fetchPage(source.url, source.name, cursor);
    status.cursor = cursor;
    if (page.events.length === 0) {
      status.caughtUp = true;
      status.lagSeconds = 0;
      this.lag.set({ source: source.name }, 0);
      return { events: 0, full: false };
    }
    if (page.events.length === this.options.batchSize) {
      // A full page: there is likely more. Ask for the next page while this one is written.
      const next = this.fetchPage(source.url, source.name, page.next);
      next.catch(() => undefined); // a failure surfaces when (if) the page is used
      this.prefetched.set(source.name, { after: page.next, page: next });
    }
    await this.handlePage(source.name, page, cursor);
    const newest = page.events.at(-1)!;
    status.cursor = newest.cursor;
    status.caughtUp = page.events.length < this.options.batchSize;
    status.lagSeconds = Math.max(0, (Date.now() - Date.parse(newest.occurredAt)) / 1000);
    this.lag.set({ source: source.name }, status.caughtUp ? 0 : status.lagSeconds);
    this.handled.inc({ source: source.name }, page.events.length);
    return { events: page.events.length, full: !status.caughtUp };
  }

  private async fetchPage(origin: string, source: string, after: string): Promise<FeedPage> {
    const url = new URL('/events', origin);
    if (after) url.searchParams.set('after', after);
    url.searchParams.set('limit', String(this.options.batchSize));
    const response = await fetch(url, {
      headers: await serviceRequestHeaders(this.options.name),
      signal: AbortSignal.timeout(this.options.requestTimeoutMs),
    });
    if (!response.ok) throw new Error(`${source} event feed answered ${response.status}`);
    return (await response.json()) as FeedPage;
  }

  /**
   * The page in one transaction; a handler error rolls it back, and the page's events are then
   * handled one per transaction up to the failing one, so a bad event holds its source back
   * (order per aggregate) without costing the events before it. A cursor moved by another
   * consumer instance meanwhile aborts the page (its events were handled there).
   */
  private async handlePage(source: string, page: FeedPage, from: string): Promise<void> {
    try {
      await this.handleInTransaction(source, page.events, from);
    } catch (error) {
      if (page.events.length === 1) throw error;
      let cursor = from;
      for (const event of page.events) {
        await this.handleInTransaction(source, [event], cursor);
        cursor = event.cursor;
      }
    }
  }

  private async handleInTransaction(source: string, events: EventEnvelope[], from: string): Promise<void> {
    await this.options.dataSource.transaction(async (tx) => {
      // The source's cursor row, locked: two instances of a consumer never handle one page twice.
      const [row] = (await tx.query(`SELECT "cursor" FROM "event_cursor" WHERE "source" = $1 FOR UPDATE`, [source])) as {
        cursor: string;
      }[];
      if ((row?.cursor ?? '') !== from) throw new Error(`${source} cursor moved while this page was read; reading again`);
      const fresh = new Set(
        (
          (await tx.query(
            `INSERT INTO "processed_event" ("id", "source") SELECT unnest($1::uuid[]), $2 ON CONFLICT ("id") DO NOTHING RETURNING "id"`,
            [events.map((e) => e.id), source],
          )) as { id: string }[]
        ).map((r) => r.id),
      );
      const unhandled = events.filter((event) => fresh.has(event.id));
      if (unhandled.length > 0) await this.options.handleBatch(unhandled, tx);
      await tx.query(
        `INSERT INTO "event_cursor" ("source", "cursor", "updated_at") VALUES ($1, $2, now())
         ON CONFLICT ("source") DO UPDATE SET "cursor" = EXCLUDED."cursor", "updated_at" = now()`,
        [source, events.at(-1)!.cursor],
      );
    });
  }

  private async loop(source: EventFeedSource, signal: AbortSignal): Promise<void> {
    const status = this.statuses.get(source.name)!;
    while (!signal.aborted) {
      try {
        const { full } = await this.pollOnce(source);
        status.failures = 0;
        status.lastError = undefined;
        if (!full) await sleep(this.options.pollIntervalMs, signal);
      } catch (error) {
        status.failures += 1;
        status.lastError = (error as Error).message;
        this.failuresTotal.inc({ source: source.name });
        const backoff = Math.min(this.options.maxBackoffMs, this.options.pollIntervalMs * 2 ** Math.min(status.failures - 1, 16));
        this.options.logger?.warn(
          { source: source.name, failures: status.failures, backoffMs: backoff, err: error },
          'event feed poll failed; backing off',
        );
        await sleep(backoff, signal);
      }
    }
  }
}
