import { EVENT_CONSUMER_MIGRATIONS } from '@jobcenter/kit';
import { InsightsFacts1796600000000 } from './1796600000000-InsightsFacts';
import { InsightsReferrals1797000000101 } from './1797000000101-InsightsReferrals';

/** Every migration of this service, oldest first. Add new ones at the end (`npm run migration:generate -- insights <Name>`). */
export const migrations: Function[] = [...EVENT_CONSUMER_MIGRATIONS, InsightsFacts1796600000000, InsightsReferrals1797000000101];
