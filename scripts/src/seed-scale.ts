/**
 * `npm run seed:scale -- --citizens 50000 --seed 42 [--today 2026-11-23] [--yes]`: fills the four
 * subgraphs' databases with a generated municipality (see seed-scale/). The databases are found
 * the way the services find theirs: <SERVICE>_DATABASE_URL, else DATABASE_URL, else the
 * project's embedded PostgreSQL (started if it is not running), as `npm start` does.
 * The tables it fills are emptied first: it says which databases and asks (or needs --yes).
 */
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { commandLine, confirmEmptying } from './cli';
import { resolveAllDatabases } from './services';
import { seedScale } from './seed-scale/index';

const USAGE = 'npm run seed:scale -- [--citizens 50000] [--seed 42] [--today YYYY-MM-DD] [--yes]';

async function main() {
  const { values } = commandLine(
    USAGE,
    {
      citizens: { type: 'string', default: '50000' },
      seed: { type: 'string', default: '42' },
      today: { type: 'string' },
      yes: { type: 'boolean', default: false },
    },
    {
      check: ({ values: v }) =>
        !/^\d+$/.test(v.citizens) || Number(v.citizens) < 1
          ? '--citizens: a whole number of at least 1'
          : v.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v.today)
            ? '--today: a date, YYYY-MM-DD'
            : undefined,
    },
  );
  const citizens = Number(values.citizens);
  const seed = values.seed;
  const today = values.today ?? todayInCopenhagen();
  const { urls, embedded } = await resolveAllDatabases();
  const where = (url: string) => {
    const u = new URL(url);
    return `${u.pathname.slice(1)} on ${u.hostname}:${u.port || 5432}`;
  };
  const confirmed = await confirmEmptying(
    Object.entries(urls).map(
      ([name, url]) => `${where(url)}: every ${name} table seed:scale fills, and rows referencing them (TRUNCATE … CASCADE)`,
    ),
    values.yes,
  );
  if (!confirmed) {
    await embedded?.stop();
    process.exit(2);
  }
  console.log(`Generating ${citizens} citizens, seed ${seed}, today ${today}`);
  const started = performance.now();
  try {
    const result = await seedScale({ citizens, seed, today, urls, progress: process.stderr.isTTY });
    for (const [db, tables] of Object.entries(result.rows)) {
      console.log(
        `  ${db}: ${Object.entries(tables)
          .map(([t, n]) => `${t} ${n}`)
          .join(', ')}`,
      );
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
