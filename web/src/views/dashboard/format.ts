import type { IntlShape } from 'react-intl';
import type { FigureValue } from './figures';

/** A figure as text for the page, the table and the CSV: "<5" when withheld, never 0. */
export function formatValue(intl: IntlShape, value: FigureValue): string {
  if (value.suppressed) return value.format === 'count' ? '<5' : intl.formatMessage({ id: 'dashboard.suppressed.rate' });
  if (value.value === null) return '–';
  switch (value.format) {
    case 'percent':
      return intl.formatNumber(value.value, { style: 'percent', maximumFractionDigits: 0 });
    case 'score':
      return intl.formatNumber(value.value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    case 'change':
      return intl.formatNumber(value.value, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    default:
      return intl.formatNumber(value.value);
  }
}

/** The same figure for a CSV cell: plain numbers (a dot as decimal point), "<5" when withheld. */
export function csvValue(value: FigureValue): string | number {
  if (value.suppressed) return '<5';
  if (value.value === null) return '';
  return value.format === 'count' ? value.value : Math.round(value.value * 1000) / 1000;
}
