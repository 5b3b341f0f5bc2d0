import { MinPlanDocument } from '../../gql/graphql';
import { useQuery } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { useActor } from '../../session/session';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { Agreements } from '../co-ownership/Agreements';
import { MessageThread } from '../co-ownership/MessageThread';
import { AccessLog } from './AccessLog';
import { Meetings } from './Meetings';
import { Milestones } from './Milestones';
import { OwnWords } from './OwnWords';
import { Placement } from './Placement';
import { Progression } from './Progression';
import { RecordExport } from '../record-export/RecordExport';
import { Comments } from '../voice/Comments';
import { ConfirmationStatus } from '../voice/ConfirmationStatus';
import { ConfirmPlanForm } from '../voice/ConfirmPlanForm';
import { ProposeMilestoneForm } from '../voice/ProposeMilestoneForm';
import { ScoresSideBySide } from '../voice/ScoresSideBySide';
import { SelfAssessmentForm } from '../voice/SelfAssessmentForm';
import { MyConsents } from '../consent/MyConsents';
import { MyOffers } from '../offers/MyOffers';
import { MyReports } from '../reports/MyReports';
import './min-plan.css';

/**
 * The citizen's own view ("Min plan", CITIZEN): everything written about them, in one column
 * that works on a 375 px phone and by keyboard alone. The own words are theirs to edit.
 */
export default function MinPlan() {
  const t = useT();
  const actor = useActor();
  const { data, error, loading, refetch } = useQuery(MinPlanDocument, { citizenId: actor.id });
  const me = data?.citizen;
  return (
    <Page title={t('minPlan.title')}>
      <ErrorNotice error={error} onRetry={() => void refetch()} />
      {!data && loading && <Loading />}
      {data && !me && <p>{t('minPlan.nothing')}</p>}
      {me && (
        <div className="min-plan">
          <p className="lead">{t('minPlan.hello', { name: me.firstName })}</p>
          {me.activePlan ? (
            <>
              <section aria-labelledby="goal-heading">
                <h2 id="goal-heading">{t('minPlan.goal.title')}</h2>
                <p className="goal">{me.activePlan.longTermGoal}</p>
              </section>
              <OwnWords plan={me.activePlan} onSaved={refetch} />
              <section aria-labelledby="confirm-heading">
                <h2 id="confirm-heading">{t('voice.confirm.title')}</h2>
                <ConfirmationStatus plan={me.activePlan} own="citizen" />
                <ConfirmPlanForm planId={me.activePlan.id} onSaved={refetch} />
              </section>
              <Milestones milestones={me.activePlan.milestones} />
              <section aria-labelledby="propose-heading">
                <h2 id="propose-heading">{t('voice.propose.heading')}</h2>
                <p>{t('voice.propose.intro')}</p>
                <ProposeMilestoneForm planId={me.activePlan.id} onSaved={refetch} />
              </section>
              <section aria-labelledby="comments-heading">
                <h2 id="comments-heading">{t('voice.comments.citizenTitle')}</h2>
                <Comments
                  planId={me.activePlan.id}
                  comments={me.activePlan.comments}
                  milestones={me.activePlan.milestones.filter((m) => !m.declineReason)}
                  onAdded={refetch}
                />
              </section>
            </>
          ) : (
            <p>{t('minPlan.goal.noPlan')}</p>
          )}
          <Agreements citizenId={me.id} mine />
          <MessageThread citizenId={me.id} asCitizen />
          <MyReports citizenId={me.id} />
          <Meetings meetings={me.meetings} />
          <Placement placement={me.activePlacement} />
          <MyConsents citizenId={me.id} />
          <MyOffers citizenId={me.id} />
          <Progression assessments={me.progress.filter((a) => a.assessedBy === 'STAFF')} />
          <section aria-labelledby="self-heading">
            <h2 id="self-heading">{t('voice.self.title')}</h2>
            <p>{t('voice.self.intro')}</p>
            <ScoresSideBySide assessments={me.progress} own="citizen" />
            <SelfAssessmentForm citizenId={me.id} onSaved={refetch} />
          </section>
          <section aria-labelledby="team-heading">
            <h2 id="team-heading">{t('minPlan.team.title')}</h2>
            {me.assignments.length === 0 ? (
              <p>{t('minPlan.team.none')}</p>
            ) : (
              <ul className="plain-list">
                {me.assignments.map((a) => (
                  <li key={`${a.role}-${a.staff.name}`}>
                    <strong>{a.staff.name}</strong>, {t(`role.${a.role}`).toLowerCase()}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <AccessLog entries={me.accessLog} />
          <RecordExport citizenId={me.id} asCitizen />
        </div>
      )}
    </Page>
  );
}
