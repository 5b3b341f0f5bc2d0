import { InitialPlansSchema1795464583993 } from './1795464583993-InitialPlansSchema';
import { ProgressionSummary1795500000000 } from './1795500000000-ProgressionSummary';
import { OutboxEvents1796000000000 } from './1796000000000-OutboxEvents';
import { CitizensVoice1796100000000 } from './1796100000000-CitizensVoice';
import { CaseReports1797000000300 } from './1797000000300-CaseReports';
import { ReferralReports1797000000310 } from './1797000000310-ReferralReports';

/** Every migration of this service, oldest first. Add new ones at the end. */
export const migrations: Function[] = [
  InitialPlansSchema1795464583993,
  ProgressionSummary1795500000000,
  OutboxEvents1796000000000,
  CitizensVoice1796100000000,
  CaseReports1797000000300,
  ReferralReports1797000000310,
];
