import type { Page } from 'playwright-core';
import { demoCitizens } from '@jobcenter/demo-cast';
import { pdfText } from '@jobcenter/kit/testing';
import { dayFromToday, expectAccessible } from '../src/expect-page';
import { consumeNotices } from '../src/notices';
import { startWorkbench, Workbench } from '../src/workbench';

/**
 * Reports of a course (issue 19, seed 004's "statusrapport midtvejs") in a real browser on the
 * real federation with the demo data: Per's course is past its midway date, so his caseload row
 * says the report is missing; Anders drafts it from the citizen page (a period before the plan is
 * refused at its field); Lone approves and shares it; Per, on a 375 px phone, opens the PDF and
 * adds his comment, which Inger then reads. Axe on every view.
 */
let workbench: Workbench;
beforeAll(async () => {
  workbench = await startWorkbench();
}, 180_000);
afterAll(() => workbench?.stop());

const per = demoCitizens.per;
const reports = (page: Page) => page.getByRole('region', { name: 'Rapporter' });
const stamp = Date.now();
const EVALUATION = `Per kommer stabilt og har tabt sig (${stamp}).`;

describe('reports of a course in the workbench', () => {
  it("shows the missing midway report in Inger's caseload and digest", async () => {
    const { page, context, problems } = await workbench.signedIn('inger', '/caseload');
    const row = page.getByRole('row', { name: /Per Hansen/ });
    await row.getByRole('link', { name: /Statusrapport midtvejs mangler/ }).waitFor();
    await page.goto(`${workbench.origin}/digest`);
    const due = page.locator('section', { has: page.getByRole('heading', { level: 2, name: /Statusrapporter midtvejs, der mangler/ }) });
    await due.getByRole('link', { name: 'Per Hansen' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('Anders drafts the midway report; a period before the plan is refused at its field', async () => {
    const { page, context, problems } = await workbench.signedIn('anders', `/citizens/${per.id}`);
    const section = reports(page);
    await section.getByText(/Statusrapport midtvejs mangler/).waitFor();
    await section.getByLabel('Perioden fra').fill(dayFromToday(-400));
    await section.getByLabel('Evaluering og forslag til videre handleplan').fill(EVALUATION);
    await section.getByRole('button', { name: 'Skriv kladden' }).click();
    await section
      .locator('.field-error')
      .filter({ hasText: /plan starts/ })
      .waitFor();
    await section.getByLabel('Perioden fra').fill(dayFromToday(-140));
    await section.getByRole('button', { name: 'Skriv kladden' }).click();
    const draft = section.getByRole('article', { name: 'Statusrapport midtvejs · version 1' });
    await draft.getByText('Kladde', { exact: true }).waitFor();
    await draft.getByText('Vis rapportens tekst').click();
    expect(await draft.locator('.report-text').innerText()).toContain(EVALUATION);
    expect(await section.getByText(/Statusrapport midtvejs mangler/).count()).toBe(0);
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('Lone approves and shares it', async () => {
    const { page, context, problems } = await workbench.signedIn('lone', `/citizens/${per.id}`);
    const report = reports(page).getByRole('article', { name: 'Statusrapport midtvejs · version 1' });
    await report.getByRole('button', { name: /Godkend/ }).click();
    await report.getByText('Godkendt', { exact: true }).waitFor();
    await report.getByRole('button', { name: /Del med borgeren/ }).click();
    await report.getByText('Delt med borgeren', { exact: true }).waitFor();
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("tells Per: the notification centre's notice shows on his page", async () => {
    // What the notification centre (npm start, the worker) does with plans' report.shared event.
    await consumeNotices(
      workbench.federation,
      ['plans'],
      () =>
        workbench.federation.subgraphs.citizens.dataSource.query(
          `SELECT 1 FROM notification WHERE citizen_id = $1 AND kind = 'REPORT_SHARED'`,
          [per.id],
        ),
      (rows) => rows.length > 0,
    );
    const { page, context, problems } = await workbench.signedIn('inger', `/citizens/${per.id}`);
    const notices = page.getByRole('region', { name: 'Beskeder til borgeren' });
    await notices.getByRole('row').filter({ hasText: 'Rapport delt med borgeren' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('Per reads it on his phone, opens the PDF and adds his comment; Inger reads the comment', async () => {
    const { page, context, problems } = await workbench.signedIn('per', '/min-plan', { width: 375 });
    const mine = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Mine rapporter' }) });
    const report = mine.getByRole('article', { name: 'Statusrapport midtvejs · version 1' });
    const href = await report.getByRole('link', { name: /Åbn PDF/ }).getAttribute('href');
    const answer = await context.request.get(`${workbench.origin}${href}`);
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toContain('application/pdf');
    const text = await pdfText(Buffer.from(await answer.body()));
    expect(text).toContain('Statusrapport midtvejs');
    expect(text).toContain('Per Hansen');
    expect(text).toContain(EVALUATION);

    await report.getByLabel('Dine bemærkninger til rapporten').fill('Jeg er enig, men vil gerne starte på værkstedet før.');
    // Saved, then the list read again (MyReports) with the comment in it.
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().postData()?.includes('query MyReports') === true),
      report.getByRole('button', { name: 'Gem dine bemærkninger' }).click(),
    ]);
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();

    const staff = await workbench.signedIn('inger', `/citizens/${per.id}`);
    await reports(staff.page).getByText('Jeg er enig, men vil gerne starte på værkstedet før.').waitFor();
    expect(staff.problems).toEqual([]);
    await staff.context.close();
  });

  it("Anders drafts a report about one of Per's offers instead of the plan; the list names the provider", async () => {
    const { page, context, problems } = await workbench.signedIn('anders', `/citizens/${per.id}`);
    const section = reports(page);
    const form = section.getByRole('form', { name: 'Skriv en rapport' });
    await form.getByRole('group', { name: 'Rapport', exact: true }).getByLabel('Afslutningsrapport').check();
    await form.getByRole('group', { name: 'Forløb', exact: true }).getByLabel('Et tilbud').check();
    // The citizen's referrals to choose from; picking one sets the period to its dates.
    const offers = form.getByLabel('Tilbud', { exact: true });
    const amu = await offers.locator('option', { hasText: 'Vestjyllands Sundhedshøjskole' }).getAttribute('value');
    await offers.selectOption(amu!);
    await form.getByLabel('Evaluering og forslag til videre handleplan').fill(`Opholdet er gennemført (${stamp}).`);
    await form.getByRole('button', { name: 'Skriv kladden' }).click();
    const draft = section.getByRole('article', { name: 'Afslutningsrapport · version 1' });
    await draft
      .getByText(/Tilbud: Vestjyllands Sundhedshøjskole/)
      .first()
      .waitFor();
    await draft.getByText('Vis rapportens tekst').click();
    expect(await draft.locator('.report-text').innerText()).toContain('Tilbudsgiver: Vestjyllands Sundhedshøjskole');
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});
