import { useState } from 'react';
import { hasDraft } from '../../../graphql/drafts';
import { useT } from '../../../i18n/I18n';
import { useFormat } from '../../../ui/format';
import type { MilestoneData } from '../types';
import { MilestoneStatusForm } from './MilestoneStatusForm';
import { ProposalDecision } from '../../voice/ProposalDecision';

const FINAL = ['ACHIEVED', 'REVISED', 'DROPPED'];

/** One milestone on the timeline: deadline, status, its history, and a status change with a note. */
export function MilestoneItem({ milestone: m, onChanged }: { milestone: MilestoneData; onChanged(): void }) {
  const t = useT();
  const f = useFormat();
  const [changing, setChanging] = useState(() => hasDraft(`milestone-status:${m.id}`));
  const headingId = `milestone-${m.id}`;
  return (
    <li className={`timeline-item status-${m.status.toLowerCase()}${m.overdue ? ' is-overdue' : ''}`} aria-labelledby={headingId}>
      <p className="timeline-date">{t('plan.deadline', { date: f.date(m.deadline) })}</p>
      <h4 id={headingId}>{m.title}</h4>
      <p>
        <span className="badge" data-testid="milestone-status">
          {t.label('enum.milestoneStatus', m.status)}
        </span>{' '}
        {m.overdue && <span className="badge badge-danger">{t('plan.overdue')}</span>}{' '}
        {m.achievedAt && t('plan.achievedOn', { date: f.date(m.achievedAt) })}{' '}
        <span className="muted">{t('plan.responsible', { who: t.label('enum.milestoneResponsible', m.responsible) })}</span>
      </p>
      {m.proposedByCitizen && <p className="muted">{t('voice.propose.proposedStaff')}</p>}
      {m.declineReason && <p data-testid="decline-reason">{t('voice.propose.reason', { reason: m.declineReason })}</p>}
      {m.description && <p>{m.description}</p>}
      {m.updates.length > 0 && (
        <details>
          <summary>{t('plan.history', { count: m.updates.length })}</summary>
          <ul className="history">
            {m.updates.map((u) => (
              <li key={u.id}>
                <span className="muted">
                  {f.dateTime(u.at)} · {u.authorName}
                  {u.status ? ` · ${t.label('enum.milestoneStatus', u.status)}` : ''}
                </span>
                <br />
                {u.note}
              </li>
            ))}
          </ul>
        </details>
      )}
      {m.status === 'PROPOSED' && <ProposalDecision milestoneId={m.id} labelledBy={headingId} onDone={onChanged} />}
      {!FINAL.includes(m.status) &&
        m.status !== 'PROPOSED' &&
        (changing ? (
          <MilestoneStatusForm
            milestone={m}
            onDone={(saved) => {
              setChanging(false);
              if (saved) onChanged();
            }}
          />
        ) : (
          <button type="button" className="secondary" onClick={() => setChanging(true)} aria-describedby={headingId}>
            {t('plan.changeStatus')}
          </button>
        ))}
    </li>
  );
}
