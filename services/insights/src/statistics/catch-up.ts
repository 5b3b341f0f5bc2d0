import { DataSource } from 'typeorm';
import { serviceRequestHeaders } from '@jobcenter/kit/subgraph-client';
import { createFactsConsumer, EVENT_SOURCES, eventSourceUrls } from '../facts/facts.consumer';

/**
 * Waits until insights' facts hold every event its sources had committed when it was called:
 * each source's feed has nothing after insights' stored cursor. For tests and the benchmark,
 * which must not read the statistics before insights has caught up (the figures are eventually
 * consistent: docs/insights.md). The service's own background consumer does the reading; where
 * none makes progress for `idleMs` (a test whose insights was started without its peers' URLs),
 * the feeds are read here. Returns the seconds it took.
 */
export async function catchUpInsights(
  dataSource: DataSource,
  options: { urls?: Partial<Record<(typeof EVENT_SOURCES)[number], string>>; timeoutMs?: number; idleMs?: number } = {},
): Promise<number> {
  const urls = options.urls ?? eventSourceUrls();
  const started = Date.now();
  let lastProgress = Date.now();
  let lastCursors = '';
  for (;;) {
    const cursors: { source: string; cursor: string }[] = await dataSource.query(`SELECT source, cursor FROM event_cursor ORDER BY source`);
    const behind: string[] = [];
    for (const [name, url] of Object.entries(urls)) {
      const after = cursors.find((c) => c.source === name)?.cursor ?? '';
      const feed = new URL('/events', url!);
      if (after) feed.searchParams.set('after', after);
      feed.searchParams.set('limit', '1');
      const response = await fetch(feed, { headers: await serviceRequestHeaders('insights') });
      if (!response.ok) throw new Error(`${name} event feed answered ${response.status}`);
      const page = (await response.json()) as { events: unknown[] };
      if (page.events.length > 0) behind.push(name);
    }
    if (behind.length === 0) return (Date.now() - started) / 1000;
    const now = JSON.stringify(cursors);
    if (now !== lastCursors) [lastCursors, lastProgress] = [now, Date.now()];
    if (Date.now() - started > (options.timeoutMs ?? 3_600_000)) throw new Error(`insights has not caught up with ${behind.join(', ')}`);
    if (Date.now() - lastProgress > (options.idleMs ?? 3000)) {
      // Nobody is reading: read the feeds here (a background consumer that wakes meanwhile may win a page: read again).
      await createFactsConsumer(dataSource, urls, { batchSize: 1000 })
        .drain()
        .catch(() => undefined);
      lastProgress = Date.now();
    } else {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
