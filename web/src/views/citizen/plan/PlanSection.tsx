import { useT } from '../../../i18n/I18n';
import { useFormat } from '../../../ui/format';
import type { PlanData } from '../types';
import { AddMilestoneForm } from './AddMilestoneForm';
import { MilestoneItem } from './MilestoneItem';
import { Comments } from '../../voice/Comments';
import { ConfirmationStatus } from '../../voice/ConfirmationStatus';

/** The plan: goal, the citizen's own words, and the milestones on a timeline (by deadline). */
export function PlanSection({ plan, onChanged }: { plan: PlanData; onChanged(): void }) {
  const t = useT();
  const f = useFormat();
  const milestones = [...plan.milestones].sort((a, b) => a.deadline.localeCompare(b.deadline));
  return (
    <>
      <p className="muted">{t('plan.period', { status: t.label('enum.planStatus', plan.status), start: f.date(plan.startDate) })}</p>
      <h3>{t('plan.goal')}</h3>
      <p className="goal">{plan.longTermGoal}</p>
      <h3>{t('plan.ownWords')}</h3>
      {plan.citizenPerspective ? (
        <blockquote className="own-words">{plan.citizenPerspective}</blockquote>
      ) : (
        <p className="muted">{t('plan.noOwnWords')}</p>
      )}
      <h3>{t('voice.confirm.staffTitle')}</h3>
      <ConfirmationStatus plan={plan} own="staff" />
      <h3>{t('plan.milestones')}</h3>
      {milestones.length === 0 ? (
        <p>{t('plan.noMilestones')}</p>
      ) : (
        <ol className="timeline">
          {milestones.map((m) => (
            <MilestoneItem key={m.id} milestone={m} onChanged={onChanged} />
          ))}
        </ol>
      )}
      <AddMilestoneForm planId={plan.id} onAdded={onChanged} />
      <h3>{t('voice.comments.title')}</h3>
      <Comments
        planId={plan.id}
        comments={plan.comments}
        milestones={plan.milestones.filter((m) => !m.declineReason)}
        onAdded={onChanged}
      />
    </>
  );
}
