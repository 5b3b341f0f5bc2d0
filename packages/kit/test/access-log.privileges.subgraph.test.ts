import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { AccessLogWriter, appendAccessLog, purgeAccessLog, verifyAccessLog } from '../src/audit-log';
import { rawPool } from '../src/housekeeping';
import { openDatabase } from '../src/database';
import { createDataSource } from '../src/parts';
import { withDatabase } from '../src/embedded-postgres';
import { testServerUrl } from '../src/testing';

/**
 * The service's own database role cannot UPDATE, DELETE or TRUNCATE the access log, by
 * PostgreSQL's privileges (not only by trigger): checked with real LOGIN roles that are not
 * superusers, as on a managed server, each migrating its own fresh database.
 */
const admin = new Client({ connectionString: testServerUrl() });
const made = { sources: [] as DataSource[], databases: [] as string[], roles: [] as string[] };

beforeAll(() => admin.connect());
afterAll(async () => {
  for (const ds of made.sources) await ds.destroy().catch(() => undefined);
  for (const database of made.databases) await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  for (const role of made.roles) await admin.query(`DROP ROLE IF EXISTS ${role}`);
  await admin.end();
});

/** A LOGIN role (with `options`, e.g. CREATEROLE), a database it owns, and the service's DataSource on it, migrated. */
async function serviceDatabase(
  options: string,
  before?: (role: string, database: string) => Promise<void>,
): Promise<{ role: string; database: string; ds: DataSource }> {
  const suffix = randomBytes(4).toString('hex');
  const role = `svc_${suffix}`;
  const database = `privs_${suffix}`;
  await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD 'pw' ${options}`);
  await admin.query(`CREATE DATABASE ${database} OWNER ${role}`);
  made.databases.push(database);
  made.roles.push(role, `${database}_access_log`);
  await before?.(role, database);
  const url = new URL(withDatabase(testServerUrl(), database));
  url.username = role;
  url.password = 'pw';
  const ds = createDataSource({ url: url.toString(), entities: [], migrations: [] });
  made.sources.push(ds);
  await openDatabase(ds);
  return { role, database, ds };
}

const entry = (daysAgo = 0) => ({
  at: new Date(Date.now() - daysAgo * 86_400_000),
  actorId: randomUUID(),
  actorRole: 'CASEWORKER',
  citizenId: randomUUID(),
  domain: 'plans',
  kind: 'plans and progress',
  operation: 'READ' as const,
  purpose: 'CASE_WORK',
  reason: null,
  operationName: null,
  requestId: `r-${daysAgo}`,
  searchedCpr: null,
});
const ownerOf = async (ds: DataSource) =>
  (await ds.query(`SELECT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relname = 'kit_access_log'`))[0].owner;

/** What the service's role may and may not do to the log. */
async function expectOnlySelectInsertAndPurge(ds: DataSource, owner: string): Promise<void> {
  await appendAccessLog(ds, [entry(), entry()]);
  expect((await ds.query('SELECT count(*)::int AS n FROM kit_access_log'))[0].n).toBe(2);
  for (const sql of [`UPDATE kit_access_log SET actor_role = 'CITIZEN'`, 'DELETE FROM kit_access_log', 'TRUNCATE kit_access_log']) {
    await expect(ds.query(sql)).rejects.toThrow(/permission denied for table kit_access_log/);
  }
  await expect(ds.query('ALTER TABLE kit_access_log DISABLE TRIGGER kit_access_log_append_only')).rejects.toThrow(/must be owner/);
  // (DROP TABLE is still open to the schema's owner, which a database's owner is: see docs/security-and-access-log.md.)
  await expect(ds.query(`SET ROLE ${owner}`)).rejects.toThrow(/permission denied/);
  // Deleting goes only through the purge function, old entries only, never younger than 183 days.
  const old = new AccessLogWriter(() => rawPool(ds)); // a stream of its own, as an earlier process wrote it
  await old.append([entry(800), entry(400), entry(100)]);
  expect(await purgeAccessLog(ds, 730)).toBe(1);
  expect(await purgeAccessLog(ds, 0)).toBe(1); // raised to 183 days: the 100-day-old entry stays
  expect(await ds.query(`SELECT request_id FROM kit_access_log WHERE request_id LIKE 'r-%' AND request_id <> 'r-0' ORDER BY seq`)).toEqual([
    { request_id: 'r-100' },
  ]);
  expect((await verifyAccessLog(ds)).broken).toEqual([]);
}

describe('the access log’s privileges', () => {
  it('with CREATEROLE (a managed server’s admin user): the log belongs to a NOLOGIN role; the service may only SELECT, INSERT and purge', async () => {
    const { ds, database } = await serviceDatabase('CREATEROLE');
    const owner = `${database}_access_log`;
    expect(await ownerOf(ds)).toBe(owner);
    const {
      rows: [ownerRole],
    } = await admin.query('SELECT rolcanlogin FROM pg_roles WHERE rolname = $1', [owner]);
    expect(ownerRole.rolcanlogin).toBe(false);
    await expectOnlySelectInsertAndPurge(ds, owner);
  });

  it('with an owner role a DBA made and granted WITH ADMIN, SET FALSE (ACCESS_LOG_OWNER_ROLE)', async () => {
    const owner = `log_owner_${randomBytes(4).toString('hex')}`;
    const previous = process.env.ACCESS_LOG_OWNER_ROLE;
    process.env.ACCESS_LOG_OWNER_ROLE = owner;
    try {
      const { ds } = await serviceDatabase('', async (role) => {
        await admin.query(`CREATE ROLE ${owner} NOLOGIN`);
        await admin.query(`GRANT ${owner} TO ${role} WITH ADMIN TRUE, INHERIT FALSE, SET FALSE`);
        made.roles.push(owner);
      });
      expect(await ownerOf(ds)).toBe(owner);
      await expectOnlySelectInsertAndPurge(ds, owner);
    } finally {
      if (previous === undefined) delete process.env.ACCESS_LOG_OWNER_ROLE;
      else process.env.ACCESS_LOG_OWNER_ROLE = previous;
    }
  });

  it('with neither, migrates all the same: the service keeps the table, and only the trigger refuses', async () => {
    const { ds, role } = await serviceDatabase('');
    expect(await ownerOf(ds)).toBe(role);
    await appendAccessLog(ds, [entry()]);
    await expect(ds.query('DELETE FROM kit_access_log')).rejects.toThrow(/append-only/);
    expect(await purgeAccessLog(ds, 730)).toBe(0);
  });
});
