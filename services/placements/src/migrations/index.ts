import { InitialPlacementsSchema1795465314982 } from './1795465314982-InitialPlacementsSchema';
import { OutboxEvents1796000000000 } from './1796000000000-OutboxEvents';
import { Offers1797000000100 } from './1797000000100-Offers';

/** Every migration of this service, oldest first. Add new ones at the end. */
export const migrations: Function[] = [InitialPlacementsSchema1795465314982, OutboxEvents1796000000000, Offers1797000000100];
