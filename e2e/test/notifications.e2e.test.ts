import { demoCitizens } from '@jobcenter/demo-cast';
import { expectAccessible, heading } from '../src/expect-page';
import { startWorkbench, Workbench } from '../src/workbench';

/**
 * Issue 18 in a real browser: the citizen page shows the notices to the citizen (sent, waiting,
 * failed with the reason), and staff have "Dagens overblik", the daily digest as a view.
 * axe-core checks both.
 */
let workbench: Workbench;

beforeAll(async () => {
  workbench = await startWorkbench();
  // Arrange two notices for Per as the notification centre would have recorded them.
  await workbench.federation.subgraphs.citizens.dataSource.query(
    `INSERT INTO notification (citizen_id, kind, channel, status, send_after, sent_at, attempts, failure, created_at) VALUES
       ($1, 'NEW_MESSAGE', 'EMAIL', 'SENT', now() - interval '2 hours', now() - interval '2 hours', 1, NULL, now() - interval '2 hours'),
       ($1, 'MEETING_REMINDER', 'SMS', 'FAILED', now() - interval '1 hour', NULL, 6, 'SMS gateway answered 503', now() - interval '1 hour')`,
    [demoCitizens.per.id],
  );
}, 180_000);
afterAll(() => workbench?.stop());

describe('notices and the daily overview in the workbench', () => {
  it("shows the notices to the citizen on the citizen's page, failed ones with the reason", async () => {
    const { page, context, problems } = await workbench.signedIn('inger', `/citizens/${demoCitizens.per.id}`);
    await page.getByRole('heading', { level: 1, name: 'Per Hansen' }).waitFor();
    const notices = page.getByRole('region', { name: 'Beskeder til borgeren' });
    await notices.getByRole('table').waitFor();
    const failed = notices.getByRole('row').filter({ hasText: 'Påmindelse dagen før møde' });
    expect(await failed.textContent()).toMatch(/sms.*Fejlet.*6.*SMS gateway answered 503/);
    expect(await notices.getByRole('row').filter({ hasText: 'Ny besked' }).textContent()).toMatch(/e-mail.*Sendt/);
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("gives staff today's overview with links to the citizens", async () => {
    const { page, context, problems } = await workbench.signedIn('inger', '/digest');
    expect(await heading(page)).toBe('Dagens overblik');
    for (const title of [
      'Aftaler over fristen',
      'Opfølgningssamtaler, der mangler',
      'Forløb, der slutter inden for 14 dage',
      'Netværksmøder, der er overskredet',
      'Ulæste beskeder fra borgere',
    ]) {
      await page.getByRole('heading', { level: 2, name: new RegExp(`^${title} \\(\\d+\\)$`) }).waitFor();
    }
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});
