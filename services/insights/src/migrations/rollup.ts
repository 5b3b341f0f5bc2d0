import { QueryRunner } from 'typeorm';

/**
 * Statement triggers that keep `total` (count and key sum per key) equal to the rows of `table`
 * grouped by `keys` (column → expression over the row), of the rows `where` holds for (all by
 * default): set-based, one statement per change of the facts whatever its size, from the
 * statement's transition tables. `name` names the function and triggers (default: the table's).
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
  await q.query(
    `CREATE TRIGGER "${name}_roll_insert" AFTER INSERT ON "${o.table}" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "${fn}"()`,
  );
  await q.query(
    `CREATE TRIGGER "${name}_roll_update" AFTER UPDATE ON "${o.table}" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "${fn}"()`,
  );
  await q.query(
    `CREATE TRIGGER "${name}_roll_delete" AFTER DELETE ON "${o.table}" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "${fn}"()`,
  );
}
