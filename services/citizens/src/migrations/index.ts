import { InitialCitizensSchema1795463969863 } from './1795463969863-InitialCitizensSchema';
import { EmergencyAccess1795467560389 } from './1795467560389-EmergencyAccess';
import { EncryptedCpr1795471966525 } from './1795471966525-EncryptedCpr';
import { AssignmentStaffOpenIndex1795473607003 } from './1795473607003-AssignmentStaffOpenIndex';
import { CaseHandover1795900000500 } from './1795900000500-CaseHandover';
import { OutboxEvents1796000000000 } from './1796000000000-OutboxEvents';

/** Every migration of this service, oldest first. Add new ones at the end. */
export const migrations: Function[] = [
  InitialCitizensSchema1795463969863,
  EmergencyAccess1795467560389,
  EncryptedCpr1795471966525,
  AssignmentStaffOpenIndex1795473607003,
  CaseHandover1795900000500,
  OutboxEvents1796000000000,
];
