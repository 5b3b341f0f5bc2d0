import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '@jobcenter/kit/logger';
import { subgraphClient } from '@jobcenter/kit';
import { revealCpr } from '../cpr/cpr.storage';
import { Citizen } from '../citizen/citizen.entity';
import { StaffMember } from '../staff/staff-member.entity';
import { Channel, DeliveryError, OutgoingMessage } from './channels/channel';
import { DigestCounts, MeetingDetails, render } from './notification.content';
import { claimNext, markAttemptFailed, markSent, NotificationRow } from './notification.store';
import { isPermanent, respectQuietHours, retryDelayMs } from './notification.rules';

export interface WorkerOptions {
  dataSource: DataSource;
  channels: Partial<Record<'EMAIL' | 'SMS' | 'LETTER', Channel>>;
  /** The workbench's address; links in notices go to `<url>/min-plan`. */
  workbenchUrl: string;
  maxAttempts: number;
  retryBaseMs: number;
  logger?: Logger;
  /** Looks a meeting's time, place and staff up in the meetings service (default: subgraphClient). */
  meetingNotice?: (id: string) => Promise<MeetingNoticeData | null>;
  now?: () => Date;
}

export interface MeetingNoticeData {
  kind: string;
  status: string;
  scheduledAt: string;
  durationMinutes: number;
  location: string | null;
  staffIds: string[];
}

const MEETING_NOTICE = `query($id: ID!) { meetingNotice(id: $id) { kind status scheduledAt durationMinutes location staffIds } }`;

export function meetingNoticeFromService(): (id: string) => Promise<MeetingNoticeData | null> {
  const meetings = subgraphClient('citizens', 'meetings');
  return async (id) => (await meetings.query<{ meetingNotice: MeetingNoticeData | null }>(MEETING_NOTICE, { id })).meetingNotice;
}

/**
 * Delivers due notifications, one row per transaction: claim (FOR UPDATE SKIP LOCKED), look the
 * details up, send, mark SENT, commit. The row stays locked while it is sent, so two workers never
 * send the same notice, and a worker killed mid-delivery rolls back: the row is PENDING again and
 * is sent by the next worker (the SMTP server drops a message whose DATA never completed). The one
 * window left is between the receiver's "250 OK" and our COMMIT (milliseconds); see
 * docs/notifications.md.
 */
export function notificationWorker(options: WorkerOptions) {
  const now = options.now ?? (() => new Date());
  const meetingNotice = options.meetingNotice ?? meetingNoticeFromService();
  const link = new URL('/min-plan', options.workbenchUrl).toString();
  const digestLink = new URL('/digest', options.workbenchUrl).toString();

  async function addressOf(tx: EntityManager, row: NotificationRow): Promise<string> {
    if (row.staffId) {
      const staff = await tx.getRepository(StaffMember).findOne({ where: { id: row.staffId } });
      if (!staff?.email) throw new DeliveryError('Medarbejderen har ingen e-mailadresse.', true);
      return staff.email;
    }
    const citizen = await tx.getRepository(Citizen).findOne({ where: { id: row.citizenId! } });
    if (!citizen) throw new DeliveryError('Borgeren findes ikke længere.', true);
    if (row.channel === 'EMAIL') {
      if (!citizen.email) throw new DeliveryError('Borgeren har ingen e-mailadresse registreret.', true);
      return citizen.email;
    }
    if (row.channel === 'SMS') {
      if (!citizen.phone) throw new DeliveryError('Borgeren har intet telefonnummer registreret.', true);
      return citizen.phone;
    }
    // Digital Post addresses a person by CPR number.
    return revealCpr(citizen);
  }

  async function meetingOf(tx: EntityManager, id: string): Promise<MeetingDetails> {
    const notice = await meetingNotice(id);
    if (!notice) throw new DeliveryError('Mødet findes ikke længere.', true);
    const staff = notice.staffIds.length
      ? await tx.getRepository(StaffMember).find({ where: notice.staffIds.map((sid) => ({ id: sid })) })
      : [];
    return {
      kind: notice.kind,
      scheduledAt: new Date(notice.scheduledAt),
      durationMinutes: notice.durationMinutes,
      location: notice.location,
      staff: notice.staffIds.map((sid) => staff.find((s) => s.id === sid)?.name).filter((n): n is string => !!n),
    };
  }

  async function compose(tx: EntityManager, row: NotificationRow): Promise<OutgoingMessage> {
    const to = await addressOf(tx, row);
    const meeting = row.subjectType === 'meeting' && row.kind !== 'MEETING_CANCELLED' ? await meetingOf(tx, row.subjectId!) : undefined;
    const digest = row.kind === 'STAFF_DIGEST' ? (row.details as unknown as DigestCounts) : null;
    const content = render(row.kind, { link: digest ? digestLink : link, meeting, deadline: row.deadline, digest });
    return { id: row.id, to, ...content };
  }

  /** Claims and delivers one due notification; false when none is due. */
  async function deliverOne(): Promise<boolean> {
    return options.dataSource.transaction(async (tx) => {
      const row = await claimNext(tx, now());
      if (!row) return false;
      const channel = options.channels[row.channel as 'EMAIL' | 'SMS' | 'LETTER'];
      try {
        if (!channel) throw new DeliveryError(`Kanalen ${row.channel} er ikke sat op.`, true);
        await channel.send(await compose(tx, row));
        await markSent(tx, row.id, now());
        options.logger?.info({ notification: row.id, kind: row.kind, channel: row.channel }, 'notification sent');
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const attempts = row.attempts + 1;
        const permanent = isPermanent(error as { responseCode?: number; permanent?: boolean });
        const retryAt =
          permanent || attempts >= options.maxAttempts
            ? null
            : respectQuietHours(new Date(now().getTime() + retryDelayMs(attempts, options.retryBaseMs)), row.channel);
        await markAttemptFailed(tx, row.id, reason, retryAt);
        options.logger?.warn(
          { notification: row.id, attempts, retryAt, reason },
          retryAt ? 'notification will be retried' : 'notification failed',
        );
      }
      return true;
    });
  }

  /** Delivers everything due now; resolves how many rows it handled. */
  async function runOnce(limit = 1_000): Promise<number> {
    let handled = 0;
    while (handled < limit && (await deliverOne())) handled += 1;
    return handled;
  }

  /** Polls every `pollMs` until stopped. */
  function start(pollMs: number): { stop(): Promise<void> } {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<unknown> = Promise.resolve();
    const tick = () => {
      running = runOnce()
        .catch((error) => options.logger?.error({ err: error }, 'notification worker round failed'))
        .finally(() => {
          if (!stopped) timer = setTimeout(tick, pollMs);
        });
    };
    tick();
    return {
      async stop() {
        stopped = true;
        clearTimeout(timer);
        await running;
      },
    };
  }

  return { deliverOne, runOnce, start };
}
