import { EntityManager } from 'typeorm';
import { recordKey } from '@jobcenter/kit';
import type { EventEnvelope } from '@jobcenter/kit';

/**
 * Referral events (placements: offers, docs/offers.md) → `insights_referral`, one row per
 * referral. Idempotent like every handler: an upsert keyed by the referral id, so a replay gives
 * the same row. The series REFERRALS_ACTIVE and REFERRALS_ENDED read it (series.sql.ts).
 */
type DomainEvent = Omit<EventEnvelope, 'cursor'>;
type ReferralHandler = (m: EntityManager, e: DomainEvent, pid: string | null) => Promise<void>;

const value = (e: DomainEvent, field: string): string | null => (e.payload[field] == null ? null : String(e.payload[field]));

async function referral(m: EntityManager, e: DomainEvent, pid: string) {
  const referralId = String(e.payload.referralId);
  const status = String(e.payload.status);
  await m.query(
    `INSERT INTO insights_referral (referral_id, pid, record_key, kind, start_date, end_date, status, was_active, result)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (referral_id) DO UPDATE SET
       kind = EXCLUDED.kind,
       start_date = EXCLUDED.start_date,
       end_date = EXCLUDED.end_date,
       status = EXCLUDED.status,
       was_active = insights_referral.was_active OR EXCLUDED.was_active,
       result = EXCLUDED.result`,
    [
      referralId,
      pid,
      recordKey(referralId),
      String(e.payload.kind),
      String(e.payload.startDate),
      value(e, 'endDate'),
      status,
      status === 'ACTIVE',
      value(e, 'result'),
    ],
  );
}

export const REFERRAL_HANDLERS: Record<string, ReferralHandler> = {
  'referral.created': (m, e, pid) => referral(m, e, pid!),
  'referral.statusChanged': (m, e, pid) => referral(m, e, pid!),
  'referral.renewed': async (m, e) => {
    await m.query(`UPDATE insights_referral SET end_date = $2 WHERE referral_id = $1`, [
      String(e.payload.referralId),
      String(e.payload.endDate),
    ]);
  },
};
