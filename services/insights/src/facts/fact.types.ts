import { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@jobcenter/kit';

/** An event as the feed serves it; where it sits in the feed (`cursor`) does not matter to the facts. */
export type DomainEvent = Omit<EventEnvelope, 'cursor'>;

/** An event with its citizen's pseudonym (`pid`, null when the event concerns no citizen): internal ids go no further. */
export interface FactEvent extends DomainEvent {
  pid: string | null;
}

/**
 * Event → fact rows, a page at a time (set-based). A handler gets the page's events of its
 * `types`, oldest first (feed order, hence in order per aggregate), de-duplicated by the consumer,
 * and writes them with a few statements (`fact-sql.ts`: INSERT … SELECT FROM unnest … ON
 * CONFLICT). Two rules keep a kill at any point harmless and a rebuild equal:
 * - **the result does not depend on where the feed was cut into pages** (a handler folds its
 *   page from the stored state, so one page of 1000 or 1000 pages of one give the same rows);
 * - **replaying events changes nothing** (upserts keyed by the aggregate's id, or by its id and
 *   the event's time for history rows), besides the consumer's de-duplication by event id.
 * Events of a type that needs a citizen but has none are left out (`needsCitizen`, default true).
 */
export interface FactHandler {
  /** The event types it takes. */
  types: readonly string[];
  /** Whether its events are kept only with a citizen (default true): those without are left out. */
  needsCitizen?: (type: string) => boolean;
  apply(m: EntityManager, events: FactEvent[]): Promise<void>;
}
