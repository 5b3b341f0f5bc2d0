import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { perturbedAround } from '@jobcenter/kit/testing';
import { seriousAxeViolations } from '../src/browser';
import { demoActor, startWorkbench, Workbench } from '../src/workbench';

/**
 * The analyst's dashboard on the real federation with the demo data: five citizens, so most
 * figures describe fewer than 5 people and must read "<5" (never 0), while the rest are the
 * numbers the services compute. Each chart's table alternative and CSV carry the same figures.
 */
let workbench: Workbench;
beforeAll(async () => {
  workbench = await startWorkbench();
}, 180_000);
afterAll(() => workbench?.stop());

const STATS = `query($from: Date!, $to: Date!) {
  citizenStatistics { total byStatus { key count } suppressed }
  meetingStatistics(from: $from, to: $to) { held suppressed }
  groupCourseStatistics(from: $from, to: $to) { courses seats suppressed }
}`;

/** The panel (section) with this heading. */
const panel = (page: Page, title: string) => page.locator('section.panel', { has: page.getByRole('heading', { level: 2, name: title }) });
/** The text of one bar's value in a panel's chart. */
const barValue = (page: Page, title: string, label: string) =>
  panel(page, title)
    .locator('li.bar-row', { has: page.locator('.bar-label', { hasText: new RegExp(`^${label}$`) }) })
    .locator('.bar-value');

async function openDashboard() {
  const watched = await workbench.signedIn('karin', '/dashboard');
  await watched.page.getByRole('heading', { level: 2, name: 'Nøgletal' }).waitFor();
  const url = new URL(watched.page.url());
  // The default period is the last 12 months, written into nothing until chosen: read it off the API's answer.
  return { ...watched, url };
}

describe("the analyst's municipal dashboard", () => {
  it('shows the demo figures the services compute, and those of 1–4 people as "<5", never 0', async () => {
    const { page, context, problems } = await openDashboard();
    const { from, to } = await page.evaluate(() => {
      const copenhagen = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
      const [y, m, d] = copenhagen.split('-').map(Number);
      return { from: new Date(Date.UTC(y, m - 13, d + 1)).toISOString().slice(0, 10), to: copenhagen };
    });
    const stats = (await workbench.federation.as(demoActor('karin'), STATS, { from, to })).data!;

    // The five demo citizens: a total of 5 may be shown, perturbed (cell-key method: 5 to 7), as the service gives it.
    expect(stats.citizenStatistics.total).toEqual(perturbedAround(5));
    await expect(page.locator('[data-figure="citizens"] dd').innerText()).resolves.toBe(String(stats.citizenStatistics.total));

    // Four of them are active: withheld by the service, "<5" on the page (and explained), not 0.
    expect(stats.citizenStatistics.suppressed).toContain('byStatus.ACTIVE');
    const active = await barValue(page, 'Borgere efter status', 'Aktiv').innerText();
    expect(active).toMatch(/^<5/);
    expect(active).not.toMatch(/^0/);
    await expect(page.locator('#suppression-note').innerText()).resolves.toMatch(/"<5" og ikke som 0/);
    // A status nobody has is a true 0.
    expect(stats.citizenStatistics.byStatus.find((c: { key: string }) => c.key === 'CLOSED')).toEqual({ key: 'CLOSED', count: 0 });
    await expect(barValue(page, 'Borgere efter status', 'Afsluttet').innerText()).resolves.toBe('0');

    // Meetings held in the last 12 months: a real number, the one the meetings service counts.
    expect(stats.meetingStatistics.suppressed).not.toContain('held');
    expect(stats.meetingStatistics.held).toBeGreaterThanOrEqual(5);
    await expect(barValue(page, 'Samtaler og møder i perioden', 'Afholdt').innerText()).resolves.toBe(String(stats.meetingStatistics.held));
    const courses = panel(page, 'Gruppeforløb i perioden');
    await expect(courses.locator('[data-figure="seats"] dd').innerText()).resolves.toBe(String(stats.groupCourseStatistics.seats));

    // Every dimension of the progression is listed; with 5 citizens each is withheld.
    await expect(panel(page, 'Progression pr. dimension (første → seneste måling)').locator('li.progression-row').count()).resolves.toBe(
      11,
    );

    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("gives a chart's figures as a table and as a CSV download with the same numbers", async () => {
    const { page, context } = await openDashboard();
    const byStatus = panel(page, 'Borgere efter status');
    await byStatus.getByRole('button', { name: /^Vis som tabel/ }).click();
    const table = byStatus.getByRole('table');
    await table.waitFor();
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.querySelector('th')!.textContent,
          (tr.querySelector('td [aria-hidden="true"]') ?? tr.querySelector('td'))!.textContent,
        ]),
      );
    expect(rows).toContainEqual(['Aktiv', '<5']);
    expect(rows).toContainEqual(['Afsluttet', '0']);
    expect(await byStatus.getByRole('button', { name: /^Vis som tabel/ }).getAttribute('aria-pressed')).toBe('true');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), byStatus.getByRole('button', { name: /^Hent CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^citizens-by-status_\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('Opgørelse,Antal');
    expect(lines).toContain('Aktiv,<5');
    expect(lines).toContain('Afsluttet,0');
    expect(lines).toHaveLength(5);
    await context.close();
  });

  it('keeps the chosen period in the address, and prints without navigation or controls', async () => {
    const { page, context } = await openDashboard();
    await page.getByRole('button', { name: 'Sidste år' }).click();
    const year = Number(
      (await page.evaluate(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date()))).slice(0, 4),
    );
    await page.waitForURL(new RegExp(`from=${year - 1}-01-01&to=${year - 1}-12-31`));
    await page
      .getByText(`I perioden 1. jan. ${year - 1} – 31. dec. ${year - 1}`)
      .first()
      .waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.banner').isVisible()).toBe(false);
    expect(await page.locator('.period-picker').isVisible()).toBe(false);
    expect(await panel(page, 'Borgere efter status').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await context.close();
  });
});
