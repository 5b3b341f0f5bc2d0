import type { EntityManager } from 'typeorm';
import { NotificationKind } from './notification.content';

/** A notification row as the worker and the API read it. */
export interface NotificationRow {
  id: string;
  citizenId: string | null;
  staffId: string | null;
  kind: NotificationKind;
  channel: string;
  status: 'PENDING' | 'SENT' | 'FAILED' | 'CANCELLED';
  subjectType: string | null;
  subjectId: string | null;
  deadline: string | null;
  /** Counts of a staff digest (no personal data). */
  details: Record<string, number> | null;
  createdAt: Date;
  sendAfter: Date;
  sentAt: Date | null;
  attempts: number;
  failure: string | null;
}

const COLUMNS = `id, citizen_id AS "citizenId", staff_id AS "staffId", kind, channel, status, subject_type AS "subjectType",
  subject_id AS "subjectId", to_char(deadline, 'YYYY-MM-DD') AS deadline, details, created_at AS "createdAt", send_after AS "sendAfter",
  sent_at AS "sentAt", attempts, failure`;

/** TypeORM answers an UPDATE … RETURNING with `[rows, rowCount]`, an INSERT or SELECT with the rows. */
const returned = (result: unknown[]): unknown[] => (Array.isArray(result[0]) ? (result[0] as unknown[]) : result);

export interface NewNotification {
  citizenId?: string | null;
  staffId?: string | null;
  kind: NotificationKind;
  channel: string;
  status?: 'PENDING' | 'CANCELLED';
  subjectType?: string;
  subjectId?: string;
  deadline?: string | null;
  details?: Record<string, number>;
  dedupeKey?: string;
  eventId?: string;
  sendAfter: Date;
  failure?: string;
}

/**
 * Records a notification; nothing when this event already made one of this kind, or when a
 * pending one with the same key is waiting (idempotent: an event delivered twice adds nothing).
 */
export async function insertNotification(tx: EntityManager, n: NewNotification): Promise<boolean> {
  const rows: unknown[] = await tx.query(
    `INSERT INTO notification (citizen_id, staff_id, kind, channel, status, subject_type, subject_id, deadline, dedupe_key, event_id, send_after, failure, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT DO NOTHING RETURNING id`,
    [
      n.citizenId ?? null,
      n.staffId ?? null,
      n.kind,
      n.channel,
      n.status ?? 'PENDING',
      n.subjectType ?? null,
      n.subjectId ?? null,
      n.deadline ?? null,
      n.status === 'CANCELLED' ? null : (n.dedupeKey ?? null),
      n.eventId ?? null,
      n.sendAfter,
      n.failure ?? null,
      n.details ?? null,
    ],
  );
  return rows.length > 0;
}

/** Cancels the pending notification with this key (a cancelled meeting's reminder). */
export async function cancelPending(tx: EntityManager, dedupeKey: string, reason: string): Promise<number> {
  const rows = returned(
    await tx.query(
      `UPDATE notification SET status = 'CANCELLED', failure = $2, dedupe_key = NULL WHERE dedupe_key = $1 AND status = 'PENDING' RETURNING id`,
      [dedupeKey, reason],
    ),
  );
  return rows.length;
}

/** Moves the pending notification with this key; false when there is none. */
export async function reschedulePending(tx: EntityManager, dedupeKey: string, sendAfter: Date, deadline?: string | null): Promise<boolean> {
  const rows = returned(
    await tx.query(
      `UPDATE notification SET send_after = $2, deadline = COALESCE($3, deadline) WHERE dedupe_key = $1 AND status = 'PENDING' RETURNING id`,
      [dedupeKey, sendAfter, deadline ?? null],
    ),
  );
  return rows.length > 0;
}

/**
 * The next due notification, locked for this transaction; SKIP LOCKED lets any number of workers
 * run side by side without taking the same row. The lock is held while the notice is sent, so if
 * the worker dies the transaction rolls back, the row is PENDING again and another worker takes it.
 */
export async function claimNext(tx: EntityManager, now: Date): Promise<NotificationRow | null> {
  const rows: NotificationRow[] = await tx.query(
    `SELECT ${COLUMNS} FROM notification WHERE status = 'PENDING' AND send_after <= $1 ORDER BY send_after, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
    [now],
  );
  return rows[0] ?? null;
}

export async function markSent(tx: EntityManager, id: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE notification SET status = 'SENT', sent_at = $2, attempts = attempts + 1, failure = NULL, dedupe_key = NULL WHERE id = $1`,
    [id, now],
  );
}

/** A failed attempt: retried at `retryAt`, or FAILED for good with the reason when `retryAt` is null. */
export async function markAttemptFailed(tx: EntityManager, id: string, reason: string, retryAt: Date | null): Promise<void> {
  await tx.query(
    retryAt
      ? `UPDATE notification SET attempts = attempts + 1, failure = $2, send_after = $3 WHERE id = $1`
      : `UPDATE notification SET attempts = attempts + 1, failure = $2, status = 'FAILED', dedupe_key = NULL WHERE id = $1`,
    retryAt ? [id, reason.slice(0, 500), retryAt] : [id, reason.slice(0, 500)],
  );
}

/** A person's notifications, newest first. */
export async function notificationsOf(tx: EntityManager, citizenIds: readonly string[]): Promise<NotificationRow[]> {
  return tx.query(
    `SELECT * FROM (SELECT ${COLUMNS}, row_number() OVER (PARTITION BY citizen_id ORDER BY created_at DESC, id DESC) AS n
       FROM notification WHERE citizen_id = ANY($1)) newest WHERE n <= 200 ORDER BY "createdAt" DESC, id DESC`,
    [citizenIds],
  );
}
