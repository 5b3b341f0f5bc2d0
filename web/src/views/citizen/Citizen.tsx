import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { CitizenPageDocument } from '../../gql/graphql';
import { GraphQLFailure } from '../../graphql/client';
import { useQuery } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useFormat } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { AccessLogSection } from './access-log/AccessLogSection';
import { AssignmentsSection } from './assignments/AssignmentsSection';
import { MeetingsSection } from './meetings/MeetingsSection';
import { NetworkSection } from './network/NetworkSection';
import { NotificationsSection } from './notifications/NotificationsSection';
import { PlacementsSection } from './placements/PlacementsSection';
import { PlanSection } from './plan/PlanSection';
import { ProgressionSection } from './progression/ProgressionSection';
import { Agreements } from '../co-ownership/Agreements';
import { FollowUpInterval } from '../co-ownership/FollowUpInterval';
import { MessageThread } from '../co-ownership/MessageThread';
import { ScoresSideBySide } from '../voice/ScoresSideBySide';
import { RecordExport } from '../record-export/RecordExport';
import { ConsentsSection } from '../consent/ConsentsSection';
import { OffersSection } from '../offers/OffersSection';
import { Reports } from '../reports/Reports';

const SECTIONS = [
  'plan',
  'agreements',
  'messages',
  'meetings',
  'placements',
  'progression',
  'network',
  'team',
  'notifications',
  'access-log',
] as const;

/** The citizen's page for staff: one query for the page, sections each in their own folder. */
export default function Citizen() {
  const { id = '' } = useParams();
  const t = useT();
  const f = useFormat();
  const { data, error, loading, refetch } = useQuery(CitizenPageDocument, { id });
  // Agreements have their own query: a recorded outcome (new agreements) reloads them too.
  const [revision, setRevision] = useState(0);
  const meetingsChanged = () => {
    setRevision((r) => r + 1);
    return refetch();
  };
  if (error && !data) return <ErrorNotice error={error} onRetry={refetch} />;
  if (loading && !data) return <Loading />;
  const citizen = data?.citizen;
  if (!citizen) return <ErrorNotice error={new GraphQLFailure('notFound', 'not found')} />;
  const titles: Record<(typeof SECTIONS)[number], string> = {
    plan: t('plan.title'),
    agreements: t('agreements.title'),
    messages: t('messages.title'),
    meetings: t('meetings.title'),
    placements: t('placements.title'),
    progression: t('progression.title'),
    network: t('network.title'),
    team: t('assignments.title'),
    notifications: t('notifications.title'),
    'access-log': t('accessLog.title'),
  };
  return (
    <Page
      title={`${citizen.firstName} ${citizen.lastName}`}
      actions={
        citizen.activePlan && (
          <Link className="button no-print" to={`/citizens/${citizen.id}/print?autoprint=1`} target="_blank">
            {t('citizen.print')}
          </Link>
        )
      }
    >
      <dl className="facts">
        <div>
          <dt>{t('citizen.cpr')}</dt>
          <dd>{citizen.cpr}</dd>
        </div>
        <div>
          <dt>{t('citizen.status')}</dt>
          <dd>{t.label('enum.citizenStatus', citizen.status)}</dd>
        </div>
        <div>
          <dt>{t('citizen.targetGroup')}</dt>
          <dd>{t.label('enum.targetGroup', citizen.targetGroup)}</dd>
        </div>
        <div>
          <dt>{t('citizen.contact')}</dt>
          <dd>{[citizen.phone, citizen.email].filter(Boolean).join(' · ') || '–'}</dd>
        </div>
        <div>
          <dt>{t('citizen.born', { date: '' }).trim()}</dt>
          <dd>{f.date(citizen.birthDate)}</dd>
        </div>
      </dl>
      <nav aria-label={t('citizen.sections')} className="no-print">
        <ul className="inline-list">
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#${s}`}>{titles[s]}</a>
            </li>
          ))}
        </ul>
      </nav>
      <ErrorNotice error={error} onRetry={refetch} />
      <Section id="plan" title={titles.plan}>
        {citizen.activePlan ? <PlanSection plan={citizen.activePlan} onChanged={refetch} /> : <p>{t('citizen.noPlan')}</p>}
      </Section>
      <div id="agreements" className="citizen-section co-ownership">
        <Agreements key={revision} citizenId={citizen.id} />
        <FollowUpInterval citizenId={citizen.id} />
      </div>
      <div id="messages" className="citizen-section co-ownership">
        <MessageThread citizenId={citizen.id} />
      </div>
      <Reports citizenId={citizen.id} />
      <Section id="meetings" title={titles.meetings}>
        <MeetingsSection citizen={citizen} onChanged={meetingsChanged} />
      </Section>
      <Section id="placements" title={titles.placements}>
        <PlacementsSection placements={citizen.placements} />
      </Section>
      <ConsentsSection citizenId={citizen.id} />
      <OffersSection citizenId={citizen.id} />
      <Section id="progression" title={titles.progression}>
        <ProgressionSection assessments={citizen.progress.filter((a) => a.assessedBy === 'STAFF')} />
        <h3>{t('voice.scores.caption')}</h3>
        <ScoresSideBySide assessments={citizen.progress} own="staff" />
      </Section>
      <Section id="network" title={titles.network}>
        <NetworkSection network={citizen.network} profile={citizen.resourceProfile} />
      </Section>
      <Section id="team" title={titles.team}>
        <AssignmentsSection assignments={citizen.assignments} />
      </Section>
      <Section id="notifications" title={titles.notifications}>
        <NotificationsSection citizenId={citizen.id} />
      </Section>
      <Section id="access-log" title={titles['access-log']}>
        <AccessLogSection citizenId={citizen.id} />
      </Section>
      <RecordExport citizenId={citizen.id} />
    </Page>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="citizen-section">
      <h2 id={id} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}
