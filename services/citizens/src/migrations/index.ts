import { InitialCitizensSchema1795463969863 } from './1795463969863-InitialCitizensSchema';
import { EmergencyAccess1795467560389 } from './1795467560389-EmergencyAccess';

/** Every migration of this service, oldest first. Add new ones at the end. */
export const migrations: Function[] = [InitialCitizensSchema1795463969863, EmergencyAccess1795467560389];
