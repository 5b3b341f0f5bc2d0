import { addDays } from '@jobcenter/kit/calendar';
import { OfferKind } from '../provider/offer-kind';
import { describeLength, endOfLength, LAB_IN_FORCE, Length, months } from './placement-rules';

/**
 * Legal limits on referrals to offers, as versioned reference data beside the placement rules
 * (same conventions: a referral is judged by the row in force on its start date; when the law
 * changes, add a row with a new `effectiveFrom`, never edit one that has been in force).
 *
 * Today one row: mentor support (mentorstøtte) is agreed for at most 6 months at a time and may
 * be renewed 6 months at a time (LAB § 167). Other kinds of offer have no legal maximum here:
 * their length is the caseworker's decision with the provider.
 */
export interface OfferRule {
  /** Stable code, shown in error messages and on the referral. */
  code: string;
  kind: OfferKind;
  /** Longest agreement period, counted from the start (or from the day after the end a renewal continues). */
  maxLength: Length;
  /** A renewal adds a new period of this length after the current end; absent: no renewal. */
  renewal?: Length;
  effectiveFrom: string;
  source: string;
  description: string;
}

export const OFFER_RULES: readonly OfferRule[] = [
  {
    code: 'LAB-167-MENTOR-6M',
    kind: OfferKind.MENTOR,
    maxLength: months(6),
    renewal: months(6),
    effectiveFrom: LAB_IN_FORCE,
    source: 'LAB § 167',
    description: 'Mentor support (mentorstøtte)',
  },
];

/** The rule in force on `startDate` for this kind of offer; null when the kind has no legal maximum. */
export function offerRuleFor(kind: OfferKind, startDate: string, table: readonly OfferRule[] = OFFER_RULES): OfferRule | null {
  const candidates = table
    .filter((r) => r.kind === kind && r.effectiveFrom <= startDate)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return candidates[0] ?? null;
}

/** The last day an agreement period starting on `agreementStart` may run to (both days included). */
export function agreementMaxEnd(rule: OfferRule, agreementStart: string): string {
  return endOfLength(agreementStart, rule.maxLength);
}

export type ReferralLengthCheck =
  { ok: true; rule: OfferRule | null; endDate: string | null } | { ok: false; rule: OfferRule; message: string; latestEndDate: string };

/**
 * Checks a new referral's dates against the rule in force on its start date. Where a rule limits
 * the length and no end date is given, the agreement runs to the maximum (a mentor agreement is
 * always for a period); a later end date is refused with the rule, its source and the latest day.
 */
export function checkReferralLength(
  kind: OfferKind,
  startDate: string,
  endDate: string | null,
  table: readonly OfferRule[] = OFFER_RULES,
): ReferralLengthCheck {
  const rule = offerRuleFor(kind, startDate, table);
  if (!rule) return { ok: true, rule: null, endDate };
  const latest = agreementMaxEnd(rule, startDate);
  if (endDate === null) return { ok: true, rule, endDate: latest };
  if (endDate <= latest) return { ok: true, rule, endDate };
  const renewal = rule.renewal ? ` It can be renewed ${describeLength(rule.renewal)} at a time when the period ends.` : '';
  return {
    ok: false,
    rule,
    latestEndDate: latest,
    message:
      `${rule.description} (${rule.source}, rule ${rule.code}) may be agreed for at most ${describeLength(rule.maxLength)} at a time: ` +
      `starting ${startDate}, the latest allowed end date is ${latest}.${renewal}`,
  };
}

/** A renewal of an agreement that ends on `currentEnd`: the next period starts the day after and runs `rule.renewal`. */
export function renewedPeriod(rule: OfferRule, currentEnd: string): { agreementStart: string; endDate: string } | null {
  if (!rule.renewal) return null;
  const agreementStart = addDays(currentEnd, 1);
  return { agreementStart, endDate: endOfLength(agreementStart, rule.renewal) };
}

/** How the rule reads for staff, e.g. "6 months, renewed 6 months at a time". */
export function describeOfferRule(rule: OfferRule): { maxLength: string; extension: string | null } {
  return {
    maxLength: describeLength(rule.maxLength),
    extension: rule.renewal ? `renewed ${describeLength(rule.renewal)} at a time` : null,
  };
}
