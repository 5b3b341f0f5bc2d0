import { DataSource, In } from 'typeorm';
import { groupedBy } from '@jobcenter/kit';
import { Meeting } from '../meeting/meeting.entity';
import { MeetingKind } from '../meeting/meeting.enums';

/** Kick-off meetings of each placement, newest first: one statement per batch of placements. */
export const kickoffsByPlacement = (dataSource: DataSource) =>
  groupedBy<Meeting>(
    (m) => m.placementId!,
    (ids) =>
      dataSource.getRepository(Meeting).find({
        where: { placementId: In(ids), kind: MeetingKind.PLACEMENT_KICKOFF },
        order: { scheduledAt: 'DESC', createdAt: 'DESC' },
      }),
  );
