import { InitialMeetingsSchema1795464850782 } from './1795464850782-InitialMeetingsSchema';
import { OutboxEvents1796000000000 } from './1796000000000-OutboxEvents';

/** Every migration of this service, oldest first. Add new ones at the end. */
export const migrations: Function[] = [InitialMeetingsSchema1795464850782, OutboxEvents1796000000000];
