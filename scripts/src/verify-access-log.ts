/**
 * Verifies the access log's hash chains in every subgraph's database:
 *   npm run verify:access-log            (all services)
 *   npm run verify:access-log plans      (one)
 * Each entry's hash must match its content and the citizen's previous entry; a changed,
 * deleted or inserted row breaks the chain. Exits 1 when any chain is broken. The databases
 * are found as the services find them (<NAME>_DATABASE_URL, DATABASE_URL or embedded).
 */
import { createDataSource, resolveDatabase, verifyAccessLog } from '@jobcenter/kit';
import { subgraphs } from './services';

async function main() {
  const only = process.argv.slice(2);
  let broken = 0;
  for (const definition of subgraphs.filter((s) => only.length === 0 || only.includes(s.name))) {
    const database = await resolveDatabase(definition.name);
    const dataSource = createDataSource({ url: database.url, entities: definition.entities, migrations: definition.migrations });
    await dataSource.initialize();
    try {
      const result = await verifyAccessLog(dataSource);
      broken += result.broken.length;
      console.log(`${definition.name}: ${result.entries} entries, ${result.citizens} citizens, ${result.broken.length ? `${result.broken.length} BROKEN` : 'chains intact'}`);
      for (const b of result.broken) console.log(`  citizen ${b.citizenId}, entry ${b.seq}: ${b.problem}`);
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
