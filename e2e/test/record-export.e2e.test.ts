import type { Page } from 'playwright-core';
import { demoCitizens } from '@jobcenter/demo-cast';
import { pdfText } from '@jobcenter/kit/testing';
import { seriousAxeViolations } from '../src/browser';
import { startWorkbench, Workbench } from '../src/workbench';

/**
 * GDPR Art. 15 in the workbench (docs/record-export.md): Svend gets everything we hold about him
 * from "Min plan" on a 375 px phone, as a PDF and a JSON file behind his session cookie; his
 * caseworker produces the same on the citizen page to answer his request.
 */
let workbench: Workbench;
beforeAll(async () => {
  workbench = await startWorkbench();
}, 180_000);
afterAll(() => workbench?.stop());

const section = (page: Page, heading: string) => page.locator('section', { has: page.getByRole('heading', { level: 2, name: heading }) });

it('lets Svend download his whole record from "Min plan" on a phone: the PDF reads back, the JSON holds every part', async () => {
  const { page, context, problems } = await workbench.signedIn('svend', '/min-plan', { width: 375 });
  const exportSection = section(page, 'Hent alt, vi har om dig');
  await exportSection.getByRole('button', { name: 'Hent alt, vi har om dig' }).click();
  const pdfLink = exportSection.getByRole('link', { name: 'Åbn udtrækket som PDF' });
  await pdfLink.waitFor({ timeout: 30_000 });
  expect(await seriousAxeViolations(page)).toEqual([]);
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);

  // The links are fetched with the browser's own session cookie, as a click would.
  const pdf = await context.request.get(new URL((await pdfLink.getAttribute('href'))!, workbench.origin).toString());
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const text = (await pdfText(await pdf.body())).replace(/\s+/g, ' ');
  expect(text).toContain('Alt, vi har om dig');
  expect(text).toContain('Svend Madsen, CPR-nr. 230994-1017');
  expect(text).toContain('Uddannet anlægsgartner og derefter et fast job');

  const jsonLink = exportSection.getByRole('link', { name: 'Hent udtrækket som JSON-fil' });
  const json = await context.request.get(new URL((await jsonLink.getAttribute('href'))!, workbench.origin).toString());
  expect(json.status()).toBe(200);
  const record = (await json.json()) as { citizenId: string; parts: { service: string }[] };
  expect(record.citizenId).toBe(demoCitizens.svend.id);
  expect(record.parts.map((p) => p.service).sort()).toEqual(Object.keys(workbench.federation.subgraphs).sort());
  expect(problems).toEqual([]);
  await context.close();
});

it("lets Svend's caseworker produce the export on the citizen page (Indsigtsanmodning)", async () => {
  const { page, context, problems } = await workbench.signedIn('inger', `/citizens/${demoCitizens.svend.id}`);
  const exportSection = section(page, 'Indsigtsanmodning');
  await exportSection.getByRole('button', { name: 'Dan udtræk til borgeren' }).click();
  const pdfLink = exportSection.getByRole('link', { name: 'Åbn udtrækket som PDF' });
  await pdfLink.waitFor({ timeout: 30_000 });
  expect(await seriousAxeViolations(page)).toEqual([]);
  const pdf = await context.request.get(new URL((await pdfLink.getAttribute('href'))!, workbench.origin).toString());
  expect(pdf.status()).toBe(200);
  expect(problems).toEqual([]);
  await context.close();
});
