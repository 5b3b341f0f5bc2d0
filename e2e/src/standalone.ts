import { startTestPostgres, stopTestPostgres } from '@jobcenter/kit/testing';
import { startWorkbench, Workbench } from './workbench';

/**
 * The browser tests' workbench (real federation, demo data, Debian chromium) outside jest, for
 * scripts such as `npm run screenshots`: a throwaway PostgreSQL as in the test run, stopped after.
 */
export async function withDemoWorkbench<T>(run: (workbench: Workbench) => Promise<T>): Promise<T> {
  await startTestPostgres();
  try {
    const workbench = await startWorkbench();
    try {
      return await run(workbench);
    } finally {
      await workbench.stop();
    }
  } finally {
    await stopTestPostgres();
  }
}
