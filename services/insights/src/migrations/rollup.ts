import { QueryRunner } from 'typeorm';
import { createStatementTriggers, dropStatementTriggers } from './statement-triggers';

/**
 * Statement triggers that keep `total` (count and key sum per key) equal to the rows of `table`
 * grouped by `keys` (column → expression over the row), of the rows `where` holds for (all by
 * default): set-based, one statement per change of the facts whatever its size, from the
 * statement's transition tables, and filled from the rows already there. `name` names the
 * function and triggers (default: the table's).
 */
export async function rollup(
  q: QueryRunner,
  o: { table: string; total: string; keys: Record<string, string>; where?: string; name?: string },
): Promise<void> {
  const columns = Object.keys(o.keys);
  const expressions = Object.values(o.keys);
  const apply = (rows: string, sign: '' | '-') => `
    INSERT INTO ${o.total} (${columns.join(', ')}, count, key_sum)
    SELECT ${expressions.join(', ')}, ${sign}COUNT(*), ${sign}SUM(record_key) FROM ${rows}${o.where ? ` WHERE ${o.where}` : ''} GROUP BY ${columns.map((_, i) => i + 1).join(', ')}
    ON CONFLICT (${columns.join(', ')}) DO UPDATE SET count = ${o.total}.count + EXCLUDED.count, key_sum = ${o.total}.key_sum + EXCLUDED.key_sum;`;
  const name = o.name ?? o.table;
  const fn = `${name}_roll`;
  await q.query(`CREATE FUNCTION "${fn}"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN ${apply('old_rows', '-')} END IF;
      IF TG_OP IN ('UPDATE', 'INSERT') THEN ${apply('new_rows', '')} END IF;
      RETURN NULL;
    END $$`);
  await createStatementTriggers(q, o.table, fn, fn);
  // The total from the rows already there (a database that consumed events before the migration).
  await q.query(apply(`"${o.table}"`, ''));
}

/** Drops what `rollup` made for `table` (not the total). */
export async function dropRollup(q: QueryRunner, table: string, name = table, ifExists = false): Promise<void> {
  await dropStatementTriggers(q, table, `${name}_roll`, `${name}_roll`, ifExists);
}
