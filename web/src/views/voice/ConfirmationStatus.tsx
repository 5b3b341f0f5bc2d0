import { useT } from '../../i18n/I18n';
import { useFormat } from '../../ui/format';

interface Plan {
  changedSinceConfirmed: boolean;
  confirmations: { id: string; at: string; planVersion: number; agrees: boolean; comment?: string | null }[];
}

/**
 * Where the citizen's confirmation stands, for both sides: not yet confirmed, confirmed, or
 * disagreeing and why, and a marker when the plan changed after the latest confirmation.
 */
export function ConfirmationStatus({ plan, own }: { plan: Plan; own: 'citizen' | 'staff' }) {
  const t = useT();
  const f = useFormat();
  const [latest, ...earlier] = plan.confirmations;
  const who = own === 'citizen' ? 'mine' : 'citizen';
  return (
    <div className="confirmation-status" data-testid="confirmation-status">
      {!latest ? (
        <p>{t(`voice.confirm.${who}.never`)}</p>
      ) : latest.agrees ? (
        <p>
          <span className="badge badge-ok">{t('voice.confirm.agreed')}</span>{' '}
          {t(`voice.confirm.${who}.agreedOn`, { date: f.dateTime(latest.at) })}
        </p>
      ) : (
        <>
          <p>
            <span className="badge badge-danger">{t('voice.confirm.disagreed')}</span>{' '}
            {t(`voice.confirm.${who}.disagreedOn`, { date: f.dateTime(latest.at) })}
          </p>
          {latest.comment && <blockquote className="own-words">{latest.comment}</blockquote>}
        </>
      )}
      {plan.changedSinceConfirmed && (
        <p>
          <span className="badge badge-danger" data-testid="changed-since-confirmed">
            {t('voice.confirm.changed')}
          </span>{' '}
          {t(`voice.confirm.${who}.changedHint`)}
        </p>
      )}
      {earlier.length > 0 && (
        <details>
          <summary>{t('voice.confirm.earlier', { count: earlier.length })}</summary>
          <ul className="history">
            {earlier.map((c) => (
              <li key={c.id}>
                {f.dateTime(c.at)} · {c.agrees ? t('voice.confirm.agreed') : t('voice.confirm.disagreed')}
                {c.comment ? `: ${c.comment}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
