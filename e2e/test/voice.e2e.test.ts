import type { Page } from 'playwright-core';
import { demoCitizens } from '@jobcenter/demo-cast';
import { dayFromToday, expectAccessible } from '../src/expect-page';
import { demoActor, startWorkbench, Workbench } from '../src/workbench';

/**
 * Issue 18, the citizen's voice, in a real browser on the real federation with the seed story of
 * Per Hansen (seeds 002): Per, on a 375 px phone, scores himself, proposes two milestones,
 * comments and confirms his plan; his caseworker Inger sees his scores beside the team's, his
 * comment and confirmation, accepts one proposal and declines the other with a reason; the plan
 * is then marked as changed since Per confirmed it, on both sides, and Per sees the reason.
 */
let workbench: Workbench;
beforeAll(async () => {
  workbench = await startWorkbench();
}, 180_000);
afterAll(() => workbench?.stop());

const per = demoCitizens.per;
const section = (page: Page, heading: string) => page.locator('section', { has: page.getByRole('heading', { level: 2, name: heading }) });
const stamp = Date.now();
const KEEP = `Søge ind på mekanikeruddannelsen (${stamp})`;
const DROP = `Købe en knallert (${stamp})`;

async function perMinPlan() {
  const watched = await workbench.signedIn('per', '/min-plan', { width: 375 });
  await watched.page.getByRole('heading', { level: 2, name: 'Mit mål' }).waitFor();
  return watched;
}

describe("the citizen's voice in the plan", () => {
  it('Per scores himself, proposes milestones, comments and confirms the plan, on his phone', async () => {
    const { page, context, problems } = await perMinPlan();
    const self = section(page, 'Min egen vurdering');
    await self.getByLabel('Mestring').selectOption('7');
    await self.getByLabel('Netværk').selectOption('4');
    await self.getByRole('button', { name: 'Gem min vurdering' }).click();
    await self.getByRole('status').filter({ hasText: 'Din vurdering er gemt.' }).waitFor();
    const table = self.getByTestId('scores-side-by-side');
    expect(await table.getByRole('row', { name: /Mestring/ }).innerText()).toContain('7');

    const propose = section(page, 'Foreslå en milepæl');
    for (const title of [KEEP, DROP]) {
      await propose.getByLabel('Hvad vil du gerne nå?').fill(title);
      await propose.getByLabel('Hvornår?').fill(dayFromToday(40));
      await propose.getByRole('button', { name: 'Send forslaget' }).click();
      await section(page, 'Mine milepæle').getByText(title).waitFor();
    }
    expect(await section(page, 'Mine milepæle').getByRole('heading', { level: 3, name: 'Forslag der venter' }).count()).toBe(1);

    const comments = section(page, 'Kommentarer til planen');
    const empty = await comments.getByRole('button', { name: 'Tilføj kommentar' });
    await empty.click();
    await comments.locator('.field-error').waitFor();
    await comments.getByLabel('Skriv en kommentar').fill('Jeg vil gerne tale om praktikken hos mekanikeren.');
    await comments.getByRole('button', { name: 'Tilføj kommentar' }).click();
    await comments.getByText('Jeg vil gerne tale om praktikken hos mekanikeren.').waitFor();

    const confirm = section(page, 'Er du enig i planen?');
    await confirm.getByRole('button', { name: 'Jeg er enig i planen' }).click();
    await confirm.getByText('Du bekræftede planen').waitFor();

    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('Inger sees his voice, accepts one proposal and declines the other with a reason; both sides see the plan changed', async () => {
    const { page, context, problems } = await workbench.signedIn('inger', `/citizens/${per.id}`);
    await page.getByRole('heading', { level: 1, name: 'Per Hansen' }).waitFor();
    const plan = page.getByRole('region', { name: 'Plan' });
    expect(await plan.getByTestId('confirmation-status').innerText()).toContain('Borgeren bekræftede planen');
    expect(await plan.getByTestId('changed-since-confirmed').count()).toBe(0);
    expect(await plan.getByTestId('plan-comments').innerText()).toContain('Jeg vil gerne tale om praktikken hos mekanikeren.');
    const scores = page.getByTestId('scores-side-by-side');
    expect(await scores.getByRole('row', { name: /Netværk/ }).innerText()).toContain('4');

    const drop = plan.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4, name: DROP }) });
    await drop.getByRole('button', { name: 'Afvis forslaget' }).click();
    await drop.getByRole('button', { name: 'Afvis med begrundelse' }).click();
    await drop.locator('.field-error').waitFor(); // a reason is required
    await drop.getByLabel('Begrundelse for afvisningen').fill('Vi prioriterer uddannelsen først.');
    await drop.getByRole('button', { name: 'Afvis med begrundelse' }).click();
    await drop.getByTestId('decline-reason').waitFor();

    const keep = plan.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4, name: KEEP }) });
    await keep.getByRole('button', { name: 'Tag med i planen' }).click();
    await keep.getByTestId('milestone-status').filter({ hasText: 'Planlagt' }).waitFor();
    await plan.getByTestId('changed-since-confirmed').waitFor();

    await plan.getByLabel('Skriv en kommentar').fill('Godt forslag, Per. Vi tager det med.');
    await plan.getByRole('button', { name: 'Tilføj kommentar' }).click();
    await plan.getByText('Godt forslag, Per. Vi tager det med.').waitFor();
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();

    const citizen = await perMinPlan();
    const milestones = section(citizen.page, 'Mine milepæle');
    await milestones.getByTestId('decline-reason').filter({ hasText: 'Vi prioriterer uddannelsen først.' }).waitFor();
    await section(citizen.page, 'Er du enig i planen?').getByTestId('changed-since-confirmed').waitFor();
    expect(await section(citizen.page, 'Kommentarer til planen').innerText()).toContain('Godt forslag, Per.');
    await citizen.context.close();

    const stored = await workbench.federation.as(
      demoActor('per'),
      `query($id: ID!) { citizen(id: $id) { activePlan { changedSinceConfirmed confirmations { agrees } } progress { assessedBy } } }`,
      { id: per.id },
    );
    expect(stored.data!.citizen.activePlan).toMatchObject({ changedSinceConfirmed: true, confirmations: [{ agrees: true }] });
    expect(stored.data!.citizen.progress.map((a: { assessedBy: string }) => a.assessedBy)).toContain('CITIZEN');
  });
});
