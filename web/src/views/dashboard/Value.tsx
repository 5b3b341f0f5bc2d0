import { useT } from '../../i18n/I18n';
import type { FigureValue } from './figures';
import { formatValue } from './format';

/** One figure on the page. A withheld one reads "<5", says why on hover and to a screen reader. */
export function Value({ value }: { value: FigureValue }) {
  const t = useT();
  const text = formatValue(t.intl, value);
  if (value.suppressed) {
    return (
      <span className="suppressed" title={t('dashboard.suppressed.explanation')}>
        <span aria-hidden="true">{text}</span>
        <span className="visually-hidden">{t('dashboard.suppressed.spoken')}</span>
      </span>
    );
  }
  if (value.value === null) {
    return (
      <span title={t('dashboard.noData')}>
        <span aria-hidden="true">{text}</span>
        <span className="visually-hidden">{t('dashboard.noData')}</span>
      </span>
    );
  }
  return <>{text}</>;
}
