import type { EntityManager } from 'typeorm';
import { cancelPending, insertNotification, reschedulePending } from './notification.store';
import { channelFor, dueSoonTime, reminderTime, respectQuietHours } from './notification.rules';
import { NotificationKind } from './notification.content';

/** An event as the feeds serve it (docs/events.md, the outbox envelope). */
export interface DomainEvent {
  id: string;
  source: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  citizenId: string | null;
  occurredAt: string;
  schemaVersion: number;
  payload: Record<string, any>;
}

/** The event types the notification centre listens to, by source. */
export const NOTIFICATION_EVENTS: Record<string, readonly string[]> = {
  meetings: [
    'meeting.scheduled',
    'meeting.rescheduled',
    'meeting.cancelled',
    'meeting.outcomeRecorded',
    'agreement.recorded',
    'agreement.statusChanged',
  ],
  plans: ['milestone.added', 'milestone.statusChanged', 'report.shared'],
  citizens: ['message.sent'],
};

const OPEN_MILESTONE = new Set(['PLANNED', 'IN_PROGRESS', 'REVISED']);
const reminderKey = (meetingId: string) => `meeting-reminder:${meetingId}`;
const dueKey = (kind: string, id: string) => `${kind}-due:${id}`;

interface Recipient {
  channel: string;
  /** Why nothing is sent, for IN_PERSON. */
  none?: string;
}

/** The citizen's channel now (from their preferredContact); null when the citizen is unknown here. */
async function recipientOf(tx: EntityManager, citizenId: string): Promise<Recipient | null> {
  const [row]: { preferredContact: string }[] = await tx.query(
    `SELECT preferred_contact AS "preferredContact" FROM citizen WHERE id = $1`,
    [citizenId],
  );
  if (!row) return null;
  const channel = channelFor(row.preferredContact);
  if (channel) return { channel };
  return { channel: row.preferredContact, none: 'Borgeren ønsker personlig kontakt: ingen besked sendt. Fortæl det ved næste kontakt.' };
}

async function notify(
  tx: EntityManager,
  event: DomainEvent,
  kind: NotificationKind,
  options: { at: Date; subjectType: string; subjectId: string; deadline?: string | null; dedupeKey?: string },
): Promise<void> {
  if (!event.citizenId) return;
  const recipient = await recipientOf(tx, event.citizenId);
  if (!recipient) return;
  await insertNotification(tx, {
    citizenId: event.citizenId,
    kind,
    channel: recipient.channel,
    status: recipient.none ? 'CANCELLED' : 'PENDING',
    failure: recipient.none,
    subjectType: options.subjectType,
    subjectId: options.subjectId,
    deadline: options.deadline,
    dedupeKey: options.dedupeKey,
    eventId: event.id,
    sendAfter: respectQuietHours(options.at, recipient.channel),
  });
}

/** A reminder for a citizen-owned milestone or agreement, or its cancellation once it is done or dropped. */
async function dueSoon(tx: EntityManager, event: DomainEvent, kind: 'MILESTONE_DUE' | 'AGREEMENT_DUE', id: string, now: Date) {
  const p = event.payload;
  const key = dueKey(kind === 'MILESTONE_DUE' ? 'milestone' : 'agreement', id);
  const open = kind === 'MILESTONE_DUE' ? OPEN_MILESTONE.has(p.status) : (p.status ?? 'OPEN') === 'OPEN';
  const at = p.deadline ? dueSoonTime(p.deadline, now) : null;
  if (p.responsible !== 'CITIZEN' || !open || !at) {
    await cancelPending(tx, key, 'Ikke længere aktuel (status, frist eller ansvar ændret).');
    return;
  }
  await keepPending(tx, event, kind, {
    at,
    subjectType: kind === 'MILESTONE_DUE' ? 'milestone' : 'agreement',
    subjectId: id,
    deadline: p.deadline,
    dedupeKey: key,
  });
}

/** The one pending notice with this key moves to `at` (a moved meeting, a changed deadline), or is made. */
async function keepPending(
  tx: EntityManager,
  event: DomainEvent,
  kind: NotificationKind,
  options: { at: Date; subjectType: string; subjectId: string; deadline?: string | null; dedupeKey: string },
): Promise<void> {
  const recipient = event.citizenId ? await recipientOf(tx, event.citizenId) : null;
  if (recipient && (await reschedulePending(tx, options.dedupeKey, respectQuietHours(options.at, recipient.channel), options.deadline)))
    return;
  await notify(tx, event, kind, options);
}

/**
 * Turns one event into notification rows, in the consumer's transaction (idempotent: the
 * notification's event id is unique per kind, and reminders are keyed by their subject).
 */
export async function handleNotificationEvent(tx: EntityManager, event: DomainEvent, now = new Date()): Promise<void> {
  const p = event.payload;
  switch (event.type) {
    case 'meeting.scheduled':
    case 'meeting.rescheduled': {
      const at = new Date(p.scheduledAt);
      if (at.getTime() < now.getTime()) return; // registered afterwards: nobody needs telling
      const kind = event.type === 'meeting.scheduled' ? 'MEETING_BOOKED' : 'MEETING_MOVED';
      await notify(tx, event, kind, { at: now, subjectType: 'meeting', subjectId: p.meetingId });
      const remindAt = reminderTime(at, now);
      if (!remindAt) {
        await cancelPending(tx, reminderKey(p.meetingId), 'Mødet er under et døgn fra nu.');
        return;
      }
      await keepPending(tx, event, 'MEETING_REMINDER', {
        at: remindAt,
        subjectType: 'meeting',
        subjectId: p.meetingId,
        dedupeKey: reminderKey(p.meetingId),
      });
      return;
    }
    case 'meeting.cancelled': {
      await cancelPending(tx, reminderKey(p.meetingId), 'Mødet er aflyst.');
      if (new Date(p.scheduledAt).getTime() > now.getTime()) {
        await notify(tx, event, 'MEETING_CANCELLED', { at: now, subjectType: 'meeting', subjectId: p.meetingId });
      }
      return;
    }
    case 'meeting.outcomeRecorded':
      // Held, no-show or excused: a reminder still waiting has nothing left to remind of.
      await cancelPending(tx, reminderKey(p.meetingId), 'Mødet er afholdt eller registreret.');
      return;
    case 'milestone.added':
    case 'milestone.statusChanged':
      await dueSoon(tx, event, 'MILESTONE_DUE', p.milestoneId, now);
      return;
    case 'agreement.recorded':
    case 'agreement.statusChanged':
      await dueSoon(tx, event, 'AGREEMENT_DUE', p.agreementId, now);
      return;
    case 'message.sent':
      // Only staff's messages reach the citizen; the citizen's own go to the team's digest.
      if (p.fromRole === 'CITIZEN') return;
      await notify(tx, event, 'NEW_MESSAGE', { at: now, subjectType: 'message', subjectId: p.messageId });
      return;
    case 'report.shared':
      // A status or final report is the citizen's to read (and comment on) from now on.
      await notify(tx, event, 'REPORT_SHARED', { at: now, subjectType: 'report', subjectId: p.reportId });
      return;
    default:
      return;
  }
}
