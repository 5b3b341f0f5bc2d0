import type { Page } from 'playwright-core';
import { authJwtSecret } from '@jobcenter/kit';
import { demoCitizens } from '@jobcenter/demo-cast';
import { demoAccounts } from '@jobcenter/gateway/oidc/dev-setup';
import { startTestProvider, TestProvider } from '@jobcenter/gateway/oidc/test-provider';
import { expectAccessible, heading } from '../src/expect-page';
import { openPage } from '../src/browser';
import { demoActor, startWorkbench, Workbench } from '../src/workbench';

/**
 * Issue 16 in a real browser: the workbench's sign-in buttons start the authorization code flow
 * (PKCE, server-side) at a real OpenID provider (oidc-provider, started here with the demo cast),
 * the person chooses who they are on the provider's page, and lands in the workbench with their
 * own data; signing out ends the provider's session too. The provider is addressed as
 * `localhost` and the workbench as `127.0.0.1`: two cookie hosts, as a real provider and the
 * workbench are (cookies ignore ports, so on one host the two sets would share a jar).
 */
let provider: TestProvider;
let workbench: Workbench;
const saved: Record<string, string | undefined> = {};
const clients = [
  { client_id: 'workbench', client_secret: 'workbench-secret-0123456789abcdef' },
  { client_id: 'workbench-citizen', client_secret: 'citizen-secret-0123456789abcdef' },
];

beforeAll(async () => {
  provider = await startTestProvider({
    host: 'localhost',
    accounts: demoAccounts(),
    clients: clients.map((c) => ({ ...c, redirect_uris: ['http://127.0.0.1:1/auth/callback'] })),
  });
  const env = {
    OIDC_ISSUER: provider.issuer,
    OIDC_AUDIENCE: 'workbench',
    OIDC_CLIENT_SECRET: clients[0].client_secret,
    OIDC_SCOPES: 'openid profile email roles offline_access',
    CITIZEN_OIDC_ISSUER: provider.issuer,
    CITIZEN_OIDC_AUDIENCE: 'workbench-citizen',
    CITIZEN_OIDC_CLIENT_SECRET: clients[1].client_secret,
    CITIZEN_OIDC_SCOPES: 'openid profile cpr',
    // Set explicitly, so the harness's development tokens (seeding, comparisons) stay accepted beside the provider.
    AUTH_JWT_SECRET: authJwtSecret(),
  };
  for (const [name, value] of Object.entries(env)) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
  workbench = await startWorkbench();
  // The workbench's redirect URIs are known once it listens: registered at the provider now.
  const registered = { redirect_uris: [`${workbench.origin}/auth/callback`], post_logout_redirect_uris: [`${workbench.origin}/sign-in`] };
  await provider.reconfigure({ clients: clients.map((c) => ({ ...c, ...registered })) });
}, 180_000);

afterAll(async () => {
  await workbench?.stop();
  await provider?.stop();
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** On the provider's page (another host): choose who to be. */
async function chooseAt(page: Page, name: string) {
  await page.waitForURL((url) => url.origin === provider.issuer && url.pathname.startsWith('/interaction/'));
  await page.getByRole('heading', { name: 'Development sign-in' }).waitFor();
  await page.getByRole('button', { name }).click();
}

/** The cookies the browser holds for the workbench: the session cookie, nothing of the provider's tokens. */
async function workbenchCookies(page: Page) {
  return (await page.context().cookies(page.url())).map((c) => ({ name: c.name, httpOnly: c.httpOnly }));
}

const CASELOAD = `query($id: ID!) { staffMember(id: $id) { caseload { firstName lastName } } }`;

describe('sign-in at the identity providers, in the browser', () => {
  it('signs a caseworker in with the staff button, shows her caseload, and signs her out at the provider too', async () => {
    const { page, context, problems } = await openPage(workbench.browser);
    page.on('response', (r) => {
      if (r.status() === 404) problems.push(`404: ${r.url()}`);
    });
    await page.goto(`${workbench.origin}/sign-in?returnTo=%2Fcaseload`);
    const staffButton = page.getByRole('link', { name: 'Log ind som medarbejder' });
    await staffButton.waitFor();
    expect(await page.getByRole('link', { name: 'Log på med MitID' }).isVisible()).toBe(true);
    await expectAccessible(page);

    await staffButton.click();
    await chooseAt(page, 'Inger Holm');
    await page.waitForURL(`${workbench.origin}/caseload`);
    await page.getByRole('table').waitFor();
    // Her own caseload, as the gateway answers her development token.
    const inger = demoActor('inger');
    const expected = await workbench.federation.as(inger, CASELOAD, { id: inger.id });
    const names = expected.data!.staffMember.caseload.map((c: any) => `${c.firstName} ${c.lastName}`);
    expect(names).toEqual(expect.arrayContaining(['Per Hansen', 'Svend Madsen']));
    for (const name of ['Per Hansen', 'Svend Madsen']) await page.getByRole('row', { name: new RegExp(name) }).waitFor();
    expect(await page.getByText(`${inger.name}`).first().isVisible()).toBe(true);
    expect(await workbenchCookies(page)).toEqual([{ name: 'jc_session', httpOnly: true }]);

    // Sign-out: the workbench session ends, then the provider's (its "sign out?" page), back to the sign-in page.
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL((url) => url.origin === workbench.origin && url.pathname === '/sign-in');
    await page.getByText('Du er logget ud.').waitFor();
    expect(await workbenchCookies(page)).toEqual([]);
    // Signing in again asks who you are again: the provider's session is over too.
    await page.getByRole('link', { name: 'Log ind som medarbejder' }).click();
    await chooseAt(page, 'Karin Dahl');
    await page.waitForURL(`${workbench.origin}/dashboard`);
    expect(await heading(page)).not.toBe('');
    // Signed out, GET /auth/session answers 401 (nobody signed in); chromium logs that.
    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
    await context.close();
  });

  it('signs a citizen in with "Log på med MitID" by CPR number and shows his own plan', async () => {
    const { page, context, problems } = await openPage(workbench.browser);
    await page.goto(`${workbench.origin}/sign-in`);
    await page.getByRole('link', { name: 'Log på med MitID' }).click();
    const svend = demoCitizens.svend;
    await chooseAt(page, `${svend.firstName} ${svend.lastName}`);
    await page.waitForURL(`${workbench.origin}/min-plan`);
    const goal = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Mit mål' }) });
    await goal.waitFor();
    expect(await goal.innerText()).toContain('Uddannet anlægsgartner og derefter et fast job');
    expect(await workbenchCookies(page)).toEqual([{ name: 'jc_session', httpOnly: true }]);
    await expectAccessible(page);
    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
    await context.close();
  });

  it('lists the demo users with links through the provider, which offers that person first', async () => {
    const { page, context, problems } = await openPage(workbench.browser);
    await page.goto(`${workbench.origin}/sign-in?returnTo=%2Fmy-day`);
    const jens = page.getByRole('link', { name: /Jens Kjær/ });
    const href = new URL((await jens.getAttribute('href'))!, workbench.origin);
    expect(href.pathname).toBe('/auth/sign-in');
    expect(href.searchParams.get('returnTo')).toBe('/my-day');
    await jens.click();
    await page.waitForURL((url) => url.origin === provider.issuer && url.pathname.startsWith('/interaction/'));
    // The hinted person is the first button, focused: Enter signs him in.
    expect(await page.getByRole('button').first().innerText()).toBe('Jens Kjær');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${workbench.origin}/my-day`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
    await context.close();
  });

  it('in English, the buttons say so too', async () => {
    const { page, context } = await openPage(workbench.browser);
    await page.goto(`${workbench.origin}/sign-in`);
    await page.evaluate(() => localStorage.setItem('jc.language', 'en'));
    await page.reload();
    await page.getByRole('link', { name: 'Sign in as staff' }).waitFor();
    expect(await page.getByRole('link', { name: 'Log in with MitID' }).isVisible()).toBe(true);
    await expectAccessible(page);
    await context.close();
  });
});
