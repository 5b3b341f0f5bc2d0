import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readEventFeed, recordEvent, OutboxMisuse, EventEnvelope, FeedPage } from '../src/events';
import { serviceRequestHeaders } from '../src/subgraph-client';
import { gatewayHeadersFor, startTestSubgraph, TestSubgraph } from '../src/testing';
import { outboxSubgraph } from './fixtures/outbox-subgraph';

const lead = { id: randomUUID(), role: 'TEAM_LEAD' as const, name: 'Lead', team: 'Nord' };
const ADD = `mutation ($team: String!, $fail: Boolean) { addStaff(team: $team, fail: $fail) }`;

let subgraph: TestSubgraph;
let feedUrl: string;

beforeAll(async () => {
  subgraph = await startTestSubgraph(outboxSubgraph);
  feedUrl = new URL('/events', subgraph.url).toString();
});
afterAll(() => subgraph.stop());

async function feed(after = '', limit = 1000): Promise<FeedPage> {
  const response = await fetch(`${feedUrl}?after=${encodeURIComponent(after)}&limit=${limit}`, {
    headers: await serviceRequestHeaders('test'),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as FeedPage;
}

/** Every event after `after`, page by page. */
async function readAll(after = ''): Promise<{ events: EventEnvelope[]; next: string }> {
  const events: EventEnvelope[] = [];
  let cursor = after;
  for (;;) {
    const page = await feed(cursor, 2);
    events.push(...page.events);
    if (page.events.length === 0) return { events, next: page.next };
    cursor = page.next;
  }
}

/**
 * The feed waits for every older transaction of the whole PostgreSQL server (other test files
 * share it), so what a test has committed shows up once those have ended: read until it does.
 */
async function readAtLeast(count: number, after = ''): Promise<{ events: EventEnvelope[]; next: string }> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const result = await readAll(after);
    if (result.events.length >= count || Date.now() > deadline) return result;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('outbox', () => {
  it('writes an event exactly when its change commits', async () => {
    const { next: start } = await readAll();
    const ok = await subgraph.as(lead, ADD, { team: 'Nord' });
    expect(ok.errors).toBeUndefined();
    const failed = await subgraph.as(lead, ADD, { team: 'Syd', fail: true });
    expect(failed.errors).toBeDefined();

    const { events } = await readAtLeast(1, start);
    expect(events.map((e) => e.aggregateId)).toEqual([ok.data.addStaff]);
    const [event] = events;
    expect(event).toMatchObject({
      source: 'citizens',
      type: 'staff.created',
      aggregateType: 'staff',
      citizenId: null,
      schemaVersion: 1,
      payload: { staffId: ok.data.addStaff, role: 'CASEWORKER', team: 'Nord' },
    });
    expect(Date.parse(event.occurredAt)).toBeGreaterThan(Date.now() - 60_000);
    const [{ n }] = await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM "staff" WHERE "team" = 'Syd'`);
    expect(n).toBe(0);
  });

  it('refuses to write outside a transaction or with a payload the catalogue does not allow', async () => {
    const id = randomUUID();
    const event = {
      type: 'staff.created' as const,
      aggregateId: id,
      citizenId: null,
      payload: { staffId: id, role: 'CASEWORKER', team: 'Nord' },
    };
    await expect(recordEvent(subgraph.dataSource.manager, event)).rejects.toThrow(OutboxMisuse);
    await expect(
      subgraph.dataSource.transaction((tx) =>
        recordEvent(tx, { ...event, payload: { ...event.payload, name: 'Karen Jensen' } as typeof event.payload }),
      ),
    ).rejects.toThrow(/name is not in the catalogue/);
    await expect(
      subgraph.dataSource.transaction((tx) => recordEvent(tx, { ...event, payload: { ...event.payload, role: 'called her on 12345678' } })),
    ).rejects.toThrow(/role is not a valid code/);
    await expect(subgraph.dataSource.transaction((tx) => recordEvent(tx, { ...event, citizenId: randomUUID() }))).rejects.toThrow(
      /citizenId must be null/,
    );
  });
});

describe('feed', () => {
  it('answers only other services (401 for users, forged and missing credentials)', async () => {
    expect((await fetch(feedUrl)).status).toBe(401);
    expect((await fetch(feedUrl, { headers: await gatewayHeadersFor(lead) })).status).toBe(401);
    const forged = await serviceRequestHeaders('test', randomUUID(), 'not-the-secret-not-the-secret-not-the-secret');
    expect((await fetch(feedUrl, { headers: forged })).status).toBe(401);
    const ok = await fetch(`${feedUrl}?limit=1`, { headers: await serviceRequestHeaders('test') });
    expect(ok.status).toBe(200);
    const bad = await fetch(`${feedUrl}?limit=5000`, { headers: await serviceRequestHeaders('test') });
    expect(bad.status).toBe(400);
    const badCursor = await fetch(`${feedUrl}?after=abc`, { headers: await serviceRequestHeaders('test') });
    expect(badCursor.status).toBe(400);
  });

  it('never skips a slow transaction: it holds the feed back until it ends', async () => {
    const { next: start } = await readAll();
    const slowId = randomUUID();
    const slow = subgraph.dataSource.createQueryRunner();
    await slow.connect();
    await slow.startTransaction();
    try {
      // The slow transaction writes first (its transaction id is the lower one) and stays open.
      await recordEvent(slow.manager, {
        type: 'staff.created',
        aggregateId: slowId,
        citizenId: null,
        payload: { staffId: slowId, role: 'CASEWORKER', team: 'Slow' },
      });
      const fast = await subgraph.as(lead, ADD, { team: 'Fast' });
      expect(fast.errors).toBeUndefined();

      // Committed, but behind a transaction still open: not served yet, and the cursor stays.
      const held = await readAll(start);
      expect(held.events).toEqual([]);
      expect(held.next).toBe(start || '0.0');
      // The page says so: its horizon is still below the head, which is past both writers.
      const heldPage = await feed(held.next);
      const [{ slowXid }] = await slow.query(`SELECT pg_current_xact_id()::text AS "slowXid"`);
      expect(BigInt(heldPage.horizon)).toBeLessThanOrEqual(BigInt(slowXid));
      expect(BigInt(heldPage.head)).toBeGreaterThan(BigInt(slowXid) + 1n);

      await slow.commitTransaction();
      const after = await readAtLeast(2, held.next);
      expect(after.events.map((e) => e.payload.team)).toEqual(['Slow', 'Fast']);
      // A later read from the same place serves nothing twice.
      expect((await readAll(after.next)).events).toEqual([]);
    } finally {
      if (slow.isTransactionActive) await slow.rollbackTransaction();
      await slow.release();
    }
  });

  it('serves the events of a rolled-back slow transaction never, and the others once it ended', async () => {
    const { next: start } = await readAll();
    const slow = subgraph.dataSource.createQueryRunner();
    await slow.connect();
    await slow.startTransaction();
    const id = randomUUID();
    await recordEvent(slow.manager, {
      type: 'staff.created',
      aggregateId: id,
      citizenId: null,
      payload: { staffId: id, role: 'CASEWORKER', team: 'Gone' },
    });
    await subgraph.as(lead, ADD, { team: 'Kept' });
    expect((await readAll(start)).events).toEqual([]);
    await slow.rollbackTransaction();
    await slow.release();
    expect((await readAtLeast(1, start)).events.map((e) => e.payload.team)).toEqual(['Kept']);
  });

  it('keeps one aggregate in order: a transaction that began before a committed event of the aggregate is refused', async () => {
    const id = randomUUID();
    const early = subgraph.dataSource.createQueryRunner();
    await early.connect();
    await early.startTransaction();
    try {
      // The early transaction takes its id now, by writing something else first.
      await early.query(`INSERT INTO "staff" ("id", "team") VALUES ($1, 'Early')`, [randomUUID()]);
      await subgraph.dataSource.transaction((tx) =>
        recordEvent(tx, {
          type: 'staff.created',
          aggregateId: id,
          citizenId: null,
          payload: { staffId: id, role: 'CASEWORKER', team: 'Late' },
        }),
      );
      await expect(
        recordEvent(early.manager, {
          type: 'staff.created',
          aggregateId: id,
          citizenId: null,
          payload: { staffId: id, role: 'TEAM_LEAD', team: 'Early' },
        }),
      ).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    } finally {
      await early.rollbackTransaction();
      await early.release();
    }
  });

  it('pages with limit and resumes from any event cursor', async () => {
    for (const team of ['P1', 'P2', 'P3']) await subgraph.as(lead, ADD, { team });
    const all = (await readAtLeast(3)).events;
    const page = await readEventFeed(subgraph.dataSource, '', 2);
    expect(page.events.map((e) => e.id)).toEqual(all.slice(0, 2).map((e) => e.id));
    const rest = await readEventFeed(subgraph.dataSource, all[1].cursor, 1000);
    expect(rest.events.map((e) => e.id)).toEqual(all.slice(2).map((e) => e.id));
  });
});
