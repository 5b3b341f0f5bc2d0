import { DataSource } from 'typeorm';
import { createFactsConsumer, eventSourceUrls } from '../facts/facts.consumer';

/**
 * Reads every source's feed into insights' facts until each answers an empty page: afterwards
 * every event committed before the call is in the figures. For tests and the benchmark, which
 * must not read the statistics before insights has caught up (the figures are eventually
 * consistent: docs/insights.md). A background consumer reading the same feeds at the same time
 * may win a page first (the loser's transaction fails on `processed_event`): then it reads again.
 */
export async function catchUpInsights(dataSource: DataSource, urls = eventSourceUrls(), attempts = 20): Promise<number> {
  const consumer = createFactsConsumer(dataSource, urls, { batchSize: 1000 });
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await consumer.drain();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
