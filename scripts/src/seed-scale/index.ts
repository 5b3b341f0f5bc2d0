import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MultiBar, Presets } from 'cli-progress';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createDataSource, openDatabase } from '@jobcenter/kit';
import { subgraphs } from '../services';
import { citizensTables } from './citizens';
import { meetingsTables } from './meetings';
import { placementsTables } from './placements';
import { plansTables } from './plans';
import { Table } from './table';
import { buildWorld, GeneratorOptions, World } from './world';

export type { World } from './world';

export interface SeedScaleOptions extends GeneratorOptions {
  /** Database URL per subgraph name (citizens, plans, meetings, placements). */
  urls: Record<string, string>;
  /** Progress bars on stderr (the command line); off in tests. */
  progress?: boolean;
}

export interface SeedScaleResult {
  world: World;
  /** Rows written per table, per database. */
  rows: Record<string, Record<string, number>>;
  generateMs: number;
  writeMs: number;
}

/**
 * Fills the four subgraphs' databases with a generated municipality. Applies each service's
 * migrations first, then empties the tables it fills (always: the data set replaces what was
 * there; the access log, idempotency keys and emergency access are not touched) and writes
 * its tables with COPY, parents before children, the outbox's events last, all in ONE
 * transaction per database: the events exist exactly when their rows do (docs/events.md).
 * Then each consumer's read model of the old events is emptied (`resetReadModel`). Same
 * options, same rows.
 */
export async function seedScale(options: SeedScaleOptions): Promise<SeedScaleResult> {
  const dataSources = [];
  for (const definition of subgraphs) {
    const url = options.urls[definition.name];
    if (!url) throw new Error(`No database URL for ${definition.name}`);
    const dataSource = createDataSource({ url, entities: definition.entities, migrations: definition.migrations, poolSize: 2 });
    await openDatabase(dataSource);
    dataSources.push({ definition, dataSource });
  }
  try {
    return await generateAndWrite(options);
  } finally {
    // The producers' outboxes were replaced: what consumers derived from the old events (insights'
    // facts, kick-offs, notices) goes, and they read the new feeds from the start.
    for (const { definition, dataSource } of dataSources) {
      await definition.resetReadModel?.(dataSource);
      await dataSource.destroy();
    }
  }
}

async function generateAndWrite(options: SeedScaleOptions): Promise<SeedScaleResult> {
  const started = performance.now();
  const world = buildWorld(options);
  const meetings = meetingsTables(world);
  const tables: Record<string, Table[]> = {
    citizens: citizensTables(world),
    plans: plansTables(world, meetings.heldNetworkMeetings),
    meetings: meetings.tables,
    placements: placementsTables(world),
  };
  const generateMs = performance.now() - started;

  const written = performance.now();
  const bars = options.progress
    ? new MultiBar(
        { format: ' {db} {table} [{bar}] {value}/{total} rows', hideCursor: true, clearOnComplete: false, stopOnComplete: false },
        Presets.shades_classic,
      )
    : null;
  try {
    await Promise.all(Object.entries(tables).map(([db, list]) => writeDatabase(options.urls[db], db, list, bars)));
  } finally {
    bars?.stop();
  }
  const rows = Object.fromEntries(Object.entries(tables).map(([db, list]) => [db, Object.fromEntries(list.map((t) => [t.name, t.rows]))]));
  return { world, rows, generateMs, writeMs: performance.now() - written };
}

async function writeDatabase(url: string, db: string, tables: Table[], bars: MultiBar | null): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`TRUNCATE ${tables.map((t) => `"${t.name}"`).join(', ')} CASCADE`);
    for (const table of tables) {
      const bar = bars?.create(Math.max(1, table.rows), 0, { db: db.padEnd(10), table: table.name.padEnd(19) });
      const copy = client.query(copyFrom(`COPY "${table.name}" (${table.columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`));
      let done = 0;
      const chunks = table.chunks;
      await pipeline(
        Readable.from(
          (function* () {
            for (const chunk of chunks) {
              yield chunk;
              done += 5000;
              bar?.update(Math.min(done, table.rows));
            }
          })(),
        ),
        copy,
      );
      bar?.update(table.rows);
    }
    await client.query('COMMIT');
    // Fresh statistics, so the planner sees the new sizes at once.
    await client.query(`ANALYZE ${tables.map((t) => `"${t.name}"`).join(', ')}`);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
