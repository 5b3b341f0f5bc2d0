import { TeamCaseloadDocument } from '../../gql/graphql';
import { useQuery } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { CaseloadRow, CaseloadTable } from '../caseload/CaseloadTable';

/** The team's caseload: each citizen once per caseworker / resource consultant, with whose it is. */
export function TeamCaseload({ team }: { team: string }) {
  const t = useT();
  const { data, error, loading, refetch } = useQuery(TeamCaseloadDocument, { team });
  if (error) return <ErrorNotice error={error} onRetry={refetch} />;
  if (loading && !data) return <Loading />;
  const rows: CaseloadRow[] = (data?.staffMembers ?? [])
    .filter((s) => s.role === 'CASEWORKER' || s.role === 'RESOURCE_CONSULTANT')
    .flatMap((s) => s.caseload.map((c) => ({ ...c, id: c.id, staffName: s.name, key: `${s.id}:${c.id}` })));
  if (!rows.length) return <p>{t('caseload.empty')}</p>;
  return <CaseloadTable rows={rows} caption={t('team.caseloadTitle')} showStaff />;
}
