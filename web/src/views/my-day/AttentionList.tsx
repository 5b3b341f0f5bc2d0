import { useT } from '../../i18n/I18n';
import { formatDateTime, formatDay } from '../../ui/dates';
import { FollowUpForm } from './FollowUpForm';
import type { Attention } from './types';

/** The placements that need the job consultant now, soonest end first (the service's order). */
export function AttentionList({ items, onRecorded }: { items: Attention[]; onRecorded(message: string): Promise<void> }) {
  const t = useT();
  return (
    <section aria-labelledby="attention-heading" className="attention">
      <h2 id="attention-heading">
        {t('myDay.attention.title')} <span className="count">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p>{t('myDay.attention.none')}</p>
      ) : (
        <ul className="attention-list">
          {items.map(({ placement: p, reasons }) => {
            const name = `${p.citizen.firstName} ${p.citizen.lastName}`;
            return (
              <li key={p.id} className="attention-item" aria-labelledby={`attention-${p.id}`}>
                <h3 id={`attention-${p.id}`}>
                  {name} <span className="muted">· {p.company.name}</span>
                </h3>
                <ul className="reasons" aria-label={t('myDay.attention.reasons')}>
                  {reasons.map((r) => (
                    <li key={r} className="badge badge-danger">
                      {t(`enum.placementAttentionReason.${r}`)}
                    </li>
                  ))}
                </ul>
                <dl className="facts">
                  <div>
                    <dt>{t('myDay.placement.kind')}</dt>
                    <dd>{t(`enum.placementKind.${p.kind}`)}</dd>
                  </div>
                  <div>
                    <dt>{t('myDay.placement.period')}</dt>
                    <dd>
                      {formatDay(t.intl, p.startDate)} – {formatDay(t.intl, p.endDate)}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('myDay.placement.lastFollowUp')}</dt>
                    <dd>{p.lastFollowUpDate ? formatDay(t.intl, p.lastFollowUpDate) : t('myDay.placement.noFollowUp')}</dd>
                  </div>
                  <div>
                    <dt>{t('myDay.placement.goal')}</dt>
                    <dd>{p.citizen.activePlan?.longTermGoal ?? t('myDay.placement.noPlan')}</dd>
                  </div>
                  <div>
                    <dt>{t('myDay.placement.nextMeeting')}</dt>
                    <dd>
                      {p.citizen.nextMeeting
                        ? `${formatDateTime(t.intl, p.citizen.nextMeeting.scheduledAt)} · ${t(`enum.meetingKind.${p.citizen.nextMeeting.kind}`)}`
                        : t('myDay.placement.noMeeting')}
                    </dd>
                  </div>
                </dl>
                <FollowUpForm placementId={p.id} who={`${name}, ${p.company.name}`} onRecorded={onRecorded} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
