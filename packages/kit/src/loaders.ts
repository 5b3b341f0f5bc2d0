import DataLoader from 'dataloader';
import { isUuid } from './ids';

/**
 * The two DataLoader shapes every subgraph needs. Each batch of ids costs one statement; ids
 * that are not UUIDs never reach SQL and simply find nothing.
 */

/** Rows by a unique key, in key order, null where missing. */
export function uniqueBy<T>(key: (row: T) => string, load: (ids: string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (keys) => {
    const ids = [...new Set(keys.filter(isUuid))];
    const rows = ids.length ? await load(ids) : [];
    const found = new Map(rows.map((row) => [key(row), row]));
    return keys.map((k) => found.get(k) ?? null);
  });
}

/** Rows grouped by a foreign key, in key order, each group in the order the query gave. */
export function groupedBy<T>(key: (row: T) => string, load: (ids: string[]) => Promise<T[]>): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const ids = [...new Set(keys.filter(isUuid))];
    const rows = ids.length ? await load(ids) : [];
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const group = groups.get(key(row));
      if (group) group.push(row);
      else groups.set(key(row), [row]);
    }
    return keys.map((k) => groups.get(k) ?? []);
  });
}
