import { Link } from 'react-router';
import { DigestDocument } from '../../gql/graphql';
import { useQuery } from '../../graphql/hooks';
import { useT, type MessageKey } from '../../i18n/I18n';
import { useActor } from '../../session/session';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useFormat } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { midwayReportDigestItems } from '../reports/midway';

interface Item {
  key: string;
  citizenId: string;
  name: string;
  detail: string;
}

/**
 * The staff member's daily overview (dagens overblik), the same points as the 07:00 digest e-mail:
 * agreements overdue, follow-ups due, placements ending within 14 days, network meetings overdue,
 * unread messages. Read as the signed-in staff member, so it shows only their caseload.
 */
export default function Digest() {
  const actor = useActor();
  const t = useT();
  const f = useFormat();
  const { data, error, loading, refetch } = useQuery(DigestDocument, { staffId: actor.id });
  if (error && !data) return <ErrorNotice error={error} onRetry={refetch} />;
  if (loading && !data) return <Loading />;
  const caseload = data?.staffMember?.caseload ?? [];
  const name = (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`;
  const groups: { id: string; title: MessageKey; items: Item[] }[] = [
    {
      id: 'agreements',
      title: 'digest.agreements',
      items: caseload.flatMap((c) =>
        c.overdueAgreements.map((a) => ({
          key: a.id,
          citizenId: c.id,
          name: name(c),
          detail: `${a.text}${a.deadline ? ` (${t('digest.deadline', { date: f.date(a.deadline) })})` : ''}`,
        })),
      ),
    },
    {
      id: 'follow-ups',
      title: 'digest.followUps',
      items: caseload
        .filter((c) => c.followUpDue)
        .map((c) => ({ key: c.id, citizenId: c.id, name: name(c), detail: t('digest.dueOn', { date: f.date(c.followUpDueOn) }) })),
    },
    {
      id: 'placements',
      title: 'digest.placements',
      items: (data?.staffMember?.placements ?? []).map((p) => ({
        key: p.id,
        citizenId: p.citizen.id,
        name: name(p.citizen),
        detail: t('digest.placementEnds', { company: p.company.name, date: f.date(p.endDate) }),
      })),
    },
    {
      id: 'network',
      title: 'digest.network',
      items: caseload.filter((c) => c.networkMeetingOverdue).map((c) => ({ key: c.id, citizenId: c.id, name: name(c), detail: '' })),
    },
    { id: 'midway-reports', title: 'reports.digestTitle', items: midwayReportDigestItems(caseload, t, f.date) },
    {
      id: 'messages',
      title: 'digest.messages',
      items: caseload
        .filter((c) => c.unreadMessages > 0)
        .map((c) => ({ key: c.id, citizenId: c.id, name: name(c), detail: t('digest.unread', { count: c.unreadMessages }) })),
    },
  ];
  return (
    <Page title={t('digest.title')}>
      <p className="muted">{t('digest.intro')}</p>
      <ErrorNotice error={error} onRetry={refetch} />
      {groups.map((g) => (
        <section key={g.id} aria-labelledby={`digest-${g.id}`}>
          <h2 id={`digest-${g.id}`}>
            {t(g.title)} ({g.items.length})
          </h2>
          {g.items.length === 0 ? (
            <p>{t('digest.none')}</p>
          ) : (
            <ul>
              {g.items.map((item) => (
                <li key={item.key}>
                  <Link to={`/citizens/${item.citizenId}`}>{item.name}</Link>
                  {item.detail ? `: ${item.detail}` : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </Page>
  );
}
