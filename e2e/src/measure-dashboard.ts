/**
 * `npm run measure:dashboard`: the time from navigation to the dashboard drawn, in Debian chromium.
 *
 * "Drawn" is the `dashboard:drawn` performance mark the dashboard sets after the browser painted
 * its first figures (web/src/views/dashboard/Dashboard.tsx); its startTime counts from the
 * navigation's start, so it covers the HTML, the scripts, the session check, the lazy dashboard
 * chunk, the GraphQL query through the federation and the render. Cold: a fresh browser profile
 * (empty HTTP cache, only the session cookie); warm: the same page loaded again.
 *
 * Without WORKBENCH_URL it starts the browser tests' federation with the demo data. With
 * WORKBENCH_URL (e.g. http://127.0.0.1:4000 from `npm start` in development, after
 * `npm run seed:scale -- --citizens 50000`) it signs in through that server's /auth/dev/users.
 * MEASURE_RUNS (default 5) runs of each.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { demoStaff, DEMO_TEAM } from '@jobcenter/demo-cast';
import { devSignInUrl } from '@jobcenter/gateway';
import { launchChromium } from './browser';
import { withDemoWorkbench } from './standalone';

const MARK = 'dashboard:drawn';
const RUNS = Number(process.env.MEASURE_RUNS ?? 5);

interface Sample {
  drawnMs: number;
  graphqlMs: number;
  /** Where the time went, each from the start of the navigation (ms). */
  steps: { html: number; scripts: number; session: number; chunk: number; queryStart: number; queryEnd: number };
}

async function signInLink(origin: string): Promise<string> {
  if (!process.env.WORKBENCH_URL) {
    const k = demoStaff.karin;
    return devSignInUrl(origin, { id: k.id, role: k.role, name: k.name, team: DEMO_TEAM }, '/dashboard');
  }
  const users = (await (await fetch(new URL('/auth/dev/users', origin))).json()) as { role: string; url: string }[];
  const analyst = users.find((u) => u.role === 'ANALYST');
  if (!analyst) throw new Error(`${origin}/auth/dev/users lists no ANALYST (is it running in development?)`);
  const url = new URL(analyst.url, origin);
  url.searchParams.set('returnTo', '/dashboard');
  return url.toString();
}

async function load(context: BrowserContext, origin: string): Promise<Sample> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(new URL('/dashboard', origin).toString());
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, MARK, { timeout: 120_000 });
  return page.evaluate((mark) => {
    const drawn = performance.getEntriesByName(mark)[0].startTime;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const last = (test: (name: string) => boolean) => resources.filter((r) => test(new URL(r.name).pathname)).pop();
    const graphql = last((p) => p === '/graphql');
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const round = (n: number | undefined) => Math.round(n ?? 0);
    return {
      drawnMs: round(drawn),
      graphqlMs: round(graphql?.duration),
      steps: {
        html: round(nav.responseEnd),
        scripts: round(nav.domContentLoadedEventEnd),
        session: round(last((p) => p === '/auth/session')?.responseEnd),
        chunk: round(last((p) => /\/assets\/Dashboard-.*\.js$/.test(p))?.responseEnd),
        queryStart: round(graphql?.startTime),
        queryEnd: round(graphql?.responseEnd),
      },
    };
  }, MARK);
}

async function measure(browser: Browser, origin: string) {
  const first = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
  const signIn = await first.newPage();
  await signIn.goto(await signInLink(origin));
  await signIn.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, MARK, { timeout: 120_000 });
  const session = await first.storageState();
  await first.close();

  const cold: Sample[] = [];
  const warm: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK', storageState: session });
    cold.push(await load(context, origin));
    warm.push(await load(context, origin));
    await context.close();
  }
  return { cold, warm };
}

function summary(name: string, samples: Sample[]): string {
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)];
  const drawn = samples.map((s) => s.drawnMs);
  const step = (k: keyof Sample['steps']) => median(samples.map((s) => s.steps[k]));
  return (
    `${name.padEnd(5)} drawn median ${median(drawn)} ms (min ${Math.min(...drawn)}, max ${Math.max(...drawn)}), ` +
    `dashboard query median ${median(samples.map((s) => s.graphqlMs))} ms; runs: ${drawn.join(', ')}\n` +
    `      median steps from navigation start: HTML ${step('html')}, scripts run ${step('scripts')}, session ${step('session')}, ` +
    `dashboard chunk ${step('chunk')}, query ${step('queryStart')} → ${step('queryEnd')}, drawn ${median(drawn)} ms`
  );
}

async function main() {
  const run = async (browser: Browser, origin: string) => {
    const { cold, warm } = await measure(browser, origin);
    const load = (await import('node:os')).loadavg()[0].toFixed(1);
    console.log(`Navigation → dashboard drawn at ${origin}, ${RUNS} runs each (target ≤ 1500 ms; load average ${load}):`);
    console.log(summary('cold', cold));
    console.log(summary('warm', warm));
  };
  if (process.env.WORKBENCH_URL) {
    const browser = await launchChromium();
    try {
      await run(browser, new URL(process.env.WORKBENCH_URL).origin);
    } finally {
      await browser.close();
    }
  } else {
    await withDemoWorkbench((workbench) => run(workbench.browser, workbench.origin));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
