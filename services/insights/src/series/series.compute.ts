import { DataSource } from 'typeorm';
import { badUserInput, CELL_KEY_METHOD, keyedCount, KeyedCount, perturbedCount, perturbedRate, protectedAverage } from '@jobcenter/kit';
import { Breakdown, Measure, REFERRAL_BREAKDOWNS } from './series.enums';
import { CellRow } from './series.sql';
import { seriesCells } from './series.cells';

/** The longest series one query may ask for. */
export const MAX_MONTHS = 36;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Months from `from` to `to` (both "YYYY-MM", included); BAD_USER_INPUT past MAX_MONTHS or out of order. */
export function monthsBetween(from: string, to: string): string[] {
  for (const [name, value] of [
    ['fromMonth', from],
    ['toMonth', to],
  ] as const) {
    if (!MONTH.test(value)) throw badUserInput(`${name}: "${value}" is not a month; write it as YYYY-MM, e.g. 2026-03.`, name);
  }
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const count = index(to) - index(from) + 1;
  if (count < 1) throw badUserInput(`toMonth: the series ends (${to}) before it starts (${from}).`, 'toMonth');
  if (count > MAX_MONTHS) {
    throw badUserInput(`toMonth: a series covers at most ${MAX_MONTHS} months; ${from} to ${to} is ${count}.`, 'toMonth');
  }
  return Array.from({ length: count }, (_, i) => {
    const n = index(from) + i;
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  });
}

export interface SeriesPointValue {
  month: string;
  key: string | null;
  value: number | null;
  suppressed: boolean;
}

export interface SeriesValue {
  measure: Measure;
  breakdown: Breakdown;
  points: SeriesPointValue[];
  asOf: Date;
  method: string;
}

/** The most one person's score change moves the sum of changes (1 → 10 or back). */
const MAX_SCORE_CHANGE = 9;

/** One published point from the cell's exact figures (never leaves this function unprotected). */
function publish(measure: Measure, cells: Partial<Record<'num' | 'base', CellRow>>): { value: number | null; suppressed: boolean } {
  const keyed = (row?: CellRow): KeyedCount => (row ? keyedCount(row.count, row.key_sum, row.people) : { count: 0, keySum: 0 });
  const base = keyed(cells.base);
  if (measure === Measure.COURSE_ATTENDANCE_RATE) {
    if (base.count === 0) return { value: null, suppressed: false };
    const num = keyed(cells.num);
    const value = perturbedRate(num, base);
    // A rate from a withheld count is withheld; 0 present of many is a published 0.
    const withheld = perturbedCount(base) === null || (num.count > 0 && perturbedCount(num) === null);
    return withheld ? { value: null, suppressed: true } : { value: num.count === 0 ? 0 : value, suppressed: false };
  }
  if (measure === Measure.PROGRESSION_CHANGE) {
    if (base.count === 0) return { value: null, suppressed: false };
    if (perturbedCount(base) === null) return { value: null, suppressed: true };
    const sum = Number(cells.base!.value_sum ?? 0);
    const value = protectedAverage(sum, base.count, {
      cell: `insights.progression|${base.count}|${base.keySum}`,
      maxContribution: MAX_SCORE_CHANGE,
      min: -MAX_SCORE_CHANGE,
      max: MAX_SCORE_CHANGE,
    });
    return { value, suppressed: false };
  }
  const value = perturbedCount(base);
  return { value, suppressed: value === null };
}

/** The newest event included in the facts (the epoch when there is none yet). */
export async function asOf(dataSource: DataSource): Promise<Date> {
  const [row]: { newest: Date | null }[] = await dataSource.query(`SELECT MAX(newest_occurred_at) AS newest FROM insights_source`);
  return row?.newest ? new Date(row.newest) : new Date(0);
}

/**
 * A monthly series of one measure, broken down or not, every figure protected (cell-key
 * perturbation and suppression, kit statistics/cell-key.ts). A month after `now` has no points;
 * a breakdown gives a point for every key seen in the series in every month (0 where empty).
 */
export async function computeSeries(
  dataSource: DataSource,
  args: { measure: Measure; fromMonth: string; toMonth: string; breakdown: Breakdown; now?: Date },
): Promise<SeriesValue> {
  const months = monthsBetween(args.fromMonth, args.toMonth);
  const only = REFERRAL_BREAKDOWNS[args.breakdown];
  if (only && !only.includes(args.measure)) {
    throw badUserInput(
      `breakdown: ${args.breakdown} describes a referral, so it applies to ${only.join(' and ')} only, not to ${args.measure}.`,
      'breakdown',
    );
  }
  const now = args.now ?? new Date();
  // Ended months kept while their facts do not change, the running one computed (series.cells.ts).
  const rows: CellRow[] = await seriesCells(dataSource, args.measure, args.breakdown, months, now);
  const cells = new Map<string, Partial<Record<'num' | 'base', CellRow>>>();
  const keys = new Set<string | null>(args.breakdown === Breakdown.NONE ? [null] : []);
  for (const row of rows) {
    const id = `${row.month}|${row.key ?? ''}`;
    cells.set(id, { ...cells.get(id), [row.part]: row });
    keys.add(row.key);
  }
  const currentMonth = now.toISOString().slice(0, 7);
  const sortedKeys = [...keys].sort((a, b) => String(a).localeCompare(String(b)));
  const points: SeriesPointValue[] = [];
  for (const month of months.filter((m) => m <= currentMonth)) {
    for (const key of sortedKeys) {
      points.push({ month, key, ...publish(args.measure, cells.get(`${month}|${key ?? ''}`) ?? {}) });
    }
  }
  return { measure: args.measure, breakdown: args.breakdown, points, asOf: await asOf(dataSource), method: CELL_KEY_METHOD };
}
