import { DEMO_TEAM, demoCitizens, demoStaff } from '@jobcenter/demo-cast';
import { expectAccessible, heading } from '../src/expect-page';
import { startWorkbench, Workbench } from '../src/workbench';

/**
 * Issue 12, the team lead in a real browser on the real federation with the seed stories:
 * Lone Friis sees the team's caseload, draws an access-log spot check naming who looked at whom,
 * and reviews the emergency access a caseworker opened. axe-core checks the view.
 */
let workbench: Workbench;
const inger = { ...demoStaff.inger, team: DEMO_TEAM };

beforeAll(async () => {
  workbench = await startWorkbench();
  // Inger looks at her citizens (the access log has something to sample), and opens Ulla, who is
  // not on her caseload, in an emergency.
  const look = 'query($id: ID!) { citizen(id: $id) { id firstName activePlan { id } } }';
  await workbench.federation.as(inger, look, { id: demoCitizens.per.id });
  const opened = await workbench.federation.as(
    inger,
    'mutation($id: ID!, $reason: String!) { openEmergencyAccess(citizenId: $id, reason: $reason) { id } }',
    { id: demoCitizens.ulla.id, reason: 'Ulla ringede i krise, hendes sagsbehandler er syg i dag' },
  );
  expect(opened.errors).toBeUndefined();
}, 180_000);
afterAll(() => workbench?.stop());

describe("the team lead's workbench", () => {
  it("shows the team's caseload, the spot check and the emergency access, which she reviews", async () => {
    const { page, context, problems } = await workbench.signedIn('lone', '/');
    await page.waitForURL('**/team');
    expect(await heading(page)).toBe(DEMO_TEAM);

    const emergencies = page.getByRole('region', { name: 'Nødadgange til gennemsyn' });
    const access = emergencies.getByRole('listitem').filter({ hasText: 'Ulla ringede i krise' });
    await access.waitFor();
    expect(await access.textContent()).toMatch(/Inger Holm/);

    const spotCheck = page.getByRole('region', { name: 'Stikprøvekontrol af adgangsloggen' });
    await spotCheck.getByRole('table').waitFor();
    expect(await spotCheck.textContent()).toMatch(/\d+ af \d+ opslag/);
    const ingersLookUp = spotCheck.getByRole('row').filter({ hasText: 'Inger Holm' }).filter({ hasText: 'Per Hansen' });
    expect(await ingersLookUp.count()).toBeGreaterThan(0);

    const caseload = page.getByRole('region', { name: 'Teamets sagsstamme' });
    await caseload
      .getByRole('row', { name: /Svend Madsen/ })
      .first()
      .waitFor();
    expect(await caseload.textContent()).toMatch(/Inger Holm/);
    await expectAccessible(page);

    await access.getByLabel('Note til gennemsynet (valgfri)').fill('Talt med Inger, i orden.');
    await access.getByRole('button', { name: 'Markér som gennemset' }).click();
    await emergencies.getByText('Ingen nødadgange venter på gennemsyn.').waitFor();
    await emergencies.getByLabel('Vis også gennemsete').check();
    await emergencies.getByText(/Gennemset .*Talt med Inger, i orden\./).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("reads a citizen's access log on the citizen's page", async () => {
    const { page, context, problems } = await workbench.signedIn('lone', `/citizens/${demoCitizens.per.id}`);
    await page.getByRole('heading', { level: 1, name: 'Per Hansen' }).waitFor();
    await page.getByRole('button', { name: 'Vis adgangsloggen' }).click();
    const log = page.getByRole('region', { name: 'Adgangslog' });
    await log.getByRole('table').waitFor();
    expect(await log.getByRole('row').filter({ hasText: 'Sagsbehandler' }).count()).toBeGreaterThan(0);
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});
