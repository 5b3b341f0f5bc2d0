/**
 * `npm run rotate:cpr-key`: re-encrypts every citizen's CPR number that is not under the active
 * key, in batches, each in its own transaction, and prints counts. Configure the old and the new
 * key in CPR_ENCRYPTION_KEYS, make the new one CPR_ENCRYPTION_KEY_ID, roll the service out, run
 * this; when nothing is left under the old key, drop it. Safe to run again: rows already under
 * the active key are left alone. Exits 1 if a value could not be decrypted.
 *   CPR_ENCRYPTION_KEYS=k1:…,k2:… CPR_ENCRYPTION_KEY_ID=k2 CITIZENS_DATABASE_URL=… npm run rotate:cpr-key
 */
import { runCprKeyRotation } from '@jobcenter/citizens/rotate-cpr-key';
import { commandLine } from './cli';

commandLine('npm run rotate:cpr-key   (keys and database from the environment: docs/configuration.md)', {});
runCprKeyRotation()
  .then((ok) => process.exit(ok ? 0 : 1))
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
