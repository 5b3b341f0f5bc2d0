import { EVENT_CONSUMER_MIGRATIONS } from '@jobcenter/kit';
import { InitialPlacementsSchema1795465314982 } from './1795465314982-InitialPlacementsSchema';
import { OutboxEvents1796000000000 } from './1796000000000-OutboxEvents';
import { Offers1797000000100 } from './1797000000100-Offers';
import { Pathways1797000000200 } from './1797000000200-Pathways';
import { Consents1797000000202 } from './1797000000202-Consents';

/** Every migration of this service, oldest first. Add new ones at the end. */
export const migrations: Function[] = [
  InitialPlacementsSchema1795465314982,
  OutboxEvents1796000000000,
  // processed_event and event_cursor: placements reads meetings' feed for held kick-offs (pathway/kickoff.consumer.ts).
  ...EVENT_CONSUMER_MIGRATIONS,
  Offers1797000000100,
  // Pathways: continuesPlacementId, the reason to start without a kick-off, the held kick-offs.
  Pathways1797000000200,
  // Consents (samtykker) and the disclosures made under them.
  Consents1797000000202,
];
