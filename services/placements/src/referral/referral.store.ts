import { EntityManager } from 'typeorm';
import { badUserInput, conflict, notFound, recordEvent } from '@jobcenter/kit';
import { offerRuleFor, renewedPeriod } from '../rules/offer-rules';
import { ReferralRenewal } from './referral-renewal.entity';
import { Referral } from './referral.entity';
import { ReferralResult, ReferralStatus } from './referral.enums';
import { referralRenewed, referralStatusChanged } from './referral.events';
import { endedOnFor, mayMove, moveRefusal, RENEWABLE, resultRefusal } from './referral.rules';
import { Provider } from '../provider/provider.entity';
import { consentInForce } from '../consent/consent.guard';
import { DisclosureKind } from '../consent/consent.enums';
import { Disclosure } from '../consent/disclosure.entity';

/**
 * Consent (issue 19): a referral to a civil-society provider (an association, volunteers) shares
 * the citizen's situation with people outside the public sector, so it becomes ACTIVE only under
 * the citizen's consent in force for that provider (CONFLICT otherwise, e.g. right after a
 * withdrawal), and the sharing is recorded as a disclosure naming the consent. Other providers
 * work under the municipality's own authority and need none here.
 */
async function shareWithCivilSociety(tx: EntityManager, referral: Referral, by: string): Promise<void> {
  const provider = await tx.getRepository(Provider).findOneBy({ id: referral.providerId });
  if (!provider?.civilSociety) return;
  const consent = await consentInForce(tx, referral.citizenId, { kind: 'PROVIDER', providerId: provider.id }, `share the referral`);
  await tx.getRepository(Disclosure).insert({
    citizenId: referral.citizenId,
    consentId: consent.id,
    what: DisclosureKind.REFERRAL,
    placementId: null,
    referralId: referral.id,
    companyId: null,
    providerId: provider.id,
    contact: provider.contact?.slice(0, 200) ?? null,
    followUpIds: [],
    disclosedBy: by,
  });
}

/** The referral's row, locked for the rest of the transaction, so two changes at once are applied one after the other. */
async function lockedReferral(tx: EntityManager, id: string): Promise<Referral> {
  const referral = await tx.getRepository(Referral).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!referral) throw notFound('Referral', id);
  return referral;
}

export interface StatusChange {
  to: ReferralStatus;
  outcome: string | null;
  result: ReferralResult | null;
  today: string;
  /** Who makes the change: recorded on the disclosure when a civil-society referral starts. */
  by?: string;
}

/**
 * THE one place a referral's status changes (every caller goes through here), inside the
 * caller's transaction: the row is locked, the move checked against the lifecycle (CONFLICT
 * otherwise), the status, outcome, result and actual end day written, and the event recorded.
 *
 * Checks that must hold before a referral becomes ACTIVE belong here, after the lifecycle check
 * and before the UPDATE. (Consent, issue 19: a referral to a civil-society provider needs the
 * citizen's consent in force before it becomes ACTIVE; the pathways helper adds that check here.)
 */
export async function changeReferralStatus(tx: EntityManager, id: string, change: StatusChange): Promise<Referral> {
  const resultProblem = resultRefusal(change.to, change.result);
  if (resultProblem) throw badUserInput(resultProblem, 'result');
  const current = await lockedReferral(tx, id);
  if (!mayMove(current.status, change.to)) throw conflict(moveRefusal(current.status, change.to));
  if (change.to === ReferralStatus.ACTIVE) await shareWithCivilSociety(tx, current, change.by ?? current.createdBy);
  const ends = change.to === ReferralStatus.COMPLETED || change.to === ReferralStatus.CANCELLED;
  await tx.getRepository(Referral).update(
    { id },
    {
      status: change.to,
      ...(change.outcome !== null ? { outcome: change.outcome } : {}),
      ...(ends ? { result: change.result, endedOn: endedOnFor(current, change.today) } : {}),
    },
  );
  const moved = await tx.getRepository(Referral).findOneByOrFail({ id });
  await recordEvent(tx, referralStatusChanged(moved, current.status));
  return moved;
}

/**
 * Renews the agreement of a PROPOSED or ACTIVE referral whose kind the rules limit (a mentor
 * agreement: 6 more months from the day after the current end, LAB § 167). CONFLICT for a kind
 * without a renewal rule or a referral that has ended.
 */
export async function renewReferralAgreement(tx: EntityManager, id: string, decidedBy: string): Promise<Referral> {
  const current = await lockedReferral(tx, id);
  if (!RENEWABLE.includes(current.status)) {
    throw conflict(`A referral that is ${current.status} cannot be renewed; only ${RENEWABLE.join(' or ')} referrals can.`);
  }
  const rule = offerRuleFor(current.kind, current.startDate);
  const period = rule && current.endDate ? renewedPeriod(rule, current.endDate) : null;
  if (!rule || !period || !current.endDate) {
    throw conflict(
      `A ${current.kind} referral has no agreement period that the rules renew; only referrals with a renewal rule (mentor support, LAB § 167) are renewed.`,
    );
  }
  await tx.getRepository(ReferralRenewal).insert({
    referralId: id,
    previousEndDate: current.endDate,
    newEndDate: period.endDate,
    decidedBy,
  });
  await tx.getRepository(Referral).update({ id }, { endDate: period.endDate, agreementStart: period.agreementStart });
  await recordEvent(tx, referralRenewed(current, period.endDate, current.endDate));
  return tx.getRepository(Referral).findOneByOrFail({ id });
}
