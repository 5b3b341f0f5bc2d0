/**
 * Re-encrypts every citizen's CPR number that is not under the active key (see
 * cpr/cpr.rotation.ts) and prints counts. `npm run rotate:cpr-key` from a checkout, or in the
 * cluster with the citizens image: `node dist/src/rotate-cpr-key.js` with the service's env.
 * Exits 1 if a value could not be decrypted.
 */
import { createDataSource, createLogger, cprCipher, resolveDatabase, setting } from '@jobcenter/kit';
import { rotateCprKeys } from './cpr/cpr.rotation';

export async function runCprKeyRotation(print: (line: string) => void = console.log): Promise<boolean> {
  const logger = createLogger('rotate-cpr-key');
  const cipher = cprCipher();
  const database = await resolveDatabase('citizens', logger);
  // Plain SQL on a migrated database: no entities, and no migrations run from here.
  const dataSource = createDataSource({ url: database.url, entities: [], migrations: [], logger });
  await dataSource.initialize();
  try {
    const report = await rotateCprKeys(dataSource, setting('ROTATE_BATCH_SIZE'));
    const before =
      Object.entries(report.before)
        .map(([key, n]) => `${key || '(none)'}: ${n}`)
        .join(', ') || 'no citizens';
    print(`active key: ${cipher.activeKeyId}`);
    print(`citizens by key before: ${before}`);
    print(`re-encrypted under ${cipher.activeKeyId}: ${report.rotated}`);
    if (report.unreadable.length > 0) {
      print(`could not decrypt, left as they were: ${report.unreadable.length} (citizens ${report.unreadable.join(', ')})`);
    }
    return report.unreadable.length === 0;
  } finally {
    await dataSource.destroy();
    await database.embedded?.stop();
  }
}

if (require.main === module) {
  runCprKeyRotation()
    .then((ok) => process.exit(ok ? 0 : 1))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
