/**
 * `npm run screenshots`: PNG screenshots of the dashboard, the job consultant's day, a citizen's
 * page as their caseworker sees it (offers, consents, reports, the record export) and "Min plan"
 * (on a 375 px phone), made with the browser tests' harness on the demo data, into
 * docs/screenshots/. Needs the built workbench (`npm run build`).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { demoCitizens } from '@jobcenter/demo-cast';
import { withDemoWorkbench } from './standalone';
import type { Workbench } from './workbench';

const OUT = path.resolve(__dirname, '../../../docs/screenshots');

type Page = Awaited<ReturnType<Workbench['signedIn']>>['page'];

/** The job consultant's proposal filled in up to the point where the legal maximum shows. */
async function fillProposal(page: Page) {
  const form = page.locator('section', { has: page.getByRole('heading', { name: 'Foreslå et virksomhedsforløb' }) });
  await form.getByLabel('Borger').selectOption({ label: 'Line Petersen' });
  await form.getByLabel('Virksomhed', { exact: true }).selectOption({ label: 'Faber A/S (CVR 10173426)' });
  const start = await page.evaluate(() => {
    const d = new Date(Date.now() + 14 * 86_400_000);
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(d);
  });
  await form.getByLabel('Startdato').fill(start);
  await form.locator('.max-end-date').waitFor();
}

const SHOTS: {
  file: string;
  who: 'karin' | 'jens' | 'inger' | 'svend';
  path: string;
  ready: string;
  width: number;
  maxHeight?: number;
  prepare?(page: Page): Promise<void>;
}[] = [
  { file: 'dashboard.png', who: 'karin', path: '/dashboard', ready: 'Nøgletal', width: 1280 },
  { file: 'my-day.png', who: 'jens', path: '/my-day', ready: 'Foreslå et virksomhedsforløb', width: 1280, prepare: fillProposal },
  { file: 'citizen.png', who: 'inger', path: `/citizens/${demoCitizens.svend.id}`, ready: 'Tilbud', width: 1280 },
  { file: 'min-plan.png', who: 'svend', path: '/min-plan', ready: 'Hvem har set mine oplysninger', width: 375 },
];

async function main() {
  mkdirSync(OUT, { recursive: true });
  await withDemoWorkbench(async (workbench) => {
    for (const shot of SHOTS) {
      const { page, context } = await workbench.signedIn(shot.who, shot.path, { width: shot.width });
      await page.getByRole('heading', { level: 2, name: shot.ready }).waitFor();
      await shot.prepare?.(page);
      await page.waitForLoadState('networkidle');
      const file = path.join(OUT, shot.file);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const clip = { x: 0, y: 0, width: shot.width, height: Math.min(height, shot.maxHeight ?? height) };
      await page.screenshot({ path: file, fullPage: true, clip, animations: 'disabled' });
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
      await context.close();
    }
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
