import { useState } from 'react';
import { WithdrawConsentDocument, type CitizenConsentsQuery } from '../../gql/graphql';
import { useMutation } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useFormat } from '../../ui/format';

export type ConsentRow = NonNullable<CitizenConsentsQuery['citizen']>['consents'][number];

/**
 * A citizen's consents, newest first: to whom, for what, from when to when, whether it applies
 * now; one that applies can be withdrawn after a confirmation (it stops applying at once).
 */
export function ConsentList({ consents, onChanged }: { consents: ConsentRow[]; onChanged(): void }) {
  const t = useT();
  if (consents.length === 0) return <p className="muted">{t('consent.none')}</p>;
  return (
    <ul className="cards consent-list">
      {consents.map((c) => (
        <ConsentItem key={c.id} consent={c} onChanged={onChanged} />
      ))}
    </ul>
  );
}

function ConsentItem({ consent: c, onChanged }: { consent: ConsentRow; onChanged(): void }) {
  const t = useT();
  const f = useFormat();
  const [confirming, setConfirming] = useState(false);
  const [withdraw, state] = useMutation(WithdrawConsentDocument);
  const send = async () => {
    if (await withdraw({ id: c.id })) {
      setConfirming(false);
      onChanged();
    }
  };
  return (
    <li className="panel">
      <h4>
        {c.party} <span className="muted">({t.label('consent.kind', c.partyKind)})</span>
      </h4>
      <p>
        <span className={c.inForce ? 'badge badge-ok' : 'badge'}>{c.inForce ? t('consent.inForce') : t('consent.notInForce')}</span>{' '}
        {c.to ? t('consent.fromTo', { from: f.date(c.from), to: f.date(c.to) }) : t('consent.from', { from: f.date(c.from) })}
        {c.withdrawnAt && ` · ${t('consent.withdrawnAt', { when: f.dateTime(c.withdrawnAt) })}`}
      </p>
      <p>{t('consent.purpose', { purpose: c.purpose })}</p>
      <p className="muted">{c.recordedByCitizen ? t('consent.byCitizen') : t('consent.byStaff')}</p>
      {c.inForce && !c.withdrawnAt && !confirming && (
        <button
          type="button"
          className="secondary"
          aria-label={t('consent.withdraw', { party: c.party })}
          onClick={() => setConfirming(true)}
        >
          {t('consent.withdrawShort')}
        </button>
      )}
      {confirming && (
        <div role="group" aria-label={t('consent.withdraw', { party: c.party })}>
          <p>{t('consent.confirm', { party: c.party })}</p>
          <div className="actions">
            <button type="button" disabled={state.loading} onClick={() => void send()}>
              {t('consent.confirmYes')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('consent.cancel')}
            </button>
          </div>
          <ErrorNotice error={state.error} onRetry={send} />
        </div>
      )}
    </li>
  );
}
