import { createHash } from 'node:crypto';
import { AnyNewEvent, OUTBOX_COPY_COLUMNS, outboxRowOf } from '@jobcenter/kit';
/**
 * Rows of one table, kept as PostgreSQL COPY text (tab-separated, `\N` for null) in chunks,
 * ready to stream: far less memory than arrays of values, and no per-row work at write time.
 */
export class Table {
  readonly chunks: string[] = [];
  rows = 0;
  private current: string[] = [];

  constructor(
    readonly name: string,
    readonly columns: readonly string[],
  ) {}

  add(values: readonly unknown[]): void {
    if (values.length !== this.columns.length) {
      throw new Error(`${this.name}: ${values.length} values for ${this.columns.length} columns`);
    }
    this.current.push(values.map(copyText).join('\t'));
    this.rows += 1;
    if (this.current.length === 5000) this.flush();
  }

  /** All chunks, the last one included. */
  done(): this {
    this.flush();
    return this;
  }

  private flush(): void {
    if (this.current.length) this.chunks.push(this.current.join('\n') + '\n');
    this.current = [];
  }
}

function copyText(value: unknown): string {
  if (typeof value === 'string') return SPECIAL.test(value) ? escape(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return escape(`{${value.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  if (typeof value === 'object') return escape(JSON.stringify(value));
  return escape(String(value));
}

const SPECIAL = /[\\\t\n\r]/;
const escape = (text: string) =>
  text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));

/**
 * The outbox of one subgraph's database: the domain events of the generated rows, checked
 * against the catalogue and written by the same COPY transaction as the rows (docs/events.md),
 * so a read model can be rebuilt from events at any scale.
 */
export class OutboxTable extends Table {
  constructor() {
    super('outbox_event', OUTBOX_COPY_COLUMNS);
  }

  /** Event ids follow from the event and its place in the table: the same seed gives the same rows. */
  event(...events: AnyNewEvent[]): void {
    for (const event of events) {
      const hex = createHash('sha1').update(`${this.rows}:${event.type}:${event.aggregateId}`).digest('hex');
      const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
      this.add(outboxRowOf(event, id));
    }
  }
}
