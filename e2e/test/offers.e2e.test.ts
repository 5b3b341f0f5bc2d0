import type { Page } from 'playwright-core';
import { demoCitizens } from '@jobcenter/demo-cast';
import { lastDayOfMonths } from '@jobcenter/kit/calendar';
import { seriousAxeViolations } from '../src/browser';
import { dayFromToday, expectAccessible } from '../src/expect-page';
import { demoActor, startWorkbench, Workbench } from '../src/workbench';

/**
 * Offers (issue 19) in a real browser on the real federation with the seed stories: Inger refers
 * Svend to a mentor (the 6-month rule of LAB § 167 shown at the end date, in Danish), starts it,
 * and sees his offers in her caseload; Svend sees the referral read-only in "Min plan" on a phone;
 * staff keep the provider register (a failing CVR number refused at its field); the dashboard's
 * trend panel breaks active referrals down by kind of offer.
 */
let workbench: Workbench;
beforeAll(async () => {
  workbench = await startWorkbench();
}, 180_000);
afterAll(() => workbench?.stop());

const svend = demoCitizens.svend;
const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const invalidField = (page: Page) => page.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null);

describe('offers in the workbench', () => {
  it('Inger refers Svend to a mentor: the 6-month maximum is refused at the end date in Danish, then he is referred and started', async () => {
    const { page, context, problems } = await workbench.signedIn('inger', `/citizens/${svend.id}`);
    await page.getByRole('heading', { level: 1, name: 'Svend Madsen' }).waitFor();
    const offers = region(page, 'Tilbud');
    // The seed: his alcohol treatment (completed) and the course under way.
    await offers.getByRole('heading', { name: 'Behandling · Alkoholbehandlingen Faaborg-Midtfyn' }).waitFor();
    expect(await offers.textContent()).toMatch(/Gennemført som planlagt/);
    expect(await offers.textContent()).toMatch(/AMU Fyn, Grønne områder/);

    await offers.getByRole('button', { name: 'Henvis til et tilbud' }).click();
    const form = offers.getByRole('form', { name: 'Henvis til et tilbud' });
    await form.getByLabel('Slags tilbud').selectOption('MENTOR');
    await form.getByLabel('Tilbudsgiver').selectOption({ label: 'Mentorhuset Fyn' });
    const start = dayFromToday(0);
    await form.getByLabel('Startdato').fill(start);
    await form.getByLabel('Slutdato').fill(dayFromToday(220));
    await form.getByLabel('Formål').fill('Mentor i overgangen fra løntilskud til ordinært job');
    await form.getByRole('button', { name: 'Henvis' }).click();
    await invalidField(page);
    const end = form.getByLabel('Slutdato');
    expect(await end.getAttribute('aria-invalid')).toBe('true');
    expect(await form.textContent()).toMatch(/højst vare 6 måneder ad gangen \(LAB § 167\)/);
    await expectAccessible(page);

    await end.fill(lastDayOfMonths(start, 6));
    await form.getByRole('button', { name: 'Henvis' }).click();
    const mentor = offers.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Mentor · Mentorhuset Fyn' }) });
    await mentor.waitFor();
    expect(await mentor.textContent()).toMatch(/Foreslået/);
    expect(await mentor.textContent()).toMatch(/Højst til .* efter reglerne \(LAB § 167\)/);

    await mentor.getByRole('button', { name: 'Skift status' }).click();
    await mentor.getByLabel('Ny status').selectOption('ACTIVE');
    await expectAccessible(page);
    await mentor.getByRole('button', { name: 'Gem status' }).click();
    await mentor.getByText('I gang').waitFor();
    await mentor.getByRole('button', { name: /Forlæng mentoraftalen 6 måneder/ }).waitFor();

    const stored = await workbench.federation.as(
      demoActor('inger'),
      `query($id: ID!) { citizen(id: $id) { referrals { kind status purpose } } }`,
      {
        id: svend.id,
      },
    );
    expect(stored.data!.citizen.referrals).toContainEqual({
      kind: 'MENTOR',
      status: 'ACTIVE',
      purpose: 'Mentor i overgangen fra løntilskud til ordinært job',
    });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('Svend sees his offers read-only in "Min plan" on a 375 px phone', async () => {
    const { page, context, problems } = await workbench.signedIn('svend', '/min-plan', { width: 375 });
    const mine = region(page, 'Mine tilbud');
    await mine.getByRole('heading', { name: 'Mentor · Mentorhuset Fyn' }).waitFor();
    expect(await mine.textContent()).toMatch(/Behandling · Alkoholbehandlingen Faaborg-Midtfyn/);
    expect(await mine.getByRole('button').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("Inger's caseload shows the offers under way", async () => {
    const { page, context, problems } = await workbench.signedIn('inger', '/caseload');
    const row = page.getByRole('row', { name: /Svend Madsen/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Opkvalificering\/kursus, AMU Fyn, Grønne områder/);
    expect(await row.textContent()).toMatch(/Mentor, Mentorhuset Fyn/);
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('staff keep the provider register from the navigation; a CVR number that fails its check is refused at its field', async () => {
    const { page, context, problems } = await workbench.signedIn('jens', '/');
    await page
      .getByRole('navigation', { name: /hoved|main/i })
      .getByRole('link', { name: 'Tilbudsgivere' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Tilbudsgivere' }).waitFor();
    expect(await page.getByRole('table').textContent()).toMatch(/Frivilligcenter Midtfyn.*forening\/frivillige/);
    await page.getByRole('button', { name: 'Registrér en tilbudsgiver' }).click();
    const form = page.getByRole('form', { name: 'Registrér en tilbudsgiver' });
    await form.getByLabel('Navn').fill('Ringe Rideklub');
    await form.getByLabel('Forening/frivillige').check();
    await form.getByLabel('CVR-nummer').fill('12345678');
    await form.getByRole('button', { name: 'Registrér' }).click();
    await invalidField(page);
    expect(await form.getByLabel('CVR-nummer').getAttribute('aria-invalid')).toBe('true');
    expect(await form.textContent()).toMatch(/CVR-nummeret er ikke gyldigt/);
    await expectAccessible(page);
    await form.getByLabel('CVR-nummer').fill('');
    await form.getByRole('button', { name: 'Registrér' }).click();
    await page.getByRole('row', { name: /Ringe Rideklub/ }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the dashboard breaks active referrals down by kind of offer', async () => {
    const { page, context, problems } = await workbench.signedIn('lone', '/dashboard');
    const trend = page.locator('#trend');
    await trend.getByLabel('Opgørelse').selectOption('REFERRALS_ACTIVE');
    await trend.getByLabel('Opdelt efter').selectOption('OFFER_KIND');
    await trend.locator('[aria-busy="false"]').waitFor();
    expect(await trend.getByRole('alert').count()).toBe(0);
    // Only referral measures offer the referral breakdowns.
    await trend.getByLabel('Opgørelse').selectOption('CITIZENS_ACTIVE');
    expect(await trend.getByLabel('Opdelt efter').inputValue()).toBe('NONE');
    expect(await trend.getByLabel('Opdelt efter').locator('option[value="OFFER_KIND"]').count()).toBe(0);
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});
