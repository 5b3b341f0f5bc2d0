import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AnyNewEvent, EventFeedConsumer, readEventFeed, recordEvents } from '@jobcenter/kit';
import { startTestSubgraph, TestSubgraph } from '@jobcenter/kit/testing';
import { citizensSubgraph } from '@jobcenter/citizens';
import { applyEvent } from '@jobcenter/insights/facts/handlers';
import { createFactsConsumer } from '@jobcenter/insights/facts/consumer';
import { insightsSubgraph } from '@jobcenter/insights';

/**
 * The facts consumer against a real feed: events in the citizens subgraph's outbox (written with
 * the kit's recordEvents, as its write paths do), read over HTTP from its /events by the kit's
 * EventFeedConsumer into insights' database. Killed in the middle of a page, restarted, its read
 * model equals one rebuilt from scratch on a fresh database.
 */
let citizens: TestSubgraph;
let insights: TestSubgraph;
let rebuilt: TestSubgraph;

beforeAll(async () => {
  citizens = await startTestSubgraph(citizensSubgraph);
  insights = await startTestSubgraph(insightsSubgraph);
  rebuilt = await startTestSubgraph(insightsSubgraph);
});
afterAll(async () => {
  for (const s of [rebuilt, insights, citizens]) await s?.stop();
});

/** 120 citizens' registrations, caseworker assignments, status and target-group changes, in 40 transactions. */
async function produce(): Promise<number> {
  let count = 0;
  for (let t = 0; t < 40; t += 1) {
    const events: AnyNewEvent[] = [];
    for (let i = 0; i < 3; i += 1) {
      const citizenId = randomUUID();
      const assignmentId = randomUUID();
      events.push(
        {
          type: 'citizen.registered',
          aggregateId: citizenId,
          citizenId,
          payload: { targetGroup: 'JOB_READY', status: 'ACTIVE', enrolledAt: '2025-01-15', birthYear: 1980 + ((t + i) % 30) },
        } as AnyNewEvent,
        {
          type: 'assignment.started',
          aggregateId: assignmentId,
          citizenId,
          payload: { assignmentId, staffId: randomUUID(), role: 'CASEWORKER', team: `Team ${t % 3}`, from: '2025-01-15' },
        } as AnyNewEvent,
      );
      if (i === 1)
        events.push({
          type: 'citizen.statusChanged',
          aggregateId: citizenId,
          citizenId,
          payload: { status: 'PAUSED', previousStatus: 'ACTIVE' },
        } as AnyNewEvent);
      if (i === 2) {
        events.push({
          type: 'citizen.targetGroupChanged',
          aggregateId: citizenId,
          citizenId,
          payload: { targetGroup: 'SICKNESS_BENEFIT', previousTargetGroup: 'JOB_READY' },
        } as AnyNewEvent);
      }
    }
    await citizens.dataSource.transaction((m) => recordEvents(m, events));
    count += events.length;
  }
  // The feed serves a transaction once every older one on the server has ended (docs/events.md):
  // with other suites writing to the same PostgreSQL, wait until all of these are served, or
  // the pages below would be cut short at that horizon rather than at 50.
  for (const deadline = Date.now() + 30_000; ;) {
    if ((await readEventFeed(citizens.dataSource, '', 1000)).events.length >= count) return count;
    if (Date.now() > deadline) throw new Error(`the feed did not serve all ${count} events within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every fact table and the consumer's bookkeeping, in a fixed order: the read model as a value. */
async function readModel(db: DataSource): Promise<Record<string, unknown[]>> {
  const tables: Record<string, string> = {
    insights_citizen: 'pid',
    insights_citizen_state: 'pid, valid_from',
    insights_team: 'assignment_id',
    insights_source: 'source',
    processed_event: 'id',
  };
  const model: Record<string, unknown[]> = {};
  for (const [table, order] of Object.entries(tables)) {
    const columns = table === 'processed_event' ? 'id, source' : '*';
    model[table] = await db.query(`SELECT ${columns} FROM ${table} ORDER BY ${order}`);
  }
  return model;
}

describe('the facts consumer', () => {
  it('killed in the middle of a page and restarted, ends with the same read model as a rebuild from scratch', async () => {
    const produced = await produce();
    const source = { name: 'citizens', url: citizens.url };
    // A consumer that dies at its 137th event, inside a page's transaction (as a kill would), and stays dead.
    let handled = 0;
    const dying = new EventFeedConsumer({
      name: 'insights',
      dataSource: insights.dataSource,
      sources: [source],
      batchSize: 50,
      handle: async (event, tx) => {
        handled += 1;
        if (handled >= 137) throw new Error('killed'); // dead from here on
        await applyEvent(tx, event);
      },
    });
    await expect(dying.drain()).rejects.toThrow('killed');
    const [{ count: before }] = await insights.dataSource.query(`SELECT COUNT(*)::int AS count FROM processed_event`);
    // Pages of 50: two committed, the third rolled back with its cursor.
    expect(before).toBe(100);

    // Restarted: it goes on from its cursor.
    const restarted = createFactsConsumer(insights.dataSource, { citizens: citizens.url }, { batchSize: 50 });
    expect(await restarted.drain()).toBe(produced - 100);
    // Delivered again (a cursor lost, say): nothing changes twice.
    await insights.dataSource.query(`DELETE FROM event_cursor`);
    await createFactsConsumer(insights.dataSource, { citizens: citizens.url }, { batchSize: 200 }).drain();

    // The rebuild: a fresh database, every event from the start, in pages of another size.
    const rebuild = createFactsConsumer(rebuilt.dataSource, { citizens: citizens.url }, { batchSize: 333 });
    expect(await rebuild.drain()).toBe(produced);

    const [a, b] = [await readModel(insights.dataSource), await readModel(rebuilt.dataSource)];
    expect(a.insights_citizen).toHaveLength(120);
    // A change in the registering transaction has its time: it amends that period rather than opening one.
    const states = a.insights_citizen_state as { status: string; target_group: string }[];
    expect(states).toHaveLength(120);
    expect(states.filter((r) => r.status === 'PAUSED')).toHaveLength(40);
    expect(states.filter((r) => r.target_group === 'SICKNESS_BENEFIT')).toHaveLength(40);
    // `events` counts deliveries handled, which are the same in both.
    expect(a).toEqual(b);
  });

  // The lag itself is measured by the benchmark (docs/performance.md); this only shows that the
  // running consumer picks up each new commit on its own, with no drain called.
  it('keeps up: the running consumer brings each new event into the read model', async () => {
    const consumer = createFactsConsumer(insights.dataSource, { citizens: citizens.url });
    consumer.start();
    try {
      for (let i = 0; i < 10; i += 1) {
        const citizenId = randomUUID();
        await citizens.dataSource.transaction((m) =>
          recordEvents(m, [
            {
              type: 'citizen.registered',
              aggregateId: citizenId,
              citizenId,
              payload: { targetGroup: 'JOB_READY', status: 'ACTIVE', enrolledAt: '2026-01-05', birthYear: 1990 },
            } as AnyNewEvent,
          ]),
        );
        for (const deadline = Date.now() + 60_000; ;) {
          const [{ n }] = await insights.dataSource.query(`SELECT COUNT(*)::int AS n FROM insights_citizen`);
          if (n === 121 + i) break;
          if (Date.now() > deadline) throw new Error(`event ${i + 1} of 10 was not in the read model within a minute`);
          await new Promise((r) => setTimeout(r, 20));
        }
      }
      expect(consumer.status()[0]).toMatchObject({ source: 'citizens', caughtUp: true, failures: 0 });
    } finally {
      await consumer.stop();
    }
  });
});
