import { addDays, badUserInput, conflict, daysBetween } from '@jobcenter/kit';
import { PlanStatus } from '../plan/plan.enums';
import { ReportKind, ReportStatus } from './report.enums';

/**
 * The rules of a course's reports as plain functions (unit-tested without a database).
 *
 * The period of a course is the plan's: from its start to its end (the day it was completed or
 * abandoned) or, while it runs, its planned end. A report covers a part of that period; the
 * midway status report is due halfway through it.
 */

export interface CoursePlan {
  status: PlanStatus;
  startDate: string;
  endDate: string | null;
  plannedEndDate: string | null;
}

/** The course's period: the plan's start to its end, or planned end; `to` null when open-ended. */
export function coursePeriod(plan: CoursePlan): { from: string; to: string | null } {
  return { from: plan.startDate, to: plan.endDate ?? plan.plannedEndDate };
}

/** A referral's dates, as a report of it needs them (placements owns the referral). */
export interface CourseReferral {
  startDate: string;
  endDate: string | null;
}

/** The course's period when the report is about a referral: its start to its end; `to` null when open-ended. */
export function referralPeriod(referral: CourseReferral): { from: string; to: string | null } {
  return { from: referral.startDate, to: referral.endDate };
}

/**
 * A report's period must lie within the course's: not before the plan starts, not after it ends
 * (or, open-ended, not after today: a report is about what has happened). Reversed dates are
 * wrong at `periodTo`.
 */
export function checkReportPeriod(plan: CoursePlan, periodFrom: string, periodTo: string, today: string): void {
  checkPeriodWithin(coursePeriod(plan), 'plan', periodFrom, periodTo, today);
}

/** The same rule for a report about a referral: the period lies within the referral's dates. */
export function checkReferralReportPeriod(referral: CourseReferral, periodFrom: string, periodTo: string, today: string): void {
  checkPeriodWithin(referralPeriod(referral), 'referral', periodFrom, periodTo, today);
}

function checkPeriodWithin(
  course: { from: string; to: string | null },
  what: 'plan' | 'referral',
  periodFrom: string,
  periodTo: string,
  today: string,
): void {
  if (periodTo < periodFrom) {
    throw badUserInput(`periodTo: the period ends (${periodTo}) before it starts (${periodFrom}).`, 'periodTo');
  }
  if (periodFrom < course.from) {
    throw badUserInput(
      `periodFrom: the ${what} starts on ${course.from}; a report cannot cover days before it (${periodFrom}).`,
      'periodFrom',
    );
  }
  const last = course.to ?? today;
  if (periodTo > last) {
    throw badUserInput(
      course.to
        ? `periodTo: the ${what}'s period ends on ${last}; a report cannot cover days after it (${periodTo}).`
        : `periodTo: the ${what} has no planned end, so a report covers days up to today (${last}), not ${periodTo}.`,
      'periodTo',
    );
  }
}

/** The day the midway status report is due: halfway through the course (rounded down); null when open-ended. */
export function midwayDueOn(plan: CoursePlan): string | null {
  return midwayOf(coursePeriod(plan));
}

/** Halfway through a period (rounded down); null when open-ended. A referral with both dates has its midway here too. */
export function midwayOf({ from, to }: { from: string; to: string | null }): string | null {
  if (!to) return null;
  return addDays(from, Math.floor(daysBetween(from, to) / 2));
}

/**
 * Is a midway report due now? For an ACTIVE plan with a period, from its midway day on, as long
 * as no midway report has been drafted for it.
 */
export function isMidwayReportDue(plan: CoursePlan, today: string, hasMidwayReport: boolean): boolean {
  if (plan.status !== PlanStatus.ACTIVE || hasMidwayReport) return false;
  const due = midwayDueOn(plan);
  return due !== null && today >= due;
}

/** Only a DRAFT can be approved. */
export function checkMayApprove(status: ReportStatus): void {
  if (status === ReportStatus.DRAFT) return;
  throw conflict(
    status === ReportStatus.SHARED
      ? 'This report is already approved and shared. A correction is a new version (reviseReport).'
      : 'This report is already approved.',
  );
}

/** Sharing needs the team lead's approval first; sharing a shared report again changes nothing (false). */
export function checkMayShare(status: ReportStatus): boolean {
  if (status === ReportStatus.DRAFT) throw conflict('The team lead must approve the report before it is shared with the citizen.');
  return status === ReportStatus.APPROVED;
}

/** What drafting (or revising) does, given the latest version of the same chain (the plan's, or a referral's, report of that kind). */
export type DraftDecision = { kind: 'NEW'; version: number; previousId: string | null } | { kind: 'REWRITE'; id: string };

/**
 * A DRAFT is the author's working copy and is rewritten in place. An approved or shared report is
 * never changed: drafting again makes version n+1, linked to n, which needs its own approval.
 */
export function decideDraft(latest: { id: string; status: ReportStatus; version: number } | null): DraftDecision {
  if (!latest) return { kind: 'NEW', version: 1, previousId: null };
  if (latest.status === ReportStatus.DRAFT) return { kind: 'REWRITE', id: latest.id };
  return { kind: 'NEW', version: latest.version + 1, previousId: latest.id };
}

/** The report's title, as on the PDF and at the top of the text. */
export const REPORT_TITLES: Record<ReportKind, string> = {
  MIDWAY_STATUS: 'Statusrapport midtvejs',
  FINAL: 'Afslutningsrapport',
};
