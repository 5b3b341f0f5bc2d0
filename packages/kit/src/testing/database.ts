import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, withDatabase } from '../embedded-postgres';

/** The test run's PostgreSQL server, started by the Jest global setup. */
export function testServerUrl(): string {
  const url = process.env.JOBCENTER_TEST_PG_URL;
  if (!url) throw new Error('No test PostgreSQL: run the tests through the root jest config (global setup).');
  return url;
}

/** A fresh, empty database for one test file; `drop()` removes it. */
export async function createTestDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `test_${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = testServerUrl();
  await ensureDatabase(admin, name);
  return { url: withDatabase(admin, name), drop: () => dropDatabase(admin, name) };
}
