/**
 * Verifies the access log's hash chains in every subgraph's database:
 *   npm run verify:access-log            (all services)
 *   npm run verify:access-log plans      (one)
 * Walks every stream (one per process for reads, one per citizen for changes) by position:
 * positions must follow one another, each entry must link to the previous one's hash and its
 * hash match its content, so a changed, deleted or inserted row shows. Removal of a stream's
 * newest entries does not (see verifyAccessLog). Exits 1 when any stream is broken. The databases
 * are found as the services find them (<NAME>_DATABASE_URL, DATABASE_URL or embedded).
 */
import { createDataSource, resolveDatabase } from '@jobcenter/kit';
import { verifyAccessLog } from '@jobcenter/kit/audit-log';
import { commandLine } from './cli';
import { subgraphs } from './services';

const NAMES: string[] = subgraphs.map((s) => s.name);

async function main() {
  // A misspelt service (`citizen`) is an error, never a check of nothing that exits 0.
  const { positionals: only } = commandLine(
    `npm run verify:access-log [-- <${NAMES.join('|')}>...]`,
    {},
    {
      positionals: NAMES.length,
      check: ({ positionals }) => {
        const unknown = positionals.filter((p) => !NAMES.includes(p));
        return unknown.length ? `unknown service: ${unknown.join(', ')} (services: ${NAMES.join(', ')})` : undefined;
      },
    },
  );
  let broken = 0;
  for (const definition of subgraphs.filter((s) => only.length === 0 || only.includes(s.name))) {
    const database = await resolveDatabase(definition.name);
    const dataSource = createDataSource({ url: database.url, entities: definition.entities, migrations: definition.migrations });
    await dataSource.initialize();
    try {
      const result = await verifyAccessLog(dataSource);
      broken += result.broken.length;
      console.log(
        `${definition.name}: ${result.entries} entries, ${result.streams} streams, ${result.broken.length ? `${result.broken.length} BROKEN` : 'chains intact'}`,
      );
      for (const b of result.broken)
        console.log(`  stream ${b.streamId}, position ${b.position} (entry ${b.seq}, citizen ${b.citizenId}): ${b.problem}`);
      // Who could change entries at all: the table's owner, and whether the role used here may.
      const [rights] = await dataSource.query(
        `SELECT pg_get_userbyid(relowner) AS owner, current_user AS me,
                has_table_privilege(oid, 'UPDATE') OR has_table_privilege(oid, 'DELETE') OR has_table_privilege(oid, 'TRUNCATE') AS may_change
           FROM pg_class WHERE oid = 'kit_access_log'::regclass`,
      );
      console.log(`  owned by ${rights.owner}; ${rights.me} ${rights.may_change ? 'MAY' : 'may not'} update, delete or truncate it`);
    } finally {
      await dataSource.destroy();
      await database.embedded?.stop();
    }
  }
  process.exit(broken > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
