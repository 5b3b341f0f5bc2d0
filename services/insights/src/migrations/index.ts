import { InsightsFacts1796600000000 } from './1796600000000-InsightsFacts';

/** Every migration of this service, oldest first. Add new ones at the end. */
export const migrations: Function[] = [InsightsFacts1796600000000];
