import { CaseloadDocument } from '../../gql/graphql';
import { useQuery } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { useActor } from '../../session/session';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { TeamCaseload } from '../team/TeamCaseload';
import { CaseloadTable } from './CaseloadTable';

/** Caseworker / resource consultant: my caseload. A team lead sees the team's. */
export default function Caseload() {
  const actor = useActor();
  const t = useT();
  if (actor.role === 'TEAM_LEAD') {
    return (
      <Page title={t('team.caseloadTitle')}>
        <TeamCaseload team={actor.team ?? ''} />
      </Page>
    );
  }
  return (
    <Page title={t('caseload.title')}>
      <OwnCaseload staffId={actor.id} />
    </Page>
  );
}

function OwnCaseload({ staffId }: { staffId: string }) {
  const t = useT();
  const { data, error, loading, refetch } = useQuery(CaseloadDocument, { staffId });
  if (error) return <ErrorNotice error={error} onRetry={refetch} />;
  if (loading && !data) return <Loading />;
  const rows = data?.staffMember?.caseload ?? [];
  if (!rows.length) return <p>{t('caseload.empty')}</p>;
  return (
    <>
      <p>{t('caseload.count', { count: rows.length })}</p>
      <CaseloadTable rows={rows} caption={t('caseload.title')} />
    </>
  );
}
