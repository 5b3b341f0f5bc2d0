import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createDataSource, cprCipher, openDatabase } from '@jobcenter/kit';
import { createTestDatabase } from '@jobcenter/kit/testing';
import { Citizen } from '../src/citizen/citizen.entity';
import { migrations } from '../src/migrations';
import { EncryptedCpr1795471966525 } from '../src/migrations/1795471966525-EncryptedCpr';

const before = migrations.slice(0, migrations.indexOf(EncryptedCpr1795471966525));
const numbers = Array.from({ length: 2501 }, (_, i) => `${String((i % 28) + 1).padStart(2, '0')}0170${String(i).padStart(4, '0')}`);

it('encrypts the CPR numbers already stored (in batches), and gives them back in plain on the way down', async () => {
  const database = await createTestDatabase('cpr_migration');
  const old = createDataSource({ url: database.url, entities: [], migrations: before });
  await openDatabase(old);
  await old.query(
    `INSERT INTO citizen (cpr_digits, first_name, last_name, birth_date, preferred_contact, target_group, status, enrolled_at, version)
     SELECT d, 'Old', 'Row', '1970-01-01', 'LETTER', 'JOB_READY', 'ACTIVE', '2026-01-01', 1 FROM unnest($1::text[]) AS d`,
    [numbers],
  );
  await old.destroy();

  const current = createDataSource({ url: database.url, entities: [Citizen], migrations });
  try {
    await openDatabase(current);
    const rows: { cpr_encrypted: string; cpr_index: string }[] = await current.query(`SELECT cpr_encrypted, cpr_index FROM citizen`);
    expect(rows).toHaveLength(numbers.length);
    expect(rows.map((r) => cprCipher().decrypt(r.cpr_encrypted, 'citizen.cpr')).sort()).toEqual([...numbers].sort());
    expect(rows.every((r) => r.cpr_index === cprCipher().blindIndex(cprCipher().decrypt(r.cpr_encrypted, 'citizen.cpr')))).toBe(true);
    const columns = await current.query(
      `SELECT column_name, is_nullable FROM information_schema.columns WHERE table_name = 'citizen' AND column_name LIKE 'cpr%' ORDER BY 1`,
    );
    expect(columns).toEqual([
      { column_name: 'cpr_encrypted', is_nullable: 'NO' },
      { column_name: 'cpr_index', is_nullable: 'NO' },
    ]);
    const indexes = await current.query(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'citizen' AND indexname LIKE 'uq_citizen_cpr%'`,
    );
    expect(indexes).toEqual([{ indexname: 'uq_citizen_cpr_index' }]);

    // Undo down to and including EncryptedCpr (later migrations come off first).
    for (let i = migrations.indexOf(EncryptedCpr1795471966525); i < migrations.length; i++)
      await current.undoLastMigration({ transaction: 'each' });
    const back: { cpr_digits: string }[] = await current.query(`SELECT cpr_digits FROM citizen`);
    expect(back.map((r) => r.cpr_digits).sort()).toEqual([...numbers].sort());
    expect(
      await current.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'citizen' AND indexname LIKE 'uq_citizen_cpr%'`),
    ).toEqual([{ indexname: 'uq_citizen_cpr' }]);
  } finally {
    await current.destroy();
    await database.drop();
  }
});

it('the service refuses to start in production without CPR keys', async () => {
  const entry = path.resolve(__dirname, '../src/index.js');
  const run = promisify(execFile)(process.execPath, [entry], { env: { PATH: process.env.PATH, NODE_ENV: 'production' } });
  await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('CPR_ENCRYPTION_KEYS must be set in production') });
});
