import type { Page } from 'playwright-core';
import { demoCitizens } from '@jobcenter/demo-cast';
import { seriousAxeViolations } from '../src/browser';
import { demoActor, startWorkbench, Workbench } from '../src/workbench';

/**
 * Svend's "Min plan" on the real federation with the demo data: his plan and milestones, his own
 * words (which he edits), meetings, the wage subsidy at the gardener, progression, his team and
 * who has looked at his data. On a 375 px phone and by keyboard alone.
 */
let workbench: Workbench;
beforeAll(async () => {
  workbench = await startWorkbench();
}, 180_000);
afterAll(() => workbench?.stop());

const section = (page: Page, heading: string) => page.locator('section', { has: page.getByRole('heading', { level: 2, name: heading }) });
const OWN_WORDS = `query($id: ID!) { citizen(id: $id) { activePlan { citizenPerspective } } }`;

async function openMinPlan(width?: number) {
  const watched = await workbench.signedIn('svend', '/min-plan', { width });
  await watched.page.getByRole('heading', { level: 2, name: 'Mit mål' }).waitFor();
  return watched;
}

describe('the citizen\'s "Min plan"', () => {
  it('shows my plan, milestones, meetings, placement, progression and team', async () => {
    const { page, context, problems } = await openMinPlan();
    expect(await section(page, 'Mit mål').innerText()).toContain('Uddannet anlægsgartner og derefter et fast job');
    expect(await section(page, 'Mine milepæle').innerText()).toContain('Gå til AA-møde hver uge');
    expect(await section(page, 'Mine møder').getByRole('heading', { level: 3, name: 'Kommende' }).count()).toBe(1);
    const placement = await section(page, 'Min praktik eller mit job').innerText();
    expect(placement).toContain('Ringe Anlægsgartner ApS');
    expect(placement).toContain('Løntilskud (privat)');
    expect(await section(page, 'Min udvikling').innerText()).toMatch(/fra \d+ til \d+/);
    expect(await section(page, 'Mit team').innerText()).toContain('Jens Kjær');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('saves my own words, and they are there after a reload', async () => {
    const { page, context } = await openMinPlan();
    const words = `Jeg vil gerne starte på anlægsgartneruddannelsen til august (${Date.now()}).`;
    await page.getByRole('button', { name: 'Skriv med egne ord' }).click();
    await page.getByLabel('Mine egne ord om planen').fill(words);
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Dine ord er gemt.' }).waitFor();
    expect(await section(page, 'Med mine egne ord').locator('blockquote').innerText()).toBe(words);
    await page.reload();
    await section(page, 'Med mine egne ord').locator('blockquote', { hasText: words }).waitFor();
    const stored = await workbench.federation.as(demoActor('svend'), OWN_WORDS, { id: demoCitizens.svend.id });
    expect(stored.data!.citizen.activePlan.citizenPerspective).toBe(words);
    await context.close();
  });

  it('shows who has looked at my data: a job consultant who read my placements', async () => {
    const read = await workbench.federation.as(demoActor('jens'), `query($id: ID!) { citizen(id: $id) { firstName placements { id } } }`, {
      id: demoCitizens.svend.id,
    });
    expect(read.errors).toBeUndefined();
    const { page, context } = await openMinPlan();
    const log = section(page, 'Hvem har set mine oplysninger');
    await log.getByText('Jobkonsulent så dine virksomhedsforløb').first().waitFor();
    expect(await log.innerText()).toContain('Jobkonsulent så dine personoplysninger');
    // My own look-ups (every visit to this page) only when asked for.
    expect(await log.getByText('Dig selv').count()).toBe(0);
    await log.getByLabel('Vis også mine egne opslag').check();
    await log.getByText('Dig selv').first().waitFor();
    await context.close();
  });

  it('fits a 375 px phone without sideways scrolling, and is operated by keyboard alone', async () => {
    const { page, context, problems } = await openMinPlan(375);
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Tab from the top of the page to the edit button: every stop shows where focus is.
    await page.locator('body').focus();
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return { text: el.textContent, visible: style.outlineStyle !== 'none' && style.outlineWidth !== '0px' };
      });
      expect(focused.visible).toBe(true);
      reached = focused.text === 'Skriv med egne ord';
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    const words = `Skrevet med tastaturet alene (${Date.now()}).`;
    // The text box opens with my earlier words in it: select them all and write anew.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(words);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Gem');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Dine ord er gemt.' }).waitFor();
    expect(await section(page, 'Med mine egne ord').locator('blockquote').innerText()).toBe(words);
    // Focus comes back to the edit button, so the person can go on from where they were.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skriv med egne ord');

    // The access log's switch by keyboard: Tab to it, Space to check it (past the forms of the citizen's voice).
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => (document.activeElement as HTMLInputElement).type === 'checkbox')) break;
    }
    await page.keyboard.press('Space');
    expect(await page.getByLabel('Vis også mine egne opslag').isChecked()).toBe(true);
    const after = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    expect(after).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
