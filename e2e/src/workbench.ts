import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { Actor } from '@jobcenter/kit';
import { DEMO_TEAM, demoCitizens, demoStaff, DemoStaffKey, DemoCitizenKey } from '@jobcenter/demo-cast';
import { devSignInUrl } from '@jobcenter/gateway';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { subgraphs } from '@jobcenter/scripts/services';
import { catchUpInsights } from '@jobcenter/insights/statistics/catch-up';
import { launchChromium, openPage, WatchedPage } from './browser';

/** The built web app the gateway serves (root `npm run build` makes it). */
export const WEB_DIST = path.resolve(__dirname, '../../../web/dist');

export interface Workbench {
  /** The gateway's origin, e.g. http://127.0.0.1:41234: the workbench at /, GraphQL at /graphql. */
  origin: string;
  federation: TestFederation;
  browser: Browser;
  /** A fresh browser context, signed in as a demo person through the development sign-in route, at `path`. */
  signedIn(who: DemoStaffKey | DemoCitizenKey | Actor, path?: string, options?: { width?: number }): Promise<WatchedPage>;
  stop(): Promise<void>;
}

/** A demo person as the gateway's session sees them (staff with the demo team). */
export function demoActor(who: DemoStaffKey | DemoCitizenKey | Actor): Actor {
  if (typeof who !== 'string') return who;
  if (who in demoStaff) {
    const s = demoStaff[who as DemoStaffKey];
    return { id: s.id, role: s.role, name: s.name, team: DEMO_TEAM };
  }
  const c = demoCitizens[who as DemoCitizenKey];
  return { id: c.id, role: 'CITIZEN', name: `${c.firstName} ${c.lastName}` };
}

/**
 * The real federation with the seed stories' demo data (every subgraph on its own fresh
 * database, the gateway serving the built workbench), and Debian chromium to drive it.
 */
export async function startWorkbench(): Promise<Workbench> {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(`The workbench is not built (${WEB_DIST}/index.html missing): run \`npm run build\` first`);
  }
  process.env.WORKBENCH_DIR = WEB_DIST;
  // With background work: insights' own consumer reads the demo events, as under `npm start`.
  const federation = await startTestFederation(subgraphs, { background: true });
  try {
    for (const definition of subgraphs) await definition.seedDemo?.(federation.subgraphs[definition.name].dataSource);
    // The dashboard's statistics are insights' (@override): the demo events are in them before any page opens.
    if (federation.subgraphs.insights) await catchUpInsights(federation.subgraphs.insights.dataSource);
    const origin = new URL(federation.url).origin;
    const browser = await launchChromium();
    return {
      origin,
      federation,
      browser,
      async signedIn(who, to = '/', options = {}) {
        const watched = await openPage(browser, options);
        await watched.page.goto(await devSignInUrl(origin, demoActor(who), to));
        return watched;
      },
      async stop() {
        await browser.close().catch(() => undefined);
        await federation.stop();
      },
    };
  } catch (e) {
    await federation.stop();
    throw e;
  }
}
