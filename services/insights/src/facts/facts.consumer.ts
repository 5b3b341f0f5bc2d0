import { DataSource } from 'typeorm';
import { EventFeedConsumer, EventFeedConsumerOptions, settingOf, subgraphUrlSetting } from '@jobcenter/kit';
import { applyEvent } from './facts.handlers';

/** The subgraphs whose events insights reads, each by its `<NAME>_URL`. */
export const EVENT_SOURCES = ['citizens', 'plans', 'meetings', 'placements'] as const;

/**
 * The kit's feed consumer (events/consumer.ts) reading the four subgraphs' `/events` into the fact
 * tables: each page in one transaction of insights' database with `processed_event` and
 * `event_cursor`, so a kill at any point loses nothing and handles nothing twice.
 */
export function createFactsConsumer(
  dataSource: DataSource,
  urls: Partial<Record<(typeof EVENT_SOURCES)[number], string>>,
  options: Partial<Pick<EventFeedConsumerOptions, 'batchSize' | 'pollIntervalMs' | 'logger' | 'registry'>> = {},
): EventFeedConsumer {
  return new EventFeedConsumer({
    name: 'insights',
    dataSource,
    sources: EVENT_SOURCES.filter((name) => urls[name]).map((name) => ({ name, url: urls[name]! })),
    handle: (event, tx) => applyEvent(tx, event),
    pollIntervalMs: 250,
    ...options,
  });
}

/** The sources' URLs from the environment (`CITIZENS_URL`, `PLANS_URL`, …); a source without one is not read. */
export function eventSourceUrls(): Partial<Record<(typeof EVENT_SOURCES)[number], string>> {
  return Object.fromEntries(
    EVENT_SOURCES.map((name) => [name, settingOf(`${name.toUpperCase()}_URL`, subgraphUrlSetting(name, false))]).filter(([, url]) => url),
  );
}
