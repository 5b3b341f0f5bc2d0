import { seriousAxeViolations } from '../src/browser';
import { startWorkbench, Workbench } from '../src/workbench';

/**
 * The harness itself, on the real federation: the gateway serves the built workbench, the
 * development sign-in route signs a demo person in, the app routes them to their role's home,
 * and the sign-in page lists the demo users. axe-core runs in the page under the real CSP.
 */
let workbench: Workbench;
beforeAll(async () => {
  workbench = await startWorkbench();
}, 120_000);
afterAll(() => workbench?.stop());

describe('the workbench harness', () => {
  it('signs a caseworker in and lands on her caseload, in Danish', async () => {
    const { page, context, problems } = await workbench.signedIn('inger');
    await page.waitForURL('**/caseload');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    expect(await page.getByRole('button', { name: 'Log ud' }).isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lists the demo users on the sign-in page, and a link signs that person in', async () => {
    const { page, context, problems } = await workbench.signedIn('inger', '/');
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.waitForURL('**/sign-in?signedOut=1');
    await page.getByText('Du er logget ud.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: /Karin Dahl/ }).click();
    await page.waitForURL('**/dashboard');
    // Signed out, GET /auth/session answers 401 (the contract's "nobody signed in"); chromium logs that.
    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
    await context.close();
  });

  it('sends a signed-out visitor to sign in, keeping where they were going', async () => {
    const { page, context } = await workbench.signedIn('inger');
    await context.clearCookies();
    await page.goto(`${workbench.origin}/caseload`);
    await page.waitForURL(/\/sign-in\?returnTo=%2Fcaseload$/);
    const link = await page.getByRole('link', { name: /Inger Holm/ }).getAttribute('href');
    expect(new URL(link!, workbench.origin).searchParams.get('returnTo')).toBe('/caseload');
    await context.close();
  });
});

describe('the self-hosted GraphiQL', () => {
  it('opens at GET /graphql from the same origin and loads the schema as the signed-in person, under the CSP', async () => {
    const { page, context, problems } = await workbench.signedIn('inger', '/');
    await page.waitForURL('**/caseload');
    const origins: string[] = [];
    page.on('request', (r) => origins.push(new URL(r.url()).origin));
    // GraphiQL asks for the schema (introspection) with the session cookie as soon as it opens.
    const introspection = page.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().method() === 'POST');
    await page.goto(`${workbench.origin}/graphql`);
    await page.locator('.graphiql-container').waitFor();
    const answer = await introspection;
    expect(answer.status()).toBe(200);
    expect(JSON.stringify(await answer.json())).toMatch(/"__schema"/);
    await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor();
    expect(origins.every((origin) => origin === workbench.origin)).toBe(true);
    // GraphiQL's stylesheet embeds its icon fonts as data: URLs, which the CSP's font-src 'self'
    // refuses (the icons fall back; the editor works). Anything else the browser refused fails.
    expect(problems.filter((p) => !/font-src/.test(p))).toEqual([]);
    await context.close();
  });
});
