import { InitialInsightsSchema1796619789348 } from './1796619789348-InitialInsightsSchema';

/** Every migration of this service, oldest first. Add new ones at the end (`npm run migration:generate -- insights <Name>`). */
export const migrations: Function[] = [InitialInsightsSchema1796619789348];
