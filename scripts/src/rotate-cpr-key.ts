/**
 * `npm run rotate:cpr-key`: re-encrypts every citizen's CPR number that is not under the active
 * key (CPR_ENCRYPTION_KEY_ID), in batches, each in its own transaction. Configure the old and the
 * new key in CPR_ENCRYPTION_KEYS, make the new one active, deploy, run this; once it reports
 * nothing left under the old key, the old key can be removed. Safe to run again: rows already
 * under the active key are left alone. Exits 1 if a value could not be decrypted.
 *   CPR_ENCRYPTION_KEYS=k1:…,k2:… CPR_ENCRYPTION_KEY_ID=k2 CITIZENS_DATABASE_URL=… npm run rotate:cpr-key
 */
import { createDataSource, createLogger, cprCipher, resolveDatabase } from '@jobcenter/kit';
import { rotateCprKeys } from '@jobcenter/citizens/dist/src/cpr/cpr.rotation';

async function main() {
  const logger = createLogger('rotate-cpr-key');
  const cipher = cprCipher();
  const database = await resolveDatabase('citizens', logger);
  // Plain SQL on a migrated database: no entities, and no migrations run from here.
  const dataSource = createDataSource({ url: database.url, entities: [], migrations: [], logger });
  await dataSource.initialize();
  try {
    const report = await rotateCprKeys(dataSource, Number(process.env.ROTATE_BATCH_SIZE ?? 500));
    const before = Object.entries(report.before).map(([key, n]) => `${key}: ${n}`).join(', ') || 'no citizens';
    console.log(`active key: ${cipher.activeKeyId}`);
    console.log(`before: ${before}`);
    console.log(`re-encrypted: ${report.rotated}`);
    if (report.unreadable.length > 0) {
      console.log(`could not decrypt (left as they were): ${report.unreadable.length}, citizens ${report.unreadable.join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    await dataSource.destroy();
    await database.embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
