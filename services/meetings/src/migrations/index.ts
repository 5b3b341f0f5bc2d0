import { InitialMeetingsSchema1795464850782 } from './1795464850782-InitialMeetingsSchema';

/** Every migration of this service, oldest first. Add new ones at the end. */
export const migrations: Function[] = [InitialMeetingsSchema1795464850782];
