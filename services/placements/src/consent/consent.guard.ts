import { EntityManager } from 'typeorm';
import { conflict } from '@jobcenter/kit';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { Consent } from './consent.entity';
import { consentFor, Recipient } from './consent.rules';

const WHO: Record<Recipient['kind'], string> = { EMPLOYER: 'the company', PROVIDER: 'the provider' };

/**
 * Inside a sharing's transaction: the citizen's consent in force that covers the recipient,
 * its row locked (FOR SHARE) until the transaction ends, so a withdrawal at the same moment
 * waits for the sharing or the sharing sees the withdrawal: never both. CONFLICT saying what is
 * missing otherwise. `what` names the sharing in the message ("share the follow-up notes").
 */
export async function consentInForce(tx: EntityManager, citizenId: string, recipient: Recipient, what: string): Promise<Consent> {
  const rows = await tx
    .getRepository(Consent)
    .createQueryBuilder('c')
    .setLock('pessimistic_read')
    .where('c.citizen_id = :citizenId AND c.withdrawn_at IS NULL', { citizenId })
    .getMany();
  const consent = consentFor(rows, recipient, todayInCopenhagen());
  if (!consent) {
    throw conflict(
      `The citizen has no consent in force to ${what} with ${WHO[recipient.kind]}: record the citizen's consent (samtykke) for it first. ` +
        'A withdrawn or expired consent does not count.',
      { consent: 'MISSING' },
    );
  }
  return consent;
}
