import type { Page } from 'playwright-core';
import { demoCitizens, demoPlacements } from '@jobcenter/demo-cast';
import { seriousAxeViolations } from '../src/browser';
import { demoActor, startWorkbench, Workbench } from '../src/workbench';

/**
 * Consents and pathways in the workbench, on the real federation with the demo data: Per
 * withdraws a consent in "Min plan" on a 375 px phone; the job consultant sees Svend's pathway at
 * the gardener as one history with its kick-off, proposes the next step, and starts Per's
 * internship only with a reason while its kick-off is not held; the caseworker records a consent.
 */
let workbench: Workbench;
beforeAll(async () => {
  workbench = await startWorkbench();
}, 180_000);
afterAll(() => workbench?.stop());

const section = (page: Page, heading: string) => page.locator('section', { has: page.getByRole('heading', { level: 2, name: heading }) });
/** A placement's card in the citizen page's placements section. */
const placementCard = (page: Page, text: string) =>
  section(page, 'Praktikker og ansættelser').locator('li.panel', { hasText: text }).first();
const CONSENTS = `query($id: ID!) { citizen(id: $id) { consents { party inForce withdrawnAt } } }`;
const WORKSHOP = 'Ryslinge Auto- og Cykelværksted, værkfører Bo Hansen';

describe('"Mine samtykker" in Min plan', () => {
  it('lets Per withdraw his consent to the workshop on a 375 px phone; it stops applying at once', async () => {
    const { page, context, problems } = await workbench.signedIn('per', '/min-plan', { width: 375 });
    const mine = section(page, 'Mine samtykker');
    await mine.getByText(WORKSHOP).waitFor();
    expect(await mine.innerText()).toContain('Hanne Hansen (mor)');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await mine.getByRole('button', { name: `Tilbagekald samtykket til ${WORKSHOP}` }).click();
    await mine.getByText('Vil du tilbagekalde samtykket').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await mine.getByRole('button', { name: 'Ja, tilbagekald' }).click();
    await page.getByRole('status').filter({ hasText: 'Samtykket er tilbagekaldt.' }).waitFor();
    const item = mine.locator('li', { hasText: WORKSHOP });
    await item.getByText('Gælder ikke').waitFor();
    expect(await item.innerText()).toMatch(/Tilbagekaldt/);

    const stored = await workbench.federation.as(demoActor('per'), CONSENTS, { id: demoCitizens.per.id });
    const workshop = stored.data!.citizen.consents.find((c: { party: string }) => c.party === WORKSHOP);
    expect(workshop).toMatchObject({ inForce: false, withdrawnAt: expect.any(String) });

    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the pathway on the citizen page', () => {
  it("shows Svend's internship → wage subsidy at the gardener as one history, with the held kick-off", async () => {
    const { page, context, problems } = await workbench.signedIn('jens', `/citizens/${demoCitizens.svend.id}`);
    const steps = page.getByRole('list', { name: 'Forløbet, første skridt først' }).first();
    await steps.waitFor();
    const items = await steps.getByRole('listitem').allInnerTexts();
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/praktik.*Afsluttet/is);
    expect(items[1]).toMatch(/Løntilskud \(privat\).*I gang/s);
    expect(await page.getByText(/Opstartsmøde:\s*Afholdt/).count()).toBeGreaterThan(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('proposes the next step at the same company from the wage subsidy', async () => {
    const { page, context } = await workbench.signedIn('jens', `/citizens/${demoCitizens.svend.id}`);
    const card = placementCard(page, 'Løntilskud (privat)');
    await card.locator('summary', { hasText: 'Foreslå fortsættelse' }).click();
    await card.getByLabel('Type').selectOption('ORDINARY_JOB');
    await card.getByRole('button', { name: 'Foreslå fortsættelsen' }).click();
    await card.getByRole('status').filter({ hasText: 'Fortsættelsen er foreslået' }).waitFor();
    const stored = await workbench.federation.as(demoActor('jens'), `query($id: ID!) { placement(id: $id) { next { kind status } } }`, {
      id: demoPlacements.svendWageSubsidy,
    });
    expect(stored.data!.placement.next).toEqual({ kind: 'ORDINARY_JOB', status: 'PROPOSED' });
    await context.close();
  });

  it("refuses to start Per's internship while its kick-off is only planned, and starts it with a recorded reason", async () => {
    const { page, context, problems } = await workbench.signedIn('jens', `/citizens/${demoCitizens.per.id}`);
    const card = placementCard(page, 'Ryslinge Auto- og Cykelværksted');
    await card.getByText(/Opstartsmøde:\s*Planlagt/).waitFor();
    await card.getByRole('button', { name: 'Start forløbet nu' }).click();
    await card.getByRole('alert').filter({ hasText: 'opstartsmøde' }).waitFor();
    const reason = 'Værkstedet og Per kender hinanden fra højskoleopholdet; opstarten aftalt i telefonen';
    await card.getByLabel('Hvorfor starter forløbet uden et afholdt opstartsmøde?').fill(reason);
    await card.getByRole('button', { name: 'Start forløbet nu' }).click();
    await card.getByRole('status').filter({ hasText: 'Forløbet er startet.' }).waitFor();
    await card.getByText(`Startet uden opstartsmøde: ${reason}`).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets the caseworker record a consent for an employer on the citizen page', async () => {
    const { page, context } = await workbench.signedIn('inger', `/citizens/${demoCitizens.per.id}`);
    const consents = section(page, 'Samtykker');
    await consents.locator('summary', { hasText: 'Registrer samtykke' }).click();
    await consents.getByLabel('Modtager', { exact: true }).fill('Ryslinge Auto- og Cykelværksted');
    await consents.getByLabel('Virksomhed (for en arbejdsgiver)').selectOption({ label: 'Ryslinge Auto- og Cykelværksted' });
    await consents.getByLabel('Formål', { exact: true }).fill('Opfølgning på praktikken');
    await consents.getByLabel('Borgeren har givet samtykket').check();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await consents.getByRole('button', { name: 'Registrer samtykket' }).click();
    await consents.getByRole('status').filter({ hasText: 'Samtykket er registreret.' }).waitFor();
    await consents.locator('li', { hasText: 'Opfølgning på praktikken' }).getByText('Gælder', { exact: true }).first().waitFor();
    await context.close();
  });
});
