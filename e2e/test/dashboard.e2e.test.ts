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

const SERIES = `query($measure: Measure!, $fromMonth: String!, $toMonth: String!, $breakdown: Breakdown!) {
  series(measure: $measure, fromMonth: $fromMonth, toMonth: $toMonth, breakdown: $breakdown) {
    points { month key value suppressed } asOf method
  }
}`;

interface SeriesAnswer {
  points: { month: string; key: string | null; value: number | null; suppressed: boolean }[];
  asOf: string;
  method: string;
}

/** Today in Copenhagen, as [year, month, day]. */
const copenhagenToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date()).split('-').map(Number);

/** The months from `from` to `to` ("YYYY-MM", both included). */
function monthsFrom(from: string, to: string): string[] {
  const months: string[] = [];
  for (let d = new Date(`${from}-01T00:00:00Z`); d.toISOString().slice(0, 7) <= to; d.setUTCMonth(d.getUTCMonth() + 1)) {
    months.push(d.toISOString().slice(0, 7));
  }
  return months;
}

/**
 * The months the trend panel asks for by default: those the page's default period touches (the
 * last 12 months, from the day after today a year ago), up to this month.
 */
function last12Months(): { fromMonth: string; toMonth: string; months: string[] } {
  const [y, m, d] = copenhagenToday();
  const fromMonth = new Date(Date.UTC(y, m - 13, d + 1)).toISOString().slice(0, 7);
  const toMonth = new Date(Date.UTC(y, m - 1, 1)).toISOString().slice(0, 7);
  return { fromMonth, toMonth, months: monthsFrom(fromMonth, toMonth) };
}

/** A month as the chart's x-axis labels it in Danish, e.g. "jan. 26". */
const axisMonth = (month: string) =>
  new Intl.DateTimeFormat('da-DK', { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(`${month}-15T00:00:00Z`));

/**
 * The series as the analyst gets it from the gateway once insights has read the demo events:
 * asOf after the epoch, points there, and the same answer twice in a row (the consumer is idle).
 */
async function seriesOnceRead(measure: string, breakdown: string): Promise<SeriesAnswer> {
  const deadline = Date.now() + 60_000;
  let previous = '';
  for (;;) {
    const { fromMonth, toMonth } = last12Months();
    const answer = await workbench.federation.as(demoActor('karin'), SERIES, { measure, breakdown, fromMonth, toMonth });
    const series = answer.data?.series as SeriesAnswer | undefined;
    if (!series) throw new Error(JSON.stringify(answer.errors));
    const now = JSON.stringify(series);
    if (Date.parse(series.asOf) > 0 && series.points.length > 0 && now === previous) return series;
    if (Date.now() > deadline) throw new Error(`insights had not read the demo events within 60 s: ${now}`);
    previous = now;
    await new Promise((r) => setTimeout(r, 500));
  }
}

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

  it('draws a measure month by month, broken down, with "as of", the perturbation note and the shown series as CSV', async () => {
    // Wait for insights to have read the demo events before opening the page (no sleeping).
    const expected = await seriesOnceRead('CITIZENS_ACTIVE', 'TARGET_GROUP');
    const { page, context, problems } = await openDashboard();
    const trend = panel(page, 'Udvikling måned for måned');
    await trend.locator('.trend-as-of').waitFor();
    await expect(trend.locator('.trend-as-of').innerText()).resolves.toMatch(/^Tal pr\. \d/);
    expect(await trend.locator('.trend-as-of').getAttribute('data-as-of')).not.toBe('');
    await expect(trend.locator('.trend-method').innerText()).resolves.toMatch(/±2.*Metode: .*cell-key/s);

    await trend.getByLabel('Opgørelse').selectOption('MEETINGS_HELD');
    await trend.getByLabel('Opgørelse').selectOption('CITIZENS_ACTIVE');
    await trend.getByLabel('Opdelt efter').selectOption('TARGET_GROUP');
    const keys = [...new Set(expected.points.map((p) => p.key))];
    expect(keys.length).toBeGreaterThan(0);
    expect(keys).not.toContain(null);
    // One line and one legend entry per target group the series has.
    await page.waitForFunction((n) => document.querySelectorAll('.panel-trend svg .series').length === n, keys.length);
    const drawn = await trend.locator('svg .series').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-key')));
    expect(drawn.sort()).toEqual([...keys].sort());
    await expect(trend.locator('.trend-legend li').count()).resolves.toBe(keys.length);
    // Withheld months are gaps, and the page says why.
    if (expected.points.some((p) => p.suppressed)) {
      await expect(trend.locator('.trend-gaps').innerText()).resolves.toMatch(/tilbageholdt/);
    }
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The x-axis names the months in Danish ("jan. 26"): every month of the period (at most 12 labels).
    const { months } = last12Months();
    const labels = await trend.locator('svg .axis-x').allTextContents();
    expect(labels.length).toBeLessThanOrEqual(12);
    expect(labels[0]).toBe(axisMonth(months[0]));
    expect(labels).toContain(axisMonth(months[months.length - 1 - ((months.length - 1) % Math.ceil(months.length / 12))]));
    expect(labels.every((l) => /^[a-zæøå]{3,4}\.? \d\d$/.test(l))).toBe(true);

    // The table alternative: a row per month of the period, a column per key, withheld ones as "<5".
    await trend.getByRole('button', { name: /^Vis som tabel/ }).click();
    const table = trend.getByRole('table');
    await table.waitFor();
    await expect(table.locator('tbody tr').count()).resolves.toBe(months.length);
    await expect(table.locator('thead th').count()).resolves.toBe(keys.length + 1);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The CSV is the series shown: the API's points, one line each.
    const [download] = await Promise.all([page.waitForEvent('download'), trend.getByRole('button', { name: /^Hent CSV/ }).click()]);
    const { fromMonth, toMonth } = last12Months();
    expect(download.suggestedFilename()).toBe(`series_CITIZENS_ACTIVE_TARGET_GROUP_${fromMonth}_${toMonth}.csv`);
    const lines = readFileSync((await download.path())!, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('month,key,value,suppressed');
    expect(lines.slice(1).sort()).toEqual(
      expected.points.map((p) => `${p.month},${p.key},${p.suppressed ? '' : (p.value ?? '')},${p.suppressed}`).sort(),
    );
    expect(lines.slice(1).some((l) => l.endsWith(',true'))).toBe(expected.points.some((p) => p.suppressed));
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it("follows the page's period: last year's twelve months, and at most the last 36 of a longer period", async () => {
    await seriesOnceRead('CITIZENS_ACTIVE', 'NONE');
    const { page, context, problems } = await openDashboard();
    const trend = panel(page, 'Udvikling måned for måned');
    await trend.locator('svg .axis-x').first().waitFor();

    // "Sidste år": January to December of last year, labelled "jan. 25" … under the chart.
    const [y, m, d] = copenhagenToday();
    const lastYear = monthsFrom(`${y - 1}-01`, `${y - 1}-12`);
    await page.getByRole('button', { name: 'Sidste år' }).click();
    // The scope follows the click on a later render: wait for it rather than read it once.
    await trend
      .locator('.panel-scope')
      .filter({ hasText: /12 måneder/ })
      .waitFor();
    await page.waitForFunction(
      (label) => document.querySelector('.panel-trend svg .axis-x')?.textContent === label,
      axisMonth(lastYear[0]),
    );
    await expect(trend.locator('svg .axis-x').allTextContents()).resolves.toEqual(lastYear.map(axisMonth));
    await trend.getByRole('button', { name: /^Vis som tabel/ }).click();
    const rows = trend.getByRole('table').locator('tbody tr');
    await expect(rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-month')))).resolves.toEqual(lastYear);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Five years back to today: the last 36 months, ending this month.
    const today = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    await page.getByLabel('Fra', { exact: true }).fill(`${y - 5}-01-01`);
    await page.getByLabel('Til', { exact: true }).fill(today);
    await page.getByRole('button', { name: 'Vis perioden' }).click();
    const last36 = monthsFrom(new Date(Date.UTC(y, m - 36, 1)).toISOString().slice(0, 7), today.slice(0, 7));
    expect(last36).toHaveLength(36);
    await page.waitForFunction((n) => document.querySelectorAll('.panel-trend tbody tr').length === n, 36);
    await expect(rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-month')))).resolves.toEqual(last36);
    await trend
      .locator('.panel-scope')
      .filter({ hasText: /36 måneder/ })
      .waitFor();
    await trend.getByRole('button', { name: /^Vis som tabel/ }).click();
    // 36 months, every third labelled.
    await expect(trend.locator('svg .axis-x').allTextContents()).resolves.toEqual(last36.filter((_, i) => i % 3 === 0).map(axisMonth));
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
