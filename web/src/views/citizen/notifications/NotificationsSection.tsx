import { CitizenNotificationsDocument } from '../../../gql/graphql';
import { useQuery } from '../../../graphql/hooks';
import { useT } from '../../../i18n/I18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { useFormat } from '../../../ui/format';
import { Loading } from '../../../ui/Loading';

/**
 * What the citizen has been told and when (Citizen.notifications): meeting notices, reminders the
 * day before, deadlines in 3 days, new messages. Staff see whether a notice went out, is waiting
 * (quiet hours, a retry) or failed and why, and so whether the person must be told another way.
 */
export function NotificationsSection({ citizenId }: { citizenId: string }) {
  const t = useT();
  const f = useFormat();
  const { data, error, loading, refetch } = useQuery(CitizenNotificationsDocument, { id: citizenId });
  if (error) return <ErrorNotice error={error} onRetry={refetch} />;
  if (loading && !data) return <Loading />;
  const citizen = data?.citizen;
  const entries = citizen?.notifications ?? [];
  return (
    <>
      <p className="muted">{t('notifications.intro', { channel: t.label('notifications.channel', citizen?.preferredContact ?? '') })}</p>
      {entries.length === 0 ? (
        <p>{t('notifications.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('notifications.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('notifications.created')}</th>
                <th scope="col">{t('notifications.what')}</th>
                <th scope="col">{t('notifications.channelHeading')}</th>
                <th scope="col">{t('notifications.status')}</th>
                <th scope="col">{t('notifications.when')}</th>
                <th scope="col">{t('notifications.attempts')}</th>
                <th scope="col">{t('notifications.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((n) => (
                <tr key={n.id}>
                  <td>{f.dateTime(n.createdAt)}</td>
                  <td>{t.label('notifications.kind', n.kind)}</td>
                  <td>{t.label('notifications.channel', n.channel)}</td>
                  <td>{t.label('notifications.state', n.status)}</td>
                  <td>{n.sentAt ? f.dateTime(n.sentAt) : n.status === 'PENDING' ? f.dateTime(n.sendAfter) : '–'}</td>
                  <td>{n.attempts}</td>
                  <td>{n.failure ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
