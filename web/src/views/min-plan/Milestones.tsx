import { useT } from '../../i18n/I18n';
import { formatDay } from '../../ui/dates';
import type { MyPlan } from './types';

const DONE = ['ACHIEVED', 'REVISED', 'DROPPED'];

/** The plan's milestones by deadline: open ones first, then those reached or closed. */
export function Milestones({ milestones }: { milestones: MyPlan['milestones'] }) {
  const t = useT();
  const sorted = [...milestones].sort((a, b) => a.deadline.localeCompare(b.deadline));
  const declined = sorted.filter((m) => m.declineReason);
  const waiting = sorted.filter((m) => m.status === 'PROPOSED');
  const inPlan = sorted.filter((m) => m.status !== 'PROPOSED' && !m.declineReason);
  const open = inPlan.filter((m) => !DONE.includes(m.status));
  const closed = inPlan.filter((m) => DONE.includes(m.status));
  const item = (m: MyPlan['milestones'][number]) => (
    <li key={m.id} className={`milestone milestone-${m.status.toLowerCase()}${m.overdue ? ' milestone-overdue' : ''}`}>
      <span className="milestone-title">{m.title}</span>
      <span className="milestone-meta">
        <span className="badge">{t(`enum.milestoneStatus.${m.status}`)}</span>{' '}
        {m.overdue && <span className="badge badge-danger">{t('minPlan.milestones.overdue')}</span>}{' '}
        {t('minPlan.milestones.deadline', { date: formatDay(t.intl, m.deadline) })} ·{' '}
        {t('minPlan.milestones.responsible', { who: t(`minPlan.milestones.responsibleWho.${m.responsible}`) })}
      </span>
      {m.description && <span className="milestone-description">{m.description}</span>}
      {m.status === 'PROPOSED' && <span className="milestone-description">{t('voice.propose.proposed')}</span>}
      {m.declineReason && (
        <span className="milestone-description" data-testid="decline-reason">
          {t('voice.propose.reason', { reason: m.declineReason })}
        </span>
      )}
    </li>
  );
  return (
    <section aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">{t('minPlan.milestones.title')}</h2>
      {milestones.length === 0 && <p>{t('minPlan.milestones.none')}</p>}
      {open.length > 0 && (
        <>
          <h3>{t('minPlan.milestones.open')}</h3>
          <ol className="milestones">{open.map(item)}</ol>
        </>
      )}
      {closed.length > 0 && (
        <>
          <h3>{t('minPlan.milestones.closed')}</h3>
          <ol className="milestones">{closed.map(item)}</ol>
        </>
      )}
      {waiting.length > 0 && (
        <>
          <h3>{t('voice.propose.waiting')}</h3>
          <ol className="milestones">{waiting.map(item)}</ol>
        </>
      )}
      {declined.length > 0 && (
        <>
          <h3>{t('voice.propose.declinedHeading')}</h3>
          <ol className="milestones">{declined.map(item)}</ol>
        </>
      )}
    </section>
  );
}
