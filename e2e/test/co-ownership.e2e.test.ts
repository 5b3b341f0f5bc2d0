import type { Page } from 'playwright-core';
import { demoCitizens } from '@jobcenter/demo-cast';
import { seriousAxeViolations } from '../src/browser';
import { dayFromToday, expectAccessible } from '../src/expect-page';
import { demoActor, startWorkbench, Workbench } from '../src/workbench';

/**
 * Issue 18 in a real browser on the real federation with the seed stories: Inger records
 * agreements at a meeting (who carries each, by when), sets one DONE with a note, and sees
 * overdue agreements and unread messages in her caseload; Per reads the team's message in
 * "Min plan" on a phone and answers it.
 */
let workbench: Workbench;
beforeAll(async () => {
  workbench = await startWorkbench();
}, 180_000);
afterAll(() => workbench?.stop());

const per = demoCitizens.per;
const region = (page: Page, name: string) => page.getByRole('region', { name });

describe('agreements as tasks and the message thread', () => {
  it("the caseload shows Per's overdue agreement", async () => {
    const { page, context, problems } = await workbench.signedIn('inger', '/caseload');
    const perRow = page.getByRole('row', { name: /Per Hansen/ });
    await perRow.waitFor();
    expect(await perRow.textContent()).toMatch(/Per søger højskoleopholdet/);

    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('Inger records agreements at a meeting (who carries each, by when) and sets one DONE with a note', async () => {
    const { page, context, problems } = await workbench.signedIn('inger', `/citizens/${per.id}`);
    await page.getByRole('heading', { level: 1, name: 'Per Hansen' }).waitFor();
    const meetings = region(page, 'Møder');
    await meetings.getByText('Book et møde').click();
    await meetings.getByLabel('Mødetype').selectOption('FOLLOW_UP');
    await meetings.getByLabel('Dato').fill(dayFromToday(-1));
    await meetings.getByLabel('Klokkeslæt').fill('07:00');
    await meetings.getByLabel('Varighed (minutter)').fill('30');
    await meetings.getByRole('button', { name: 'Book mødet' }).click();
    await meetings.getByRole('status').filter({ hasText: 'Mødet er booket.' }).waitFor();

    const meeting = meetings
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 4, name: /Opfølgningssamtale.*07[.:]00/ }) });
    await meeting.getByRole('button', { name: 'Registrér udfald' }).click();
    await meeting.getByLabel('Afholdt').check();
    await meeting.getByLabel('Referat').fill('Vi talte om værkstedet.');
    await meeting.getByRole('button', { name: 'Tilføj aftale' }).click();
    await meeting.getByLabel('Aftale 1', { exact: true }).fill('Per besøger værkstedet');
    await meeting.getByLabel('Frist for aftale 1 (valgfri)').fill(dayFromToday(7));
    await meeting.getByRole('button', { name: 'Tilføj aftale' }).click();
    await meeting.getByLabel('Aftale 2', { exact: true }).fill('Inger sender papirerne til værkstedet');
    // A deadline before the meeting is refused at its field.
    await meeting.getByLabel('Frist for aftale 2 (valgfri)').fill(dayFromToday(-5));
    await meeting.getByLabel('Ansvarlig for aftale 2').selectOption({ label: 'Inger Holm (Sagsbehandler)' });
    await meeting.getByRole('button', { name: 'Gem udfald' }).click();
    const deadline2 = meeting.getByLabel('Frist for aftale 2 (valgfri)');
    await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null);
    expect(await deadline2.getAttribute('aria-invalid')).toBe('true');
    await deadline2.fill(dayFromToday(2));
    await expectAccessible(page);
    await meeting.getByRole('button', { name: 'Gem udfald' }).click();
    await meetings.getByRole('button', { name: 'Gem udfald' }).waitFor({ state: 'detached' });

    const open = region(page, 'Åbne aftaler');
    const mine = open.getByRole('listitem').filter({ hasText: 'Inger sender papirerne til værkstedet' });
    await mine.waitFor();
    expect(await mine.textContent()).toMatch(/Inger Holm/);
    await mine.getByRole('button', { name: /Sæt status/ }).click();
    await mine.getByLabel('Udført').check();
    await mine.getByLabel('Note (skal udfyldes for at droppe)').fill('Sendt med posten');
    await expectAccessible(page);
    await mine.getByRole('button', { name: 'Gem status' }).click();
    await open.getByRole('listitem').filter({ hasText: 'Inger sender papirerne til værkstedet' }).waitFor({ state: 'detached' });
    expect(await open.textContent()).toMatch(/Per besøger værkstedet/);

    const stored = await workbench.federation.as(
      demoActor('inger'),
      `query($id: ID!) { citizen(id: $id) { meetings { agreements { text status history { status note } } } } }`,
      { id: per.id },
    );
    const all = stored.data!.citizen.meetings.flatMap((m: { agreements: unknown[] }) => m.agreements);
    expect(all).toContainEqual({
      text: 'Inger sender papirerne til værkstedet',
      status: 'DONE',
      history: [{ status: 'DONE', note: 'Sendt med posten' }],
    });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('Per reads the team\'s message in "Min plan" on a phone and answers; Inger sees it unread in her caseload', async () => {
    const sent = await workbench.federation.as(
      demoActor('inger'),
      `mutation($c: ID!) { sendMessage(citizenId: $c, text: "Hej Per, husk papirerne til værkstedet.") { id } }`,
      {
        c: per.id,
      },
    );
    expect(sent.errors).toBeUndefined();
    const { page, context, problems } = await workbench.signedIn('per', '/min-plan', { width: 375 });
    const thread = region(page, 'Beskeder');
    await thread.getByText('Hej Per, husk papirerne til værkstedet.').waitFor();
    const myAgreements = region(page, 'Aftaler jeg har ansvaret for');
    await myAgreements.getByText('Per søger højskoleopholdet', { exact: true }).waitFor();
    // An empty message is refused at its field.
    await thread.getByRole('button', { name: 'Send' }).click();
    await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null);
    await thread.getByRole('textbox', { name: 'Skriv en besked' }).fill('Tak, jeg tager dem med i morgen.');
    await thread.getByRole('button', { name: 'Send' }).click();
    await thread.getByRole('listitem').filter({ hasText: 'Tak, jeg tager dem med i morgen.' }).waitFor();
    expect(await thread.textContent()).toMatch(/Ikke læst endnu/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();

    // Opening the thread gave Inger's message its read receipt; Per's answer waits in the caseload.
    const seen = await workbench.federation.as(demoActor('inger'), `query($id: ID!) { citizen(id: $id) { messages { text readAt } } }`, {
      id: per.id,
    });
    expect(seen.data!.citizen.messages.find((m: { text: string }) => m.text.startsWith('Hej Per')).readAt).not.toBeNull();
    const staff = await workbench.signedIn('inger', '/caseload');
    const row = staff.page.getByRole('row', { name: /Per Hansen/ });
    await row.waitFor();
    expect(await row.getByRole('link', { name: /Ulæste beskeder/ }).textContent()).toMatch(/^1/);
    await expectAccessible(staff.page);
    await staff.context.close();
  });
});
