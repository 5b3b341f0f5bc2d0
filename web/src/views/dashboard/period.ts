import { isDay, todayInCopenhagen } from '../../ui/dates';

/** Dates of the dashboard's period: plain `YYYY-MM-DD` strings, as the API takes them, in Copenhagen time. */

export interface Period {
  from: string;
  to: string;
}

export type Preset = 'last12Months' | 'thisYear' | 'lastYear' | 'last3Months';
export const PRESETS: readonly Preset[] = ['last12Months', 'last3Months', 'thisYear', 'lastYear'];

/** Today's date in Copenhagen (the municipality's day, whatever the browser's zone). */
export const today = todayInCopenhagen;

/** The same calendar day `months` earlier, the day after (so 12 months is exactly a year, both ends included). */
function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const start = new Date(Date.UTC(y, m - 1 - months, d + 1));
  return start.toISOString().slice(0, 10);
}

export function presetPeriod(preset: Preset, day: string = today()): Period {
  const year = Number(day.slice(0, 4));
  switch (preset) {
    case 'last12Months':
      return { from: monthsBefore(day, 12), to: day };
    case 'last3Months':
      return { from: monthsBefore(day, 3), to: day };
    case 'thisYear':
      return { from: `${year}-01-01`, to: day };
    case 'lastYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}

/** The period in the address (`?from=&to=`), or the last 12 months when it is missing or not valid. */
export function periodFromSearch(params: URLSearchParams, day: string = today()): Period {
  const from = params.get('from');
  const to = params.get('to');
  if (isDay(from) && isDay(to) && from <= to) return { from, to };
  return presetPeriod('last12Months', day);
}

export function presetOf(period: Period, day: string = today()): Preset | null {
  return (
    PRESETS.find((p) => {
      const q = presetPeriod(p, day);
      return q.from === period.from && q.to === period.to;
    }) ?? null
  );
}
