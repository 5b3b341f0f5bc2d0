import { EVENT_CONSUMER_MIGRATIONS } from '@jobcenter/kit';
import { InitialCitizensSchema1795463969863 } from './1795463969863-InitialCitizensSchema';
import { EmergencyAccess1795467560389 } from './1795467560389-EmergencyAccess';
import { EncryptedCpr1795471966525 } from './1795471966525-EncryptedCpr';
import { AssignmentStaffOpenIndex1795473607003 } from './1795473607003-AssignmentStaffOpenIndex';
import { CaseHandover1795900000500 } from './1795900000500-CaseHandover';
import { Notifications1795910000000 } from './1795910000000-Notifications';
import { OutboxEvents1796000000000 } from './1796000000000-OutboxEvents';
import { Messages1796000000200 } from './1796000000200-Messages';
import { RecordExport1797000000400 } from './1797000000400-RecordExport';

/** Every migration of this service, oldest first. Add new ones at the end. */
export const migrations: Function[] = [
  InitialCitizensSchema1795463969863,
  EmergencyAccess1795467560389,
  EncryptedCpr1795471966525,
  AssignmentStaffOpenIndex1795473607003,
  CaseHandover1795900000500,
  Notifications1795910000000,
  OutboxEvents1796000000000,
  // The notification centre consumes the other services' events (processed_event, event_cursor).
  ...EVENT_CONSUMER_MIGRATIONS,
  Messages1796000000200,
  RecordExport1797000000400,
];
