import type { Page } from 'playwright-core';
import { seriousAxeViolations } from './browser';

/** axe-core finds no serious or critical WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

/** The page's main heading (h1) text. */
export async function heading(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).first().textContent())?.trim() ?? '';
}

/** YYYY-MM-DD of today plus `days`, in Danish time. */
export function dayFromToday(days: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date(Date.now() + days * 86_400_000));
}
