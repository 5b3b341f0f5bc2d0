import type { AnyNewEvent } from '@jobcenter/kit';
import type { Referral } from './referral.entity';
import { ReferralStatus } from './referral.enums';

/**
 * The referral events (docs/offers.md, docs/events.md): ids, codes and dates only. The purpose and
 * the free-text outcome stay in this service; the coded `result` is what statistics use.
 */
type ReferralFacts = Pick<Referral, 'id' | 'citizenId' | 'providerId' | 'kind' | 'status' | 'startDate' | 'endDate' | 'milestoneId'>;

export const referralCreated = (r: ReferralFacts, civilSociety: boolean): AnyNewEvent => ({
  type: 'referral.created',
  aggregateId: r.id,
  citizenId: r.citizenId,
  payload: {
    referralId: r.id,
    providerId: r.providerId,
    kind: r.kind,
    status: r.status,
    startDate: r.startDate,
    endDate: r.endDate,
    civilSociety,
    milestoneId: r.milestoneId,
  },
});

/** A status change, from the referral as it is after it: an ended referral's `endDate` is the day it actually ended. */
export const referralStatusChanged = (
  r: ReferralFacts & Pick<Referral, 'endedOn' | 'result'>,
  previousStatus: ReferralStatus,
): AnyNewEvent => ({
  type: 'referral.statusChanged',
  aggregateId: r.id,
  citizenId: r.citizenId,
  payload: {
    referralId: r.id,
    providerId: r.providerId,
    kind: r.kind,
    status: r.status,
    previousStatus,
    startDate: r.startDate,
    endDate: r.endedOn ?? r.endDate,
    result: r.result,
  },
});

export const referralRenewed = (
  r: Pick<Referral, 'id' | 'citizenId' | 'kind'>,
  endDate: string,
  previousEndDate: string | null,
): AnyNewEvent => ({
  type: 'referral.renewed',
  aggregateId: r.id,
  citizenId: r.citizenId,
  payload: { referralId: r.id, kind: r.kind, endDate, previousEndDate },
});

const REACHED: Record<ReferralStatus, ReferralStatus[]> = {
  PROPOSED: [],
  ACTIVE: [ReferralStatus.ACTIVE],
  COMPLETED: [ReferralStatus.ACTIVE, ReferralStatus.COMPLETED],
  CANCELLED: [ReferralStatus.CANCELLED],
};

/**
 * The events of a referral loaded as it stands (the demo seed): created as PROPOSED, then each
 * step to its status. A referral called off after a start (it has `endedOn`) passes through ACTIVE.
 */
export function referralHistory(r: ReferralFacts & Pick<Referral, 'endedOn' | 'result'>, civilSociety: boolean): AnyNewEvent[] {
  const steps = r.status === ReferralStatus.CANCELLED && r.endedOn ? [ReferralStatus.ACTIVE, ReferralStatus.CANCELLED] : REACHED[r.status];
  const events = [referralCreated({ ...r, status: ReferralStatus.PROPOSED }, civilSociety)];
  let previous = ReferralStatus.PROPOSED;
  for (const status of steps) {
    const ended = status === ReferralStatus.COMPLETED || status === ReferralStatus.CANCELLED;
    events.push(referralStatusChanged({ ...r, status, endedOn: ended ? r.endedOn : null, result: ended ? r.result : null }, previous));
    previous = status;
  }
  return events;
}
