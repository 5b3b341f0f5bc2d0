import { InitialMeetingsSchema1795464850782 } from './1795464850782-InitialMeetingsSchema';
import { OutboxEvents1796000000000 } from './1796000000000-OutboxEvents';
import { AgreementsAsTasks1796000000100 } from './1796000000100-AgreementsAsTasks';
import { MeetingPlacement1797000000201 } from './1797000000201-MeetingPlacement';

/** Every migration of this service, oldest first. Add new ones at the end. */
export const migrations: Function[] = [
  InitialMeetingsSchema1795464850782,
  OutboxEvents1796000000000,
  AgreementsAsTasks1796000000100,
  // A meeting may name the placement it is about (its kick-off): pathways, issue 19.
  MeetingPlacement1797000000201,
];
