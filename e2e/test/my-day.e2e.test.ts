import type { Page } from 'playwright-core';
import { demoCitizens } from '@jobcenter/demo-cast';
import { seriousAxeViolations } from '../src/browser';
import { demoActor, startWorkbench, Workbench } from '../src/workbench';

/**
 * The job consultant's day on the real federation with the demo data: Jens follows Svend's wage
 * subsidy at the gardener (no follow-up for 20 days) and Line's job at Faber (ending in 10 days).
 */
let workbench: Workbench;
beforeAll(async () => {
  workbench = await startWorkbench();
}, 180_000);
afterAll(() => workbench?.stop());

const attentionItem = (page: Page, name: string) =>
  page.locator('li.attention-item', { has: page.getByRole('heading', { level: 3, name: new RegExp(name) }) });
const ATTENTION = `query($id: ID!) { staffMember(id: $id) { placementsNeedingAttention { placement { citizen { firstName } } } } }`;
const LIMIT = `query($citizenId: ID!, $startDate: Date!) { placementLimit(citizenId: $citizenId, kind: INTERNSHIP, startDate: $startDate) { maxEndDate } }`;

function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

describe("the job consultant's day", () => {
  it('lists what needs attention with citizen, company, plan goal and next meeting; a follow-up takes the row off the list', async () => {
    const { page, context, problems } = await workbench.signedIn('jens', '/my-day');
    await page.getByRole('heading', { level: 2, name: /Kræver opmærksomhed \(2\)/ }).waitFor();
    const svend = attentionItem(page, 'Svend Madsen');
    const text = await svend.innerText();
    expect(text).toContain('Ringe Anlægsgartner ApS');
    expect(text).toContain('Ingen opfølgning i 14 dage');
    expect(text).toContain('Uddannet anlægsgartner og derefter et fast job');
    expect(text).toMatch(/Næste møde\s*\S+ \d+\. \w+\.? \d{4}/);
    expect(await attentionItem(page, 'Line Petersen').innerText()).toContain('Slutter inden for 14 dage');

    await svend.getByRole('button', { name: 'Registrér opfølgning: Svend Madsen, Ringe Anlægsgartner ApS' }).click();
    await svend.getByLabel('Notat').fill('Ringede til Poul: Svend møder stabilt og er i gang med at søge anlægsgartneruddannelsen.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await svend.getByRole('button', { name: 'Gem opfølgning' }).click();

    await page.getByRole('status').filter({ hasText: 'Opfølgningen er registreret: Svend Madsen, Ringe Anlægsgartner ApS.' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /Kræver opmærksomhed \(1\)/ }).waitFor();
    expect(await attentionItem(page, 'Svend Madsen').count()).toBe(0);
    expect(await attentionItem(page, 'Line Petersen').count()).toBe(1);
    // Still one of his open placements, now with today's follow-up.
    await page
      .locator('section', { has: page.getByRole('heading', { name: 'Mine øvrige åbne forløb' }) })
      .getByRole('rowheader', { name: 'Svend Madsen' })
      .waitFor();
    const after = await workbench.federation.as(demoActor('jens'), ATTENTION, { id: demoActor('jens').id });
    expect(after.data!.staffMember.placementsNeedingAttention.map((a: any) => a.placement.citizen.firstName)).toEqual(['Line']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the legal maximum and its source before submitting, refuses an over-long internship at the end date, and proposes one within it', async () => {
    const { page, context, problems } = await workbench.signedIn('jens', '/my-day');
    const form = page.locator('section', { has: page.getByRole('heading', { name: 'Foreslå et virksomhedsforløb' }) });
    await form.waitFor();
    const today = await page.evaluate(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date()));
    const start = addDays(today, 14);
    const limit = await workbench.federation.as(demoActor('jens'), LIMIT, { citizenId: demoCitizens.line.id, startDate: start });
    const maxEndDate: string = limit.data!.placementLimit.maxEndDate;

    await form.getByLabel('Borger').selectOption({ label: 'Line Petersen' });
    await form.getByLabel('Virksomhed', { exact: true }).selectOption({ label: 'Faber A/S (CVR 10173426)' });
    await form.getByLabel('Type').selectOption({ label: 'Virksomhedspraktik' });
    await form.getByLabel('Startdato').fill(start);

    // Line is education-ready: 4 weeks by LAB § 61, shown before anything is sent.
    const legal = form.locator('.legal-maximum');
    await legal.getByText('LAB § 61').waitFor();
    expect(await legal.innerText()).toContain('LAB-61-INTERNSHIP-4W');
    const shownMax = await page.evaluate(
      (d) =>
        new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Copenhagen' }).format(
          new Date(`${d}T12:00:00Z`),
        ),
      maxEndDate,
    );
    expect(await legal.locator('.max-end-date').innerText()).toBe(shownMax);

    // Eight weeks: sent anyway, refused by the service with the rule's message at the end date.
    await form.getByLabel('Slutdato').fill(addDays(maxEndDate, 28));
    await form.getByRole('button', { name: 'Foreslå forløbet' }).click();
    const endDate = form.getByLabel('Slutdato');
    await form.locator('.field-invalid .field-error').waitFor();
    expect(await endDate.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await endDate.getAttribute('aria-describedby'))!;
    const message = await page.locator(`[id="${describedBy.split(' ').pop()}"]`).innerText();
    expect(message).toMatch(
      new RegExp(
        `LAB § 61, rule LAB-61-INTERNSHIP-4W\\) may last at most 4 weeks: starting ${start}, the latest allowed end date is ${maxEndDate}`,
      ),
    );
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Within the maximum it is proposed, and shows among the open placements.
    await endDate.fill(maxEndDate);
    await form.getByRole('button', { name: 'Foreslå forløbet' }).click();
    await page.getByRole('status').filter({ hasText: 'Forløbet er foreslået: Line Petersen hos Faber A/S.' }).waitFor();
    const open = page.locator('section', { has: page.getByRole('heading', { name: 'Mine øvrige åbne forløb' }) });
    await open.getByRole('row', { name: /Line Petersen.*Faber A\/S.*Virksomhedspraktik.*Foreslået/ }).waitFor();
    expect(problems.filter((p) => !/status of 200|Failed to load resource/.test(p))).toEqual([]);
    await context.close();
  });
});
