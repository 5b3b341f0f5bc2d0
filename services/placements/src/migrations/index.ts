import { InitialPlacementsSchema1795465314982 } from './1795465314982-InitialPlacementsSchema';

/** Every migration of this service, oldest first. Add new ones at the end. */
export const migrations: Function[] = [InitialPlacementsSchema1795465314982];
