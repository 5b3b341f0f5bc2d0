import { QueryRunner } from 'typeorm';

/**
 * The three AFTER … FOR EACH STATEMENT triggers of `table` (`<prefix>_insert`, `_update`,
 * `_delete`), each calling `fn` with the statement's transition tables (`new_rows`,
 * `old_rows`): one call per statement whatever its size. The rollups and the series' change
 * notes are both kept this way.
 */
export async function createStatementTriggers(q: QueryRunner, table: string, prefix: string, fn: string): Promise<void> {
  await q.query(
    `CREATE TRIGGER "${prefix}_insert" AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "${fn}"()`,
  );
  await q.query(
    `CREATE TRIGGER "${prefix}_update" AFTER UPDATE ON "${table}" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "${fn}"()`,
  );
  await q.query(
    `CREATE TRIGGER "${prefix}_delete" AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "${fn}"()`,
  );
}

/** Drops the three triggers and their function (`ifExists`: tolerating that they are gone). */
export async function dropStatementTriggers(q: QueryRunner, table: string, prefix: string, fn: string, ifExists = false): Promise<void> {
  const maybe = ifExists ? 'IF EXISTS ' : '';
  for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ${maybe}"${prefix}_${op}" ON "${table}"`);
  await q.query(`DROP FUNCTION ${maybe}"${fn}"()`);
}
