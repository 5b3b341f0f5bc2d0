import type { Breakdown, DashboardSeriesQuery, Measure } from '../../gql/graphql';
import type { Format } from './figures';

/** The trend lines' choices and the shaping of a series for the chart, the table and the CSV. */

export const MEASURES: readonly Measure[] = [
  'CITIZENS_ACTIVE',
  'MILESTONES_ACHIEVED',
  'MILESTONES_MISSED',
  'MILESTONES_OVERDUE',
  'NETWORK_MEETINGS_OVERDUE',
  'MEETINGS_HELD',
  'NO_SHOWS',
  'COURSE_ATTENDANCE_RATE',
  'PLACEMENTS_ACTIVE',
  'PLACEMENTS_COMPLETED',
  'PLACEMENTS_TO_WORK_OR_EDUCATION',
  'REFERRALS_ACTIVE',
  'REFERRALS_ENDED',
  'PROGRESSION_CHANGE',
];
export const BREAKDOWNS: readonly Breakdown[] = ['NONE', 'TARGET_GROUP', 'TEAM', 'AGE_BAND', 'TIME_IN_PROGRAMME'];
/** Breakdowns by the referral itself (offers): only the referral measures have them (the API refuses the rest). */
const REFERRAL_BREAKDOWNS: Partial<Record<Measure, readonly Breakdown[]>> = {
  REFERRALS_ACTIVE: ['OFFER_KIND'],
  REFERRALS_ENDED: ['OFFER_KIND', 'RESULT'],
};
/** The breakdowns a measure can be shown by. */
export const breakdownsFor = (measure: Measure): readonly Breakdown[] => [...BREAKDOWNS, ...(REFERRAL_BREAKDOWNS[measure] ?? [])];

/** How a measure's values read: a rate as a percentage, progression as a signed change, the rest as counts. */
export function measureFormat(measure: Measure): Format {
  if (measure === 'COURSE_ATTENDANCE_RATE') return 'percent';
  if (measure === 'PROGRESSION_CHANGE') return 'change';
  return 'count';
}

/** The last 12 calendar months up to and including `day`'s month, as the API's `"YYYY-MM"`. */
export function last12Months(day: string): { fromMonth: string; toMonth: string; months: string[] } {
  const [y, m] = day.split('-').map(Number);
  const months = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(y, m - 12 + i, 1)).toISOString().slice(0, 7));
  return { fromMonth: months[0], toMonth: months[11], months };
}

type Point = DashboardSeriesQuery['series']['points'][number];

export interface SeriesLine {
  /** The breakdown key ('' without a breakdown). */
  key: string;
  /** One cell per month of `months`, in order: withheld or missing months have no value. */
  cells: { month: string; value: number | null; suppressed: boolean }[];
}

/** The series as lines, one per key in the order the keys first appear, each over every month asked. */
export function seriesLines(points: readonly Point[], months: readonly string[]): SeriesLine[] {
  const byKey = new Map<string, Map<string, Point>>();
  for (const p of points) {
    const key = p.key ?? '';
    if (!byKey.has(key)) byKey.set(key, new Map());
    byKey.get(key)!.set(p.month, p);
  }
  return [...byKey].map(([key, byMonth]) => ({
    key,
    cells: months.map((month) => {
      const p = byMonth.get(month);
      return { month, value: p && !p.suppressed ? (p.value ?? null) : null, suppressed: p?.suppressed ?? false };
    }),
  }));
}

/** The CSV rows of the series as shown: month, key, value (empty when withheld), suppressed. */
export function seriesCsvRows(points: readonly Point[]): (string | number)[][] {
  return [
    ['month', 'key', 'value', 'suppressed'],
    ...points.map((p) => [p.month, p.key ?? '', p.suppressed || p.value === null ? '' : p.value, String(p.suppressed)]),
  ];
}
