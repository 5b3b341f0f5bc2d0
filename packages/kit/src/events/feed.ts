import type { DataSource } from 'typeorm';
import type { Express, Request, Response } from 'express';
import type { Logger } from 'pino';
import { GATEWAY_ASSERTION_HEADER, SERVICE_ROLE, verifyGatewayAssertion } from '../identity';
import { EventEnvelope } from './catalogue';

/** The most events one feed page holds (`limit` is 1..MAX_FEED_LIMIT; default 500). */
export const MAX_FEED_LIMIT = 1000;
const DEFAULT_FEED_LIMIT = 500;

export interface FeedPage {
  events: EventEnvelope[];
  /** Pass as `after` to read on; equal to `after` when nothing new was served. */
  next: string;
  /**
   * The page's snapshot as transaction ids (decimal strings): every transaction below `horizon`
   * has ended and is served; `head` is the next id to be given out. A transaction that commits
   * while an older one on the server still runs is held back until `horizon` passes it, so "has
   * a consumer read everything committed at time T" is: no events after its cursor, and
   * `horizon` at or past the `head` seen at T (kit `waitUntilCaughtUp`).
   */
  horizon: string;
  head: string;
}

/** The opaque cursor `<xid>.<position>`; the empty cursor is the beginning. */
const CURSOR = /^(\d{1,20})\.(\d{1,20})$/;

export class CursorError extends Error {}

function parseCursor(cursor: string | undefined): [string, string] {
  if (!cursor) return ['0', '0'];
  const match = CURSOR.exec(cursor);
  if (!match) throw new CursorError("after must be a cursor this feed gave (next or an event's cursor)");
  return [match[1], match[2]];
}

interface OutboxRow {
  position_text: string;
  xid_text: string;
  id: string;
  source: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  citizen_id: string | null;
  occurred_at: Date;
  schema_version: number;
  payload: Record<string, unknown>;
}

/**
 * A page of the outbox after `after`, oldest first, of FINISHED transactions only.
 *
 * Order is (transaction id, position). Only rows whose transaction id is below the xmin of the
 * current snapshot are served: every transaction below it has ended (committed rows are
 * visible, rolled-back ones never will be), and every transaction still running, or yet to
 * write, has an id at or above it. So once a cursor has passed (x, p), no row can later appear
 * before it: a slow transaction holds the feed back until it ends instead of being skipped.
 */
export async function readEventFeed(dataSource: DataSource, after: string | undefined, limit = DEFAULT_FEED_LIMIT): Promise<FeedPage> {
  const [xid, position] = parseCursor(after);
  // One snapshot for the rows and the horizon reported with them.
  return dataSource.transaction('REPEATABLE READ', async (tx) => {
    const rows: OutboxRow[] = await tx.query(
      `SELECT "position"::text AS position_text, "xid"::text AS xid_text, "id", "source", "type", "aggregate_type", "aggregate_id", "citizen_id", "occurred_at", "schema_version", "payload"
       FROM "outbox_event"
      WHERE ("xid", "position") > ($1::xid8, $2::bigint) AND "xid" < pg_snapshot_xmin(pg_current_snapshot())
      ORDER BY "xid", "position"
      LIMIT $3`,
      [xid, position, Math.min(Math.max(1, limit), MAX_FEED_LIMIT)],
    );
    const events = rows.map((row): EventEnvelope => ({
      id: row.id,
      source: row.source,
      type: row.type,
      aggregateType: row.aggregate_type,
      aggregateId: row.aggregate_id,
      citizenId: row.citizen_id,
      occurredAt: row.occurred_at.toISOString(),
      schemaVersion: row.schema_version,
      payload: row.payload,
      cursor: `${row.xid_text}.${row.position_text}`,
    }));
    const [snapshot] = (await tx.query(
      `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon, pg_snapshot_xmax(pg_current_snapshot())::text AS head`,
    )) as { horizon: string; head: string }[];
    return { events, next: events.at(-1)?.cursor ?? (after || '0.0'), ...snapshot };
  });
}

/** Whether the request carries a valid internal service assertion (the one subgraphClient signs). */
export async function isServiceRequest(req: Request, secret: string): Promise<boolean> {
  const assertion = req.headers[GATEWAY_ASSERTION_HEADER];
  if (typeof assertion !== 'string') return false;
  const verified = await verifyGatewayAssertion(assertion, secret).catch(() => undefined);
  return verified?.actor.role === SERVICE_ROLE;
}

/**
 * GET /events?after=<cursor>&limit=<1..1000> on a subgraph's own port: its outbox, for other
 * services only (a service assertion; anything else is 401). The answer is
 * `{ events: [envelope...], next }` (docs/events.md).
 */
export function mountEventFeed(app: Express, options: { dataSource: DataSource; secret: string; logger: Logger }): void {
  app.get('/events', async (req, res: Response) => {
    res.setHeader('cache-control', 'no-store');
    if (!(await isServiceRequest(req, options.secret))) {
      res.status(401).json({ error: 'The event feed answers only other services of this system.' });
      return;
    }
    const after = typeof req.query.after === 'string' ? req.query.after : undefined;
    const limitText = typeof req.query.limit === 'string' ? req.query.limit : undefined;
    const limit = limitText === undefined ? DEFAULT_FEED_LIMIT : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_FEED_LIMIT) {
      res.status(400).json({ error: `limit must be a whole number from 1 to ${MAX_FEED_LIMIT}` });
      return;
    }
    try {
      res.json(await readEventFeed(options.dataSource, after, limit));
    } catch (error) {
      if (error instanceof CursorError) {
        res.status(400).json({ error: error.message });
        return;
      }
      options.logger.error({ err: error }, 'event feed failed');
      res.status(503).json({ error: 'The event feed is unavailable right now; try again shortly.' });
    }
  });
}
