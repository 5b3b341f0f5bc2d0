import type { DataSource } from 'typeorm';
import { EventFeedConsumer, subgraphUrlVariable } from '@jobcenter/kit';
import { setting, settingOf, subgraphUrlSetting } from '@jobcenter/kit/config';
import type { Logger } from '@jobcenter/kit/logger';
import { Channel } from './channels';
import { DomainEvent, handleNotificationEvent, NOTIFICATION_EVENTS } from './notification.handlers';
import { notificationWorker } from './notification.worker';
import { digestSourcesFromServices, prepareDailyDigest } from './digest';

/** The services whose events make notices, and whose look-ups the worker makes (meetings). */
export const NOTIFICATION_SOURCES = Object.keys(NOTIFICATION_EVENTS);

export interface NotificationCentreOptions {
  /** The citizens database. */
  dataSource: DataSource;
  channels: Partial<Record<'EMAIL' | 'SMS' | 'LETTER', Channel>>;
  logger?: Logger;
  /** Feed URLs by source; default `<SOURCE>_URL` (the subgraphs' GraphQL URLs; the feed is `/events` beside it). */
  sourceUrls?: Record<string, string>;
}

/**
 * The notification centre: an event consumer (meetings, plans, citizens feeds → notification rows,
 * idempotent by event id, in the citizens database) and the delivery worker. Runs in the worker
 * process (worker.main.ts) or in `npm start`.
 */
export function startNotificationCentre(options: NotificationCentreOptions) {
  const sources = NOTIFICATION_SOURCES.map((name) => {
    const url = options.sourceUrls?.[name] ?? settingOf(subgraphUrlVariable(name), subgraphUrlSetting(name, false));
    if (!url) throw new Error(`${subgraphUrlVariable(name)} is not set: the notification centre reads the ${name} event feed.`);
    return { name, url };
  });
  const consumer = new EventFeedConsumer({
    name: 'citizens',
    dataSource: options.dataSource,
    sources,
    handle: (event, tx) => handleNotificationEvent(tx, event as DomainEvent),
    pollIntervalMs: setting('NOTIFY_POLL_MS'),
    logger: options.logger,
  });
  const worker = notificationWorker({
    dataSource: options.dataSource,
    channels: options.channels,
    workbenchUrl: setting('NOTIFY_WORKBENCH_URL'),
    maxAttempts: setting('NOTIFY_MAX_ATTEMPTS'),
    retryBaseMs: setting('NOTIFY_RETRY_BASE_MS'),
    logger: options.logger,
  });
  consumer.start();
  const delivery = worker.start(setting('NOTIFY_POLL_MS'));
  // The staff digest: looked at every minute, made once a day from 07:00 Copenhagen time.
  const digestSources = digestSourcesFromServices();
  const digest = setInterval(() => {
    prepareDailyDigest(options.dataSource, digestSources).catch((error) =>
      options.logger?.error({ err: error }, 'daily digest failed; tried again'),
    );
  }, 60_000);
  return {
    consumer,
    worker,
    async stop() {
      clearInterval(digest);
      await consumer.stop();
      await delivery.stop();
      for (const channel of Object.values(options.channels)) await channel?.close?.();
    },
  };
}
