import { EntityManager } from 'typeorm';
import { recordKey } from '@jobcenter/kit';
import type { EventEnvelope } from '@jobcenter/kit';

/**
 * Referral events (placements: offers, docs/offers.md) → `insights_referral`, one pseudonymous row
 * per referral, read by the series REFERRALS_ACTIVE and REFERRALS_ENDED (series.sql.ts).
 *
 * Set-based: `applyReferralEvents` takes a page of referral events in feed order, folds them per
 * referral and writes each referral once (an upsert from arrays), so the result does not depend
 * on where pages are cut and a replay changes nothing: status, dates and result are the last
 * ones seen; `was_active` is kept once true (a referral called off while under way still ran).
 */
export const REFERRAL_EVENT_TYPES = ['referral.created', 'referral.statusChanged', 'referral.renewed'] as const;

/** An event of the feed with the citizen's pseudonym (null without a citizen). */
export type ReferralFactEvent = Omit<EventEnvelope, 'cursor'> & { pid: string | null };

interface Folded {
  pid: string | null;
  /** Set when the page has a created/statusChanged event for the referral: the row is written whole. */
  state?: { kind: string; startDate: string; status: string; result: string | null };
  endDate: string | null;
  wasActive: boolean;
}

const str = (e: ReferralFactEvent, field: string): string | null => (e.payload[field] == null ? null : String(e.payload[field]));

export async function applyReferralEvents(m: EntityManager, events: readonly ReferralFactEvent[]): Promise<void> {
  const byReferral = new Map<string, Folded>();
  for (const e of events) {
    if (!(REFERRAL_EVENT_TYPES as readonly string[]).includes(e.type)) continue;
    const id = String(e.payload.referralId);
    const folded = byReferral.get(id) ?? { pid: e.pid, endDate: null, wasActive: false };
    folded.pid ??= e.pid;
    folded.endDate = str(e, 'endDate');
    if (e.type !== 'referral.renewed') {
      const status = String(e.payload.status);
      folded.state = { kind: String(e.payload.kind), startDate: String(e.payload.startDate), status, result: str(e, 'result') };
      folded.wasActive ||= status === 'ACTIVE';
    }
    byReferral.set(id, folded);
  }
  const whole = [...byReferral].filter(([, f]) => f.state && f.pid);
  const renewedOnly = [...byReferral].filter(([, f]) => !f.state);
  if (whole.length) {
    const column = <T>(pick: (id: string, f: Folded) => T) => whole.map(([id, f]) => pick(id, f));
    await m.query(
      `INSERT INTO insights_referral (referral_id, pid, record_key, kind, start_date, end_date, status, was_active, result)
       SELECT * FROM unnest($1::uuid[], $2::char(32)[], $3::smallint[], $4::varchar[], $5::date[], $6::date[], $7::varchar[], $8::boolean[], $9::varchar[])
       ON CONFLICT (referral_id) DO UPDATE SET
         kind = EXCLUDED.kind,
         start_date = EXCLUDED.start_date,
         end_date = EXCLUDED.end_date,
         status = EXCLUDED.status,
         was_active = insights_referral.was_active OR EXCLUDED.was_active,
         result = EXCLUDED.result`,
      [
        column((id) => id),
        column((_, f) => f.pid),
        column((id) => recordKey(id)),
        column((_, f) => f.state!.kind),
        column((_, f) => f.state!.startDate),
        column((_, f) => f.endDate),
        column((_, f) => f.state!.status),
        column((_, f) => f.wasActive),
        column((_, f) => f.state!.result),
      ],
    );
  }
  if (renewedOnly.length) {
    await m.query(
      `UPDATE insights_referral r SET end_date = u.end_date
       FROM unnest($1::uuid[], $2::date[]) AS u(referral_id, end_date) WHERE r.referral_id = u.referral_id`,
      [renewedOnly.map(([id]) => id), renewedOnly.map(([, f]) => f.endDate)],
    );
  }
}
