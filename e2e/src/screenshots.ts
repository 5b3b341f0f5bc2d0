/**
 * `npm run screenshots`: PNG screenshots of the dashboard, the job consultant's day and
 * "Min plan" (on a 375 px phone), made with the browser tests' harness on the demo data, into
 * docs/screenshots/. Needs the built workbench (`npm run build`).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { withDemoWorkbench } from './standalone';

const OUT = path.resolve(__dirname, '../../../docs/screenshots');

const SHOTS = [
  { file: 'dashboard.png', who: 'karin', path: '/dashboard', ready: 'Nøgletal', width: 1280 },
  { file: 'my-day.png', who: 'jens', path: '/my-day', ready: 'Foreslå et virksomhedsforløb', width: 1280 },
  { file: 'min-plan.png', who: 'svend', path: '/min-plan', ready: 'Hvem har set mine oplysninger', width: 375 },
] as const;

async function main() {
  mkdirSync(OUT, { recursive: true });
  await withDemoWorkbench(async (workbench) => {
    for (const shot of SHOTS) {
      const { page, context } = await workbench.signedIn(shot.who, shot.path, { width: shot.width });
      await page.getByRole('heading', { level: 2, name: shot.ready }).waitFor();
      await page.waitForLoadState('networkidle');
      const file = path.join(OUT, shot.file);
      await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
      await context.close();
    }
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
