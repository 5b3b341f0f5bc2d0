import { DataSource } from 'typeorm';
import { EventFeedConsumer, EventFeedConsumerOptions, settingOf, subgraphUrlSetting } from '@jobcenter/kit';
import { applyEvents } from './facts.handlers';

/** The subgraphs whose events insights reads, each by its `<NAME>_URL`. */
export const EVENT_SOURCES = ['citizens', 'plans', 'meetings', 'placements'] as const;
export type EventSourceName = (typeof EVENT_SOURCES)[number];

/**
 * The kit's feed consumer (events/consumer.ts) reading the four subgraphs' `/events` into the fact
 * tables: each page in one transaction of insights' database with `processed_event` and
 * `event_cursor`, handled set-based (`applyEvents`), so a kill at any point loses nothing and
 * handles nothing twice.
 */
export function createFactsConsumer(
  dataSource: DataSource,
  urls: Partial<Record<EventSourceName, string>>,
  options: Partial<Pick<EventFeedConsumerOptions, 'batchSize' | 'pollIntervalMs' | 'logger' | 'registry'>> = {},
): EventFeedConsumer {
  return new EventFeedConsumer({
    name: 'insights',
    dataSource,
    sources: EVENT_SOURCES.filter((name) => urls[name]).map((name) => ({ name, url: urls[name]! })),
    handleBatch: (events, tx) => applyEvents(tx, events),
    pollIntervalMs: 250,
    ...options,
  });
}

const sourceUrl = (name: EventSourceName): string | undefined => settingOf(`${name.toUpperCase()}_URL`, subgraphUrlSetting(name, false));

/** The sources' URLs from the environment now (`CITIZENS_URL`, `PLANS_URL`, …); a source without one is not read. */
export function eventSourceUrls(): Partial<Record<EventSourceName, string>> {
  return Object.fromEntries(EVENT_SOURCES.map((name) => [name, sourceUrl(name)]).filter(([, url]) => url));
}
