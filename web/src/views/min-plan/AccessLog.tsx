import { useState } from 'react';
import { useT, type MessageKey } from '../../i18n/I18n';
import { formatDateTime } from '../../ui/dates';
import type { LogEntry } from './types';

const PAGE = 25;

/**
 * Who has looked at or changed my data (GDPR Art. 15), newest first, in all four parts of the
 * jobcentre. My own look-ups are hidden unless asked for: they are every visit to this page.
 */
export function AccessLog({ entries }: { entries: LogEntry[] }) {
  const t = useT();
  const [showOwn, setShowOwn] = useState(false);
  const [shown, setShown] = useState(PAGE);
  const list = showOwn ? entries : entries.filter((e) => e.purpose !== 'OWN_ACCESS');
  const label = (prefix: string, value: string) => {
    const key = `${prefix}.${value}` as MessageKey;
    return key in t.intl.messages ? t(key) : value;
  };
  return (
    <section aria-labelledby="log-heading" className="access-log">
      <h2 id="log-heading">{t('minPlan.log.title')}</h2>
      <p>{t('minPlan.log.intro')}</p>
      <div className="checkbox">
        <input id="log-own" type="checkbox" checked={showOwn} onChange={(e) => setShowOwn(e.target.checked)} />
        <label htmlFor="log-own">{t('minPlan.log.showOwn')}</label>
      </div>
      {list.length === 0 ? (
        <p>{t('minPlan.log.none')}</p>
      ) : (
        <ol className="log-entries">
          {list.slice(0, shown).map((e, i) => (
            <li key={`${e.at}-${e.domain}-${i}`}>
              <strong>{formatDateTime(t.intl, e.at)}</strong>
              <span>
                {t('minPlan.log.entry', {
                  who: label('role', e.actorRole),
                  did: label('minPlan.log.operation', e.operation),
                  what: label('minPlan.log.domain', e.domain),
                })}
              </span>
              {e.outcome === 'REFUSED' ? <strong>{t('minPlan.log.refused')}</strong> : null}
              <span className="muted">
                {label('minPlan.log.purpose', e.purpose)}
                {e.reason ? `: ${e.reason}` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
      {list.length > shown && (
        <button type="button" className="secondary" onClick={() => setShown((n) => n + PAGE)}>
          {t('minPlan.log.more', { count: list.length - shown })}
        </button>
      )}
    </section>
  );
}
