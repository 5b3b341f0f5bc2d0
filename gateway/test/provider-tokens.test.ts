import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createTestDatabase } from '@jobcenter/kit/testing';
import { MemoryProviderTokenStore, PostgresProviderTokenStore, ProviderTokens, ProviderTokenStore } from '../src/session';

/**
 * Where the workbench keeps the providers' refresh tokens (docs/sign-in.md): per session, until
 * the session ends; in PostgreSQL (several replicas) sealed, so the table holds no usable token.
 */
let database: { url: string; drop(): Promise<void> };
const key = randomBytes(32);
beforeAll(async () => {
  database = await createTestDatabase('provider_tokens');
});
afterAll(() => database.drop());

const tokens = (): ProviderTokens => ({
  kind: 'staff',
  refreshToken: `refresh-${randomBytes(16).toString('hex')}`,
  expiresAt: Date.now() + 60_000,
  issuedAt: Date.now(),
});

describe.each([
  ['memory', () => new MemoryProviderTokenStore()],
  ['PostgreSQL', () => new PostgresProviderTokenStore(database.url, key)],
])('the %s store', (_name, make: () => ProviderTokenStore) => {
  let store: ProviderTokenStore;
  beforeAll(() => {
    store = make();
  });
  afterAll(() => store.close?.());

  it('keeps tokens per session, replaces them on refresh, and forgets them at sign-out or when the session ends', async () => {
    const [a, b, gone] = [randomUUID(), randomUUID(), randomUUID()];
    const first = tokens();
    await store.put(a, first, new Date(Date.now() + 3600_000));
    await store.put(b, tokens(), new Date(Date.now() + 3600_000));
    await store.put(gone, tokens(), new Date(Date.now() - 1000));
    expect(await store.get(a)).toEqual(first);
    const refreshed = { ...tokens(), kind: 'citizen' as const };
    await store.put(a, refreshed, new Date(Date.now() + 3600_000));
    expect(await store.get(a)).toEqual(refreshed);
    expect(await store.get(gone)).toBeUndefined();
    await store.delete(a);
    expect(await store.get(a)).toBeUndefined();
    expect(await store.get(b)).toBeDefined();
  });
});

it('shares tokens between replicas and stores them sealed', async () => {
  const [one, two] = [new PostgresProviderTokenStore(database.url, key), new PostgresProviderTokenStore(database.url, key)];
  const session = randomUUID();
  const kept = tokens();
  await one.put(session, kept, new Date(Date.now() + 3600_000));
  expect(await two.get(session)).toEqual(kept);
  const pool = new Pool({ connectionString: database.url });
  const { rows } = await pool.query('SELECT * FROM workbench_provider_tokens WHERE session_id = $1', [session]);
  await pool.end();
  expect(JSON.stringify(rows)).not.toContain(kept.refreshToken);
  await one.close();
  await two.close();
});
