import { DataSource, EntityManager } from 'typeorm';
import { EventEnvelope, EventFeedConsumer, EventFeedConsumerOptions, settingOf, subgraphUrlSetting } from '@jobcenter/kit';
import { Placement } from '../placement/placement.entity';
import { PlacementKickoff } from './kickoff.entity';
import { KICKOFF_KIND } from './kickoff.rules';

interface MeetingPayload {
  meetingId: string;
  kind: string;
  scheduledAt: string;
  status?: string;
  placementId?: string | null;
}

/**
 * One event from meetings' feed, inside the consumer's transaction (placements' database). A
 * kick-off meeting that names a placement becomes a row of `placement_kickoff`; later events of
 * that meeting (moved, cancelled, its outcome, an amended outcome) update it. A meeting naming a
 * placement that is not here, or another citizen's, is ignored (meetings checks both when it is
 * booked; this is the second lock on the door). Everything else in the feed is skipped, without
 * a statement: every meeting event carries the meeting's kind, fixed when it is booked, and the
 * feed is mostly other meetings (a municipality's 1.2 million meeting events cost one UPDATE each
 * before, which kept a core busy for minutes after a bulk load).
 */
export async function applyMeetingEvent(event: EventEnvelope, tx: EntityManager): Promise<void> {
  const p = event.payload as unknown as MeetingPayload;
  if (p.kind !== KICKOFF_KIND) return;
  const repo = tx.getRepository(PlacementKickoff);
  const changedAt = new Date(event.occurredAt);
  switch (event.type) {
    case 'meeting.scheduled':
    case 'meeting.outcomeRecorded': {
      const status = event.type === 'meeting.scheduled' ? 'PLANNED' : p.status!;
      if (p.placementId && event.citizenId) {
        const placement = await tx.getRepository(Placement).findOneBy({ id: p.placementId });
        if (!placement || placement.citizenId !== event.citizenId) return;
        await repo.upsert(
          {
            meetingId: p.meetingId,
            placementId: p.placementId,
            citizenId: event.citizenId,
            status,
            scheduledAt: new Date(p.scheduledAt),
            changedAt,
          },
          ['meetingId'],
        );
      } else if (event.type === 'meeting.outcomeRecorded') {
        await repo.update({ meetingId: p.meetingId }, { status, changedAt });
      }
      return;
    }
    case 'meeting.rescheduled':
      await repo.update({ meetingId: p.meetingId }, { scheduledAt: new Date(p.scheduledAt), changedAt });
      return;
    case 'meeting.cancelled':
      await repo.update({ meetingId: p.meetingId }, { status: 'CANCELLED', changedAt });
      return;
    default:
      return;
  }
}

/**
 * The kit's feed consumer reading meetings' `/events` into `placement_kickoff` (each page in one
 * transaction of placements' database with `processed_event` and `event_cursor`). It lags
 * meetings by about one poll interval (500 ms) while both run; while
 * meetings is down it lags until meetings is back, and a start is refused meanwhile unless a
 * reason is given (docs/pathways-and-consent.md).
 */
export function createKickoffConsumer(
  dataSource: DataSource,
  meetingsUrl: string,
  options: Partial<Pick<EventFeedConsumerOptions, 'pollIntervalMs' | 'logger' | 'registry'>> = {},
): EventFeedConsumer {
  return new EventFeedConsumer({
    name: 'placements',
    dataSource,
    sources: [{ name: 'meetings', url: meetingsUrl }],
    handle: applyMeetingEvent,
    pollIntervalMs: 500,
    ...options,
  });
}

/** Meetings' URL (MEETINGS_URL; the GraphQL URL, the feed is `/events` beside it); undefined when not set. */
export const meetingsFeedUrl = (): string | undefined => settingOf('MEETINGS_URL', subgraphUrlSetting('meetings', false));
