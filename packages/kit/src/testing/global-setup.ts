import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../embedded-postgres';
import { freePort } from './ports';
import { setting } from '../config';

/**
 * Jest global setup: one real PostgreSQL for the whole run. With TEST_DATABASE_URL (or
 * DATABASE_URL) set it uses that server; otherwise it starts an embedded one in a temporary
 * folder. Each test file then makes its own fresh database on it.
 */
export default async function globalSetup(): Promise<void> {
  const given = setting('TEST_DATABASE_URL') ?? setting('DATABASE_URL');
  if (given) {
    process.env.JOBCENTER_TEST_PG_URL = given;
    return;
  }
  const parent = mkdtempSync(path.join(tmpdir(), 'jobcenter-test-'));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to enter this folder.
  chmodSync(parent, 0o755);
  const dataDir = path.join(parent, 'pg');
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  process.env.JOBCENTER_TEST_PG_URL = server.adminUrl;
  (globalThis as { __JOBCENTER_PG__?: unknown }).__JOBCENTER_PG__ = { server, parent };
}
