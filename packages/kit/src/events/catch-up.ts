import type { DataSource } from 'typeorm';
import { serviceRequestHeaders } from '../subgraph-client';
import type { FeedPage } from './feed';

/**
 * The sources whose feeds hold events after the consumer's stored cursor (`event_cursor` in the
 * consumer's database): what it has not read yet of what they had committed when asked. `heads`
 * carries each feed's head from one call to the next (filled on first use): until a feed's
 * horizon has passed it, transactions committed by then may still be held back behind an older
 * one on the server (docs/events.md), so the source counts as behind. The feed requests are
 * signed as the consumer (`name`), as its own polls are.
 */
export async function sourcesBehind(
  dataSource: DataSource,
  name: string,
  sources: Record<string, string>,
  heads: Record<string, bigint> = {},
): Promise<string[]> {
  const cursors: { source: string; cursor: string }[] = await dataSource.query(`SELECT source, cursor FROM event_cursor`);
  const behind: string[] = [];
  for (const [source, url] of Object.entries(sources)) {
    const feed = new URL('/events', url);
    const after = cursors.find((c) => c.source === source)?.cursor;
    if (after) feed.searchParams.set('after', after);
    feed.searchParams.set('limit', '1');
    const response = await fetch(feed, { headers: await serviceRequestHeaders(name) });
    if (!response.ok) throw new Error(`${source} event feed answered ${response.status}`);
    const page = (await response.json()) as FeedPage;
    heads[source] ??= BigInt(page.head);
    if (page.events.length > 0 || BigInt(page.horizon) < heads[source]) behind.push(source);
  }
  return behind;
}

/**
 * Waits until a feed consumer has read everything its sources had committed when this was
 * called (tests and the benchmark: nothing is measured while a consumer still works through a
 * backlog). The consumer's own loop does the reading; `whenIdle` is called when its cursors have
 * not moved for `idleMs` (a consumer that is not running), e.g. to read the feeds here. Returns
 * the seconds it took.
 */
export async function waitUntilCaughtUp(
  dataSource: DataSource,
  name: string,
  sources: Record<string, string>,
  options: { timeoutMs?: number; idleMs?: number; whenIdle?: () => Promise<unknown> } = {},
): Promise<number> {
  const started = Date.now();
  let [lastProgress, lastCursors] = [Date.now(), ''];
  const heads: Record<string, bigint> = {};
  for (;;) {
    const behind = await sourcesBehind(dataSource, name, sources, heads);
    if (behind.length === 0) return (Date.now() - started) / 1000;
    const cursors = JSON.stringify(await dataSource.query(`SELECT source, cursor FROM event_cursor ORDER BY source`));
    if (cursors !== lastCursors) [lastCursors, lastProgress] = [cursors, Date.now()];
    if (Date.now() - started > (options.timeoutMs ?? 3_600_000)) throw new Error(`${name} has not caught up with ${behind.join(', ')}`);
    if (options.whenIdle && Date.now() - lastProgress > (options.idleMs ?? 3000)) {
      await options.whenIdle();
      lastProgress = Date.now();
    } else {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
