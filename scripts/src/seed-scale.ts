/**
 * `npm run seed:scale -- --citizens 50000 --seed 42 [--today 2026-11-23]`: fills the four
 * subgraphs' databases with a generated municipality (see seed-scale/). The databases are found
 * the way the services find theirs: <SERVICE>_DATABASE_URL, else DATABASE_URL, else the
 * project's embedded PostgreSQL (started if it is not running), as `npm start` does.
 * The tables it fills are emptied first.
 */
import { todayInCopenhagen } from '@jobcenter/kit';
import { resolveAllDatabases } from './services';
import { seedScale } from './seed-scale/index';

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

async function main() {
  const citizens = Number(argument('citizens') ?? 50_000);
  const seed = argument('seed') ?? '42';
  const today = argument('today') ?? todayInCopenhagen();
  if (!Number.isInteger(citizens) || citizens < 1) throw new Error('--citizens: a whole number of at least 1');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error('--today: a date, YYYY-MM-DD');
  const { urls, embedded } = await resolveAllDatabases();
  console.log(`Generating ${citizens} citizens, seed ${seed}, today ${today}`);
  const started = performance.now();
  try {
    const result = await seedScale({ citizens, seed, today, urls, progress: process.stderr.isTTY });
    for (const [db, tables] of Object.entries(result.rows)) {
      console.log(`  ${db}: ${Object.entries(tables).map(([t, n]) => `${t} ${n}`).join(', ')}`);
    }
    console.log(
      `Done in ${((performance.now() - started) / 1000).toFixed(1)} s (generating ${(result.generateMs / 1000).toFixed(1)} s, writing ${(result.writeMs / 1000).toFixed(1)} s).`,
    );
  } finally {
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
