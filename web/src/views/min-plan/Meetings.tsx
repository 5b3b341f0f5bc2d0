import { useT } from '../../i18n/I18n';
import { formatDateTime } from '../../ui/dates';
import type { MyMeeting } from './types';

/** My meetings: those coming up (soonest first), then the latest held or missed ones. */
export function Meetings({ meetings, now = new Date() }: { meetings: MyMeeting[]; now?: Date }) {
  const t = useT();
  const upcoming = meetings.filter((m) => m.status === 'PLANNED' && new Date(m.scheduledAt) >= now);
  const past = meetings
    .filter((m) => !upcoming.includes(m))
    .reverse()
    .slice(0, 10);
  const item = (m: MyMeeting) => (
    <li key={m.id}>
      <strong>{formatDateTime(t.intl, m.scheduledAt)}</strong>
      <span>
        {t(`enum.meetingKind.${m.kind}`)}
        {m.location ? ` · ${m.location}` : ''}
        {m.status !== 'PLANNED' ? ` · ${t(`enum.meetingStatus.${m.status}`)}` : ''}
      </span>
    </li>
  );
  return (
    <section aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">{t('minPlan.meetings.title')}</h2>
      <h3>{t('minPlan.meetings.upcoming')}</h3>
      {upcoming.length ? <ul className="meetings">{upcoming.map(item)}</ul> : <p>{t('minPlan.meetings.noneUpcoming')}</p>}
      {past.length > 0 && (
        <>
          <h3>{t('minPlan.meetings.past')}</h3>
          <ul className="meetings">{past.map(item)}</ul>
        </>
      )}
    </section>
  );
}
