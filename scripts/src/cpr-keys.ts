import { randomBytes } from 'node:crypto';

/**
 * Gives a run of the bench or soak (which run the services as in production, where the CPR
 * keys have no development defaults) throwaway CPR keys, unless the environment names its own.
 * Its databases are made for the run, so no key needs to outlive it.
 */
export function provideCprKeys(env: NodeJS.ProcessEnv = process.env): void {
  if (!env.CPR_ENCRYPTION_KEYS) {
    env.CPR_ENCRYPTION_KEYS = `run:${randomBytes(32).toString('base64')}`;
    env.CPR_ENCRYPTION_KEY_ID = 'run';
  }
  env.CPR_BLIND_INDEX_KEY ??= randomBytes(32).toString('base64');
}
