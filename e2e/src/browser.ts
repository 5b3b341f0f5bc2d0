import { readFileSync } from 'node:fs';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/** Debian's chromium (scripts/ensure-chromium.sh installs it); Playwright's own download is unreachable here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a headless chromium on a closed network, run as root (so no sandbox). */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/**
 * A page that records what the browser complained about: console errors (a CSP refusal among
 * them) and uncaught exceptions, so a test can assert the page ran cleanly.
 */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  problems: string[];
}

export async function openPage(browser: Browser, options: { width?: number; locale?: string } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    locale: options.locale ?? 'da-DK',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return { page, context, problems };
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * axe-core's WCAG 2.1 A/AA rules on the page as it is now; returns the serious and critical
 * violations, described so a failing test says what and where. axe is evaluated through the
 * DevTools protocol (page.evaluate) because the workbench's CSP rightly refuses the inline
 * script tag page.addScriptTag would add.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return (result.violations as any[]).map((v) => ({
      id: v.id as string,
      impact: v.impact as string | null,
      help: v.help as string,
      nodes: (v.nodes as any[]).map((n) => `${(n.target as string[]).join(' ')}: ${n.failureSummary ?? ''}`),
    }));
  }, WCAG_AA);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
