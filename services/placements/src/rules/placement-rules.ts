import { PlacementKind } from '../placement/placement.enums';
import { TargetGroup } from '../target-group/target-group';
import { lastDayOfMonths, lastDayOfWeeks } from '@jobcenter/kit/calendar';

/**
 * The legal maximum lengths of placements, as versioned reference data: the only place in the
 * code with these numbers. A placement is checked against the row in force on its start date
 * (the newest row whose `effectiveFrom` is on or before it). When the law changes, add rows
 * with the new `effectiveFrom`; never edit a row that has been in force, so old placements keep
 * being judged by the rules of their day.
 *
 * Lengths are calendar periods with both ends included: 4 weeks from Monday 5 January ends on
 * Sunday 1 February; 6 months from 1 January ends on 30 June.
 *
 * ORDINARY_JOB and FLEXJOB have no row: there is no legal maximum, so `maxEndDate` of such a
 * placement is its own end date and they can be extended freely.
 */

export type LengthUnit = 'WEEKS' | 'MONTHS';
export interface Length {
  amount: number;
  unit: LengthUnit;
}

export interface PlacementRule {
  /** Stable code, shown in error messages and on the placement. */
  code: string;
  kind: PlacementKind;
  targetGroups: readonly TargetGroup[];
  /** Employer sector; for wage subsidy it is implied by the kind, for internships both. */
  sector: 'PRIVATE' | 'PUBLIC' | 'ANY';
  maxLength: Length;
  /**
   * Extension with a justification: first up to `upTo` in all, then `thenStep` at a time
   * beyond the current end. Absent: no extension past `maxLength`.
   */
  extension?: { upTo: Length; thenStep: Length };
  effectiveFrom: string;
  source: string;
  description: string;
}

export const LAB_IN_FORCE = '2020-01-01'; // lov om en aktiv beskæftigelsesindsats (LAB), lov nr. 548 af 7. maj 2019

export const weeks = (amount: number): Length => ({ amount, unit: 'WEEKS' });
export const months = (amount: number): Length => ({ amount, unit: 'MONTHS' });
const TG = TargetGroup;

export const PLACEMENT_RULES: readonly PlacementRule[] = [
  {
    code: 'LAB-61-INTERNSHIP-4W',
    kind: PlacementKind.INTERNSHIP,
    targetGroups: [TG.JOB_READY, TG.EDUCATION_READY, TG.UNEMPLOYMENT_INSURANCE],
    sector: 'ANY',
    maxLength: weeks(4),
    effectiveFrom: LAB_IN_FORCE,
    source: 'LAB § 61',
    description: 'Internship for job-ready cash benefit, education-ready and unemployment-insurance recipients',
  },
  {
    code: 'LAB-61-INTERNSHIP-8W',
    kind: PlacementKind.INTERNSHIP,
    targetGroups: [TG.NEW_GRADUATE],
    sector: 'ANY',
    maxLength: weeks(8),
    effectiveFrom: LAB_IN_FORCE,
    source: 'LAB § 61',
    description: 'Internship for new graduates',
  },
  {
    code: 'LAB-61-INTERNSHIP-13W',
    kind: PlacementKind.INTERNSHIP,
    // Integration is placed with the groups far from the labour market (assumption to confirm).
    targetGroups: [
      TG.ACTIVITY_READY,
      TG.EDUCATION_ACTIVITY_READY,
      TG.SICKNESS_BENEFIT,
      TG.RESOURCE_PROGRAMME,
      TG.JOB_CLARIFICATION,
      TG.INTEGRATION,
    ],
    sector: 'ANY',
    maxLength: weeks(13),
    extension: { upTo: weeks(26), thenStep: weeks(13) },
    effectiveFrom: LAB_IN_FORCE,
    source: 'LAB § 61',
    description: 'Internship for activity-ready, sickness-benefit and other recipients far from the labour market',
  },
  {
    code: 'LAB-68-WAGE-SUBSIDY-JOB-READY-PRIVATE-6M',
    kind: PlacementKind.WAGE_SUBSIDY_PRIVATE,
    targetGroups: [TG.JOB_READY],
    sector: 'PRIVATE',
    maxLength: months(6),
    effectiveFrom: LAB_IN_FORCE,
    source: 'LAB §§ 68–69',
    description: 'Wage subsidy at a private employer for job-ready cash benefit recipients',
  },
  {
    code: 'LAB-68-WAGE-SUBSIDY-JOB-READY-PUBLIC-4M',
    kind: PlacementKind.WAGE_SUBSIDY_PUBLIC,
    targetGroups: [TG.JOB_READY],
    sector: 'PUBLIC',
    maxLength: months(4),
    effectiveFrom: LAB_IN_FORCE,
    source: 'LAB §§ 68–69',
    description: 'Wage subsidy at a public employer for job-ready cash benefit recipients',
  },
  ...(['PRIVATE', 'PUBLIC'] as const).flatMap((sector): PlacementRule[] => {
    const kind = sector === 'PRIVATE' ? PlacementKind.WAGE_SUBSIDY_PRIVATE : PlacementKind.WAGE_SUBSIDY_PUBLIC;
    return [
      {
        code: `LAB-68-WAGE-SUBSIDY-UNEMPLOYMENT-INSURANCE-${sector}-4M`,
        kind,
        targetGroups: [TG.UNEMPLOYMENT_INSURANCE, TG.NEW_GRADUATE],
        sector,
        maxLength: months(4),
        effectiveFrom: LAB_IN_FORCE,
        source: 'LAB §§ 68–69',
        description: 'Wage subsidy for unemployment-insurance recipients (new graduates included)',
      },
      {
        code: `LAB-68-WAGE-SUBSIDY-CASH-EDUCATION-${sector}-6M`,
        kind,
        targetGroups: [TG.ACTIVITY_READY, TG.EDUCATION_READY, TG.EDUCATION_ACTIVITY_READY],
        sector,
        maxLength: months(6),
        effectiveFrom: LAB_IN_FORCE,
        source: 'LAB §§ 68–69',
        description: 'Wage subsidy for cash and education benefit recipients',
      },
      {
        code: `LAB-68-WAGE-SUBSIDY-LONG-${sector}-12M`,
        kind,
        targetGroups: [TG.SICKNESS_BENEFIT, TG.RESOURCE_PROGRAMME, TG.JOB_CLARIFICATION, TG.INTEGRATION],
        sector,
        maxLength: months(12),
        effectiveFrom: LAB_IN_FORCE,
        source: 'LAB §§ 68–69',
        description: 'Wage subsidy for sickness benefit, resource programme, job clarification and integration',
      },
    ];
  }),
];

/** Kinds without a legal maximum length. */
export const UNLIMITED_KINDS: readonly PlacementKind[] = [PlacementKind.ORDINARY_JOB, PlacementKind.FLEXJOB];

/** The rule in force on `startDate` for this kind and target group; null when none applies. */
export function ruleFor(
  kind: PlacementKind,
  targetGroup: TargetGroup,
  startDate: string,
  table: readonly PlacementRule[] = PLACEMENT_RULES,
): PlacementRule | null {
  const candidates = table
    .filter((r) => r.kind === kind && r.targetGroups.includes(targetGroup) && r.effectiveFrom <= startDate)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return candidates[0] ?? null;
}

/** The last day of `length` counted from `start`, both included. */
export function endOfLength(start: string, length: Length): string {
  return length.unit === 'WEEKS' ? lastDayOfWeeks(start, length.amount) : lastDayOfMonths(start, length.amount);
}

export function describeLength(length: Length): string {
  return `${length.amount} ${length.unit === 'WEEKS' ? 'weeks' : 'months'}`;
}

/** The latest end date allowed without an extension. */
export function maxEndDate(rule: PlacementRule, startDate: string): string {
  return endOfLength(startDate, rule.maxLength);
}

/**
 * The latest end date an extension with a justification may set, given the current end date:
 * up to `extension.upTo` in all, and once that is reached, `thenStep` beyond the current end.
 * Without an extension rule it is the plain maximum.
 */
export function extensionLimit(rule: PlacementRule, startDate: string, currentEndDate: string): string {
  if (!rule.extension) return maxEndDate(rule, startDate);
  const firstLimit = endOfLength(startDate, rule.extension.upTo);
  if (currentEndDate < firstLimit) return firstLimit;
  const [y, m, d] = currentEndDate.split('-').map(Number);
  const dayAfterEnd = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return endOfLength(dayAfterEnd, rule.extension.thenStep);
}

export type LengthCheck =
  { ok: true; rule: PlacementRule | null } | { ok: false; rule: PlacementRule | null; message: string; latestEndDate: string | null };

/** Checks a proposed placement's dates against the rule in force on its start date. */
export function checkProposedLength(
  kind: PlacementKind,
  targetGroup: TargetGroup,
  startDate: string,
  endDate: string,
  table: readonly PlacementRule[] = PLACEMENT_RULES,
): LengthCheck {
  if (UNLIMITED_KINDS.includes(kind)) return { ok: true, rule: null };
  const rule = ruleFor(kind, targetGroup, startDate, table);
  if (!rule) {
    return {
      ok: false,
      rule: null,
      latestEndDate: null,
      message: `No rule in force on ${startDate} allows ${kind} for target group ${targetGroup}; choose another kind of placement.`,
    };
  }
  const latest = maxEndDate(rule, startDate);
  if (endDate <= latest) return { ok: true, rule };
  const extension = rule.extension
    ? ` It can later be extended with a justification, up to ${describeLength(rule.extension.upTo)} in all.`
    : '';
  return {
    ok: false,
    rule,
    latestEndDate: latest,
    message:
      `${rule.description} (${rule.source}, rule ${rule.code}) may last at most ${describeLength(rule.maxLength)}: ` +
      `starting ${startDate}, the latest allowed end date is ${latest}.${extension}`,
  };
}

/** Checks an extension to `newEndDate` of a placement with the given start and current end. */
export function checkExtension(
  kind: PlacementKind,
  targetGroup: TargetGroup,
  startDate: string,
  currentEndDate: string,
  newEndDate: string,
  table: readonly PlacementRule[] = PLACEMENT_RULES,
): LengthCheck {
  if (UNLIMITED_KINDS.includes(kind)) return { ok: true, rule: null };
  const rule = ruleFor(kind, targetGroup, startDate, table);
  if (!rule) {
    return {
      ok: false,
      rule: null,
      latestEndDate: null,
      message: `No rule in force on ${startDate} allows ${kind} for target group ${targetGroup}.`,
    };
  }
  const latest = extensionLimit(rule, startDate, currentEndDate);
  if (newEndDate <= latest) return { ok: true, rule };
  const how = rule.extension
    ? `may last ${describeLength(rule.maxLength)}, extended with a justification up to ${describeLength(rule.extension.upTo)} in all and then ${describeLength(rule.extension.thenStep)} at a time`
    : `may last at most ${describeLength(rule.maxLength)} and cannot be extended beyond that`;
  return {
    ok: false,
    rule,
    latestEndDate: latest,
    message: `${rule.description} (${rule.source}, rule ${rule.code}) ${how}: the latest allowed end date is ${latest}.`,
  };
}
