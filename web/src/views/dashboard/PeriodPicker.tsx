import { FormEvent, useState } from 'react';
import { useT } from '../../i18n/I18n';
import { Field } from '../../ui/Field';
import { isDay } from '../../ui/dates';
import { Period, PRESETS, presetOf, presetPeriod, type Preset } from './period';

/** The period of the counts: a preset or two dates. The chosen period lives in the address. */
export function PeriodPicker({ period, today, onChange }: { period: Period; today: string; onChange(p: Period): void }) {
  const t = useT();
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [error, setError] = useState<{ from?: string; to?: string }>({});
  const active = presetOf(period, today);
  const choose = (preset: Preset) => {
    const p = presetPeriod(preset, today);
    setFrom(p.from);
    setTo(p.to);
    setError({});
    onChange(p);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: { from?: string; to?: string } = {};
    if (!isDay(from)) problems.from = t('dashboard.period.invalidDate');
    if (!isDay(to)) problems.to = t('dashboard.period.invalidDate');
    else if (isDay(from) && to < from) problems.to = t('dashboard.period.toBeforeFrom');
    setError(problems);
    if (!problems.from && !problems.to) onChange({ from, to });
  };
  return (
    <form className="period-picker no-print" onSubmit={submit} aria-label={t('dashboard.period.label')}>
      <fieldset className="period-presets">
        <legend>{t('dashboard.period.presets')}</legend>
        {PRESETS.map((p) => (
          <button key={p} type="button" aria-pressed={active === p} onClick={() => choose(p)}>
            {t(`dashboard.period.${p}`)}
          </button>
        ))}
      </fieldset>
      <div className="period-dates">
        <Field label={t('dashboard.period.from')} error={error.from}>
          <input type="date" name="from" value={from} max={today} onChange={(e) => setFrom(e.target.value)} required />
        </Field>
        <Field label={t('dashboard.period.to')} error={error.to}>
          <input type="date" name="to" value={to} onChange={(e) => setTo(e.target.value)} required />
        </Field>
        <button type="submit">{t('dashboard.period.apply')}</button>
      </div>
    </form>
  );
}
