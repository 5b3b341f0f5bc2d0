import { EntityManager } from 'typeorm';
import { pseudonym } from '@jobcenter/kit';
import { citizenFacts, teamFacts } from './citizen.facts';
import { attendanceFacts, meetingFacts } from './meeting.facts';
import { milestoneFacts, scoreFacts } from './plan.facts';
import { placementFacts } from './placement.facts';
import { REFERRAL_EVENT_TYPES, applyReferralEvents } from './referral.facts';
import { statisticsFacts } from '../statistics/statistics.facts';
import type { DomainEvent, FactEvent, FactHandler } from './fact.types';

export type { DomainEvent, FactEvent, FactHandler } from './fact.types';

/**
 * The handlers, applied in this order to each page (each to its own tables; several may take the
 * same type). To add facts, put a `FactHandler` in its own file beside these and add it here:
 * nothing else changes.
 */
export const FACT_HANDLERS: FactHandler[] = [
  citizenFacts,
  teamFacts,
  milestoneFacts,
  scoreFacts,
  meetingFacts,
  attendanceFacts,
  placementFacts,
  // issue 19: referrals to offers (placements), set-based like the rest.
  { types: REFERRAL_EVENT_TYPES, apply: applyReferralEvents },
  // issue 17: the existing statistics fields' rollups (services/insights/src/statistics/).
  statisticsFacts,
];

/** Each type's handlers (a type may feed several: the series' facts and the statistics' rollups), in table order. */
const BY_TYPE = new Map<string, FactHandler[]>();
for (const handler of FACT_HANDLERS) {
  for (const type of new Set(handler.types)) BY_TYPE.set(type, [...(BY_TYPE.get(type) ?? []), handler]);
}

/**
 * Applies a page of events to the facts, in the consumer's transaction (`m`), and moves each
 * source's `asOf` and event count. Types insights does not use are only counted.
 */
export async function applyEvents(m: EntityManager, events: readonly DomainEvent[]): Promise<void> {
  const pages = new Map<FactHandler, FactEvent[]>();
  for (const e of events) {
    const handlers = BY_TYPE.get(e.type);
    if (!handlers) continue;
    const fact: FactEvent = { ...e, pid: e.citizenId ? pseudonym(e.citizenId) : null };
    for (const handler of handlers) {
      if (fact.pid === null && (handler.needsCitizen?.(e.type) ?? true)) continue;
      const page = pages.get(handler) ?? [];
      page.push(fact);
      pages.set(handler, page);
    }
  }
  for (const handler of FACT_HANDLERS) {
    const page = pages.get(handler);
    if (page) await handler.apply(m, page);
  }
  const sources = new Map<string, { newest: string; events: number }>();
  for (const e of events) {
    const s = sources.get(e.source);
    if (!s) sources.set(e.source, { newest: e.occurredAt, events: 1 });
    else [s.newest, s.events] = [Date.parse(e.occurredAt) > Date.parse(s.newest) ? e.occurredAt : s.newest, s.events + 1];
  }
  if (sources.size === 0) return;
  await m.query(
    `INSERT INTO insights_source (source, newest_occurred_at, events)
     SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::bigint[])
     ON CONFLICT (source) DO UPDATE SET newest_occurred_at = GREATEST(insights_source.newest_occurred_at, EXCLUDED.newest_occurred_at),
       events = insights_source.events + EXCLUDED.events`,
    [[...sources.keys()], [...sources.values()].map((s) => s.newest), [...sources.values()].map((s) => s.events)],
  );
}

/** One event (tests that apply events one by one, as a consumer with pages of one would). */
export function applyEvent(m: EntityManager, e: DomainEvent): Promise<void> {
  return applyEvents(m, [e]);
}
