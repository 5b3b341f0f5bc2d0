import { EVENT_CONSUMER_MIGRATIONS } from '@jobcenter/kit';
import { InsightsFacts1796600000000 } from './1796600000000-InsightsFacts';
import { InsightsReferrals1797000000101 } from './1797000000101-InsightsReferrals';
import { DashboardStatistics1797000000600 } from './1797000000600-DashboardStatistics';
import { SeriesMonthCells1797000000601 } from './1797000000601-SeriesMonthCells';
import { ReferralSeriesMonths1797000000602 } from './1797000000602-ReferralSeriesMonths';
import { NetworkMeetingDue1797000000603 } from './1797000000603-NetworkMeetingDue';
import { PlacementEndRollup1797000000604 } from './1797000000604-PlacementEndRollup';
import { CourseRollup1797000000605 } from './1797000000605-CourseRollup';

/** Every migration of this service, oldest first. Add new ones at the end (`npm run migration:generate -- insights <Name>`). */
export const migrations: Function[] = [
  ...EVENT_CONSUMER_MIGRATIONS,
  InsightsFacts1796600000000,
  InsightsReferrals1797000000101,
  DashboardStatistics1797000000600,
  SeriesMonthCells1797000000601,
  ReferralSeriesMonths1797000000602,
  NetworkMeetingDue1797000000603,
  PlacementEndRollup1797000000604,
  CourseRollup1797000000605,
];
