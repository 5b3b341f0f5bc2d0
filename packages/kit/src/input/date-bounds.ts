import { badUserInput } from '../errors';
import { addDays, todayInCopenhagen } from '../calendar';

/**
 * The dates the domain allows, in one place for all four services (see docs/input-rules.md).
 *
 * Records are often written after the fact (DOMAIN.md), so the past is open back to
 * EARLIEST_RECORD_DATE: no jobcentre case, plan, meeting or placement a caseworker registers can
 * be older than that (the jobcentres' digital case files begin decades later, and Danish archive
 * rules keep a closed case for years, not generations). It refuses typing slips such as 0001 or
 * 1026 without refusing any history worth migrating.
 *
 * The future is bounded per kind of date, by how far ahead the work is really planned: a year
 * 9999 meeting or deadline is a typing slip, and stored it would sit forever at the end of every
 * "next meeting" and "next deadline" list.
 */
export const EARLIEST_RECORD_DATE = '1990-01-01';

/** How far ahead (in years from today, Copenhagen) each kind of date may lie. 0: not in the future. */
export const YEARS_AHEAD = {
  /** Enrolment in the programme (`enrolledAt`) and the start or end of an assignment: at most a year ahead. */
  enrolment: 1,
  assignment: 1,
  /** Meetings and group course sessions are booked weeks or months ahead: at most 2 years. */
  meeting: 2,
  course: 2,
  /** Plans, milestone deadlines, review dates and agreement deadlines: at most 5 years ahead. */
  plan: 5,
  milestone: 5,
  agreement: 5,
  /** Placements (start, end, extension): at most 5 years ahead (a flex job may run for years). */
  placement: 5,
  /** Things that have happened (assessments, follow-ups, period reviews): never in the future. */
  record: 0,
} as const;
export type DateKind = keyof typeof YEARS_AHEAD;

/** The latest date a `kind` may have, seen from `today`. */
export function latestDate(kind: DateKind, today: string = todayInCopenhagen()): string {
  const years = YEARS_AHEAD[kind];
  if (years === 0) return today;
  const [y, m, d] = today.split('-').map(Number);
  // 29 February plus whole years lands on 28 February when that year has none.
  const target = new Date(Date.UTC(2000, m - 1, d));
  target.setUTCFullYear(y + years);
  if (target.getUTCMonth() !== m - 1) return addDays(target.toISOString().slice(0, 10), -target.getUTCDate());
  return target.toISOString().slice(0, 10);
}

const KIND_WORDS: Record<DateKind, string> = {
  enrolment: 'an enrolment date',
  assignment: 'an assignment date',
  meeting: 'a meeting',
  course: 'a group course',
  plan: 'a plan date',
  milestone: 'a milestone deadline',
  agreement: 'an agreed deadline',
  placement: 'a placement date',
  record: 'this date',
};

/**
 * `date` (YYYY-MM-DD) when the domain allows it for `kind`; BAD_USER_INPUT naming `field` and the
 * bound otherwise. Returns the date, so it reads `startDate: boundedDate(input.startDate, …)`.
 */
export function boundedDate(date: string, field: string, kind: DateKind, today: string = todayInCopenhagen()): string {
  if (date < EARLIEST_RECORD_DATE) {
    throw badUserInput(
      `${field}: ${date} is too far back; the jobcentre's records begin on ${EARLIEST_RECORD_DATE}. Check the year.`,
      field,
    );
  }
  const latest = latestDate(kind, today);
  if (date > latest) {
    const years = YEARS_AHEAD[kind];
    throw badUserInput(
      years === 0
        ? `${field}: ${date} is in the future; ${KIND_WORDS[kind]} cannot be after today (${today}).`
        : `${field}: ${date} is too far ahead; ${KIND_WORDS[kind]} can be at most ${years} year${years === 1 ? '' : 's'} ahead ` +
            `(${latest} at the latest). Check the year.`,
      field,
    );
  }
  return date;
}

/** The same bound for an instant (a meeting's start), judged on its Copenhagen date. */
export function boundedInstant(instant: Date, field: string, kind: DateKind, today: string = todayInCopenhagen()): Date {
  if (Number.isNaN(instant.getTime())) throw badUserInput(`${field}: not a valid time.`, field);
  boundedDate(todayInCopenhagen(instant), field, kind, today);
  return instant;
}
