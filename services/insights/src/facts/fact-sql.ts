import type { EntityManager } from 'typeorm';
import type { FactEvent } from './fact.types';

/** A column of a set-based write: its name and the PostgreSQL type of its array parameter. */
export type Column = readonly [name: string, type: string];

/**
 * Writes many rows in one statement: `INSERT INTO table (...) SELECT * FROM unnest($1::t1[], …)`,
 * then `ON CONFLICT (conflict) DO UPDATE SET update` (or `DO NOTHING` without `update`). Rows are
 * arrays in the columns' order. Two rows with the same conflict key in one statement are an error
 * in PostgreSQL: give one row per key (`lastPerKey`).
 */
export async function upsertRows(
  m: EntityManager,
  table: string,
  columns: readonly Column[],
  rows: readonly unknown[][],
  conflict: string,
  update?: string,
): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  await m.query(
    `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays})
     ON CONFLICT (${conflict}) DO ${update ? `UPDATE SET ${update}` : 'NOTHING'}`,
    columns.map((_, i) => rows.map((row) => row[i] ?? null)),
  );
}

/**
 * Sets one column of stored rows by their key, many rows in one statement
 * (`UPDATE … FROM unnest($keys, $values)`); keys without a row change nothing.
 */
export async function updateColumn(
  m: EntityManager,
  table: string,
  key: Column,
  column: Column,
  values: ReadonlyMap<string, unknown>,
): Promise<void> {
  if (values.size === 0) return;
  await m.query(
    `UPDATE "${table}" t SET "${column[0]}" = v.value FROM unnest($1::${key[1]}[], $2::${column[1]}[]) AS v(key, value)
      WHERE t."${key[0]}" = v.key`,
    [[...values.keys()], [...values.values()]],
  );
}

/** The last event per key (e.g. per aggregate) of a page, in page order: "latest wins" facts. */
export function lastPerKey(events: readonly FactEvent[], key: (e: FactEvent) => string): FactEvent[] {
  const last = new Map<string, FactEvent>();
  for (const e of events) {
    const k = key(e);
    last.delete(k); // re-insert: the map keeps the order of each key's last event
    last.set(k, e);
  }
  return [...last.values()];
}

/** A payload field as text (codes, ids, dates, instants). */
export const text = (e: FactEvent, field: string): string => String(e.payload[field]);
/** A payload field as text, or null when left out. */
export const optional = (e: FactEvent, field: string): string | null => (e.payload[field] == null ? null : String(e.payload[field]));
