import { EventFeedConsumer } from '@jobcenter/kit';
import type { TestFederation } from '@jobcenter/gateway/testing';
import { DomainEvent, handleNotificationEvent } from '@jobcenter/citizens/notifications/notification.handlers';

/**
 * Runs the notification centre's feed consumer (what `npm start` and the worker process run) over
 * the given subgraphs' /events feeds into the citizens database, until `done` holds for `read()`
 * or 20 s have passed; returns the last `read()`. It reads again rather than once: the feed
 * serves a commit only when no older transaction on the shared test server is open
 * (docs/events.md).
 */
export async function consumeNotices<T>(
  federation: TestFederation,
  sources: string[],
  read: () => Promise<T>,
  done: (value: T) => boolean,
): Promise<T> {
  const consumer = new EventFeedConsumer({
    name: 'citizens',
    dataSource: federation.subgraphs.citizens.dataSource,
    sources: sources.map((name) => ({ name, url: federation.subgraphs[name].url })),
    handle: (event, tx) => handleNotificationEvent(tx, event as DomainEvent),
  });
  for (const deadline = Date.now() + 20_000; ;) {
    await consumer.drain();
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
