import { DataSource } from 'typeorm';
import { waitUntilCaughtUp } from '@jobcenter/kit';
import { createFactsConsumer, EVENT_SOURCES, eventSourceUrls } from '../facts/facts.consumer';

/**
 * Waits until insights' facts hold every event its sources had committed when it was called
 * (kit `waitUntilCaughtUp`). For tests and the benchmark, which must not read the statistics
 * before insights has caught up (the figures are eventually consistent: docs/insights.md). The
 * service's own background consumer does the reading; where none makes progress for `idleMs`
 * (a test whose insights was started without its peers' URLs), the feeds are read here.
 * Returns the seconds it took.
 */
export async function catchUpInsights(
  dataSource: DataSource,
  options: { urls?: Partial<Record<(typeof EVENT_SOURCES)[number], string>>; timeoutMs?: number; idleMs?: number } = {},
): Promise<number> {
  const urls = options.urls ?? eventSourceUrls();
  return waitUntilCaughtUp(dataSource, 'insights', urls as Record<string, string>, {
    ...options,
    // Nobody is reading: read the feeds here (a background consumer that wakes meanwhile may win a page: read again).
    whenIdle: () =>
      createFactsConsumer(dataSource, urls, { batchSize: 1000 })
        .drain()
        .catch(() => undefined),
  });
}
