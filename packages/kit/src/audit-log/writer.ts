import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { rawPool } from '../housekeeping';
import { AccessLogRow, chainRows, insertChained, readHeads, StreamHead } from './chain';

/** A request batch's entries are sent in one INSERT up to about this many rows (one request is never split). */
const MAX_BATCH_ROWS = 5000;

interface Waiting {
  rows: AccessLogRow[];
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * The process's one writer of read entries: group commit over a stream of its own.
 *
 * Why a stream per process and not a chain per citizen: a chain per citizen needs its head,
 * so every request had to lock the chains of all the citizens it touched, read their heads and
 * insert, in a transaction of its own (five round trips, and concurrent requests over the same
 * citizens queued on the locks). A process that is the only writer of its stream knows the head
 * without asking, needs no lock, and can put the entries of every request that finishes while
 * an INSERT is in flight into the next one: one statement, one round trip, autocommit, for any
 * number of requests. The unique (stream_id, stream_pos) constraint makes a fork impossible
 * even if two writers ever shared a stream id. The chain still links every entry to the one
 * before it, so a changed, removed or inserted entry in the middle is found by
 * `npm run verify:access-log`; a citizen's own entries are found through citizen_id.
 *
 * One INSERT is in flight at a time (the next batch needs this one's last hash). The head moves
 * only after the INSERT succeeded; after a failure the outcome is unknown (a lost connection may
 * have committed it), so the next batch first reads the head back from the database and links
 * to whatever is there. A restart is a new stream.
 */
export class AccessLogWriter {
  readonly streamId = `p:${randomUUID()}`;
  /** What this writer sent: one statement per batch, plus a head read after a failure. */
  readonly stats = { statements: 0, batches: 0, entries: 0, failures: 0 };
  private head: StreamHead = { pos: 0, hash: null };
  private headKnown = true;
  private queue: Waiting[] = [];
  private flushing = false;

  constructor(private readonly pool: () => ReturnType<typeof rawPool>) {}

  /** Resolves once the rows are committed (with the other requests' rows of the same batch). */
  append(rows: AccessLogRow[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // After this turn's I/O callbacks: requests finishing together share the first batch too.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch: Waiting[] = [];
        let size = 0;
        while (this.queue.length > 0 && (batch.length === 0 || size + this.queue[0].rows.length <= MAX_BATCH_ROWS)) {
          const next = this.queue.shift()!;
          batch.push(next);
          size += next.rows.length;
        }
        try {
          const query = async (sql: string, params?: unknown[]) => {
            this.stats.statements += 1;
            return (await this.pool().query(sql, params)).rows;
          };
          if (!this.headKnown) {
            this.head = (await readHeads(query, [this.streamId])).get(this.streamId) ?? { pos: 0, hash: null };
            this.headKnown = true;
          }
          const rows = batch.flatMap((w) => w.rows);
          const heads = new Map([[this.streamId, this.head]]);
          const chained = chainRows(rows, () => this.streamId, heads);
          await insertChained(query, chained);
          this.head = heads.get(this.streamId)!;
          this.stats.batches += 1;
          this.stats.entries += rows.length;
          for (const w of batch) w.resolve();
        } catch (error) {
          this.stats.failures += 1;
          this.headKnown = false;
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}

const writers = new WeakMap<DataSource, AccessLogWriter>();

/** The writer (and so the stream) of this DataSource in this process. */
export function accessLogWriterOf(dataSource: DataSource): AccessLogWriter {
  let writer = writers.get(dataSource);
  if (!writer) {
    writer = new AccessLogWriter(() => rawPool(dataSource));
    writers.set(dataSource, writer);
  }
  return writer;
}
