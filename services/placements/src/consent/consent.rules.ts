import { ConsentPartyKind } from './consent.enums';

/**
 * When a consent applies, and which one allows a sharing. Plain functions, unit-tested without a
 * database; the same ones decide `Consent.inForce` and the checks before sharing.
 */

export interface ConsentFacts {
  id: string;
  partyKind: ConsentPartyKind;
  companyId: string | null;
  providerId: string | null;
  from: string;
  to: string | null;
  withdrawnAt: Date | null;
}

/**
 * In force on `today` at `now`: begun, not ended, not withdrawn. A withdrawal takes effect at
 * the moment it is recorded (not at midnight), so `now` is compared with `withdrawnAt`.
 */
export function inForce(c: Pick<ConsentFacts, 'from' | 'to' | 'withdrawnAt'>, today: string, now: Date = new Date()): boolean {
  if (c.withdrawnAt && c.withdrawnAt.getTime() <= now.getTime()) return false;
  return c.from <= today && (c.to === null || today <= c.to);
}

/** What a sharing needs a consent for: an employer (the placement's company) or a provider. */
export type Recipient = { kind: 'EMPLOYER'; companyId: string } | { kind: 'PROVIDER'; providerId: string };

/** Party kinds a consent for a provider may have: an association (civil society) or another provider. */
const PROVIDER_KINDS: readonly ConsentPartyKind[] = [ConsentPartyKind.ASSOCIATION, ConsentPartyKind.PROVIDER];

/** Does this consent cover sharing with the recipient (regardless of dates)? */
export function covers(c: ConsentFacts, recipient: Recipient): boolean {
  if (recipient.kind === 'EMPLOYER') return c.partyKind === ConsentPartyKind.EMPLOYER && c.companyId === recipient.companyId;
  return PROVIDER_KINDS.includes(c.partyKind) && c.providerId === recipient.providerId;
}

/** The consent in force that covers the recipient (the one running longest when several do); null if none. */
export function consentFor<T extends ConsentFacts>(
  consents: readonly T[],
  recipient: Recipient,
  today: string,
  now = new Date(),
): T | null {
  const usable = consents.filter((c) => covers(c, recipient) && inForce(c, today, now));
  usable.sort((a, b) => (a.to ?? '9999-12-31').localeCompare(b.to ?? '9999-12-31')).reverse();
  return usable[0] ?? null;
}

export type InputCheck = { ok: true; partyKind: ConsentPartyKind } | { ok: false; field: string; message: string };

/**
 * A consent's input: dates in order (BAD_USER_INPUT at `to`), and a kind that matches what it
 * names: a company only for EMPLOYER, a provider only for PROVIDER or ASSOCIATION. A company
 * given without a kind makes it an EMPLOYER consent; a provider, a PROVIDER one.
 */
export function checkConsentInput(input: {
  partyKind?: ConsentPartyKind | null;
  companyId?: string | null;
  providerId?: string | null;
  from: string;
  to?: string | null;
}): InputCheck {
  if (input.to && input.to < input.from) {
    return { ok: false, field: 'to', message: `to: the last day (${input.to}) is before the first day (${input.from}).` };
  }
  if (input.companyId && input.providerId) {
    return { ok: false, field: 'providerId', message: 'providerId: a consent names a company or a provider, not both.' };
  }
  const partyKind =
    input.partyKind ??
    (input.companyId ? ConsentPartyKind.EMPLOYER : input.providerId ? ConsentPartyKind.PROVIDER : ConsentPartyKind.OTHER);
  if (input.companyId && partyKind !== ConsentPartyKind.EMPLOYER) {
    return { ok: false, field: 'companyId', message: `companyId: only an EMPLOYER consent names a company (this one is ${partyKind}).` };
  }
  if (input.providerId && !PROVIDER_KINDS.includes(partyKind)) {
    return {
      ok: false,
      field: 'providerId',
      message: `providerId: only a PROVIDER or ASSOCIATION consent names a provider (this one is ${partyKind}).`,
    };
  }
  return { ok: true, partyKind };
}
