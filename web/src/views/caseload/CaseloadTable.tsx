import { Link } from 'react-router';
import type { CaseloadQuery } from '../../gql/graphql';
import { useT } from '../../i18n/I18n';
import { useFormat } from '../../ui/format';
import { Column, SortableTable } from '../../ui/SortableTable';
import { activeOffersColumn } from '../offers/caseload-column';

export type CaseloadRow = NonNullable<CaseloadQuery['staffMember']>['caseload'][number] & { staffName?: string; key?: string };

/**
 * The caseload table (the caseworker's own, or the team's with a column for whose citizen it is):
 * overdue milestones and agreements, unread messages, network meeting overdue, next meeting, active placement; sortable by each.
 */
export function CaseloadTable({ rows, caption, showStaff = false }: { rows: CaseloadRow[]; caption: string; showStaff?: boolean }) {
  const t = useT();
  const f = useFormat();
  const columns: Column<CaseloadRow>[] = [
    {
      key: 'name',
      label: t('caseload.name'),
      rowHeader: true,
      sortValue: (r) => `${r.lastName} ${r.firstName}`.toLowerCase(),
      render: (r) => <Link to={`/citizens/${r.id}`}>{`${r.firstName} ${r.lastName}`}</Link>,
    },
    ...(showStaff
      ? [{ key: 'staff', label: t('caseload.staff'), sortValue: (r: CaseloadRow) => r.staffName, render: (r: CaseloadRow) => r.staffName }]
      : []),
    {
      key: 'goal',
      label: t('caseload.goal'),
      render: (r) => r.activePlan?.longTermGoal ?? <span className="muted">{t('caseload.noPlan')}</span>,
    },
    {
      key: 'overdue',
      label: t('caseload.overdueMilestones'),
      sortValue: (r) => -(r.activePlan?.overdueMilestones.length ?? 0),
      render: (r) => {
        const overdue = r.activePlan?.overdueMilestones ?? [];
        if (!overdue.length) return <span className="muted">{t('caseload.none')}</span>;
        return (
          <>
            <span className="badge badge-danger">{overdue.length}</span>{' '}
            {overdue.map((m) => `${m.title} (${f.date(m.deadline)})`).join('; ')}
          </>
        );
      },
    },
    {
      key: 'agreements',
      label: t('agreements.caseloadColumn'),
      sortValue: (r) => -r.overdueAgreements.length,
      render: (r) => {
        if (!r.overdueAgreements.length) return <span className="muted">{t('caseload.none')}</span>;
        return (
          <>
            <span className="badge badge-danger">{r.overdueAgreements.length}</span>{' '}
            {r.overdueAgreements.map((a) => `${a.text}${a.deadline ? ` (${f.date(a.deadline)})` : ''}`).join('; ')}
          </>
        );
      },
    },
    {
      key: 'messages',
      label: t('messages.caseloadColumn'),
      sortValue: (r) => -r.unreadMessages,
      render: (r) =>
        r.unreadMessages ? (
          <Link to={`/citizens/${r.id}#messages`} className="badge badge-danger">
            {r.unreadMessages}
            <span className="visually-hidden"> {t('messages.caseloadColumn')}</span>
          </Link>
        ) : (
          <span className="muted">0</span>
        ),
    },
    {
      key: 'network',
      label: t('caseload.networkMeetingOverdue'),
      sortValue: (r) => (r.networkMeetingOverdue ? 0 : 1),
      render: (r) =>
        r.networkMeetingOverdue ? <span className="badge badge-danger">{t('caseload.yesOverdue')}</span> : <span>{t('caseload.no')}</span>,
    },
    {
      key: 'next',
      label: t('caseload.nextMeeting'),
      sortValue: (r) => r.nextMeeting?.scheduledAt,
      render: (r) =>
        r.nextMeeting ? (
          `${f.dateTime(r.nextMeeting.scheduledAt)} · ${t.label('enum.meetingKind', r.nextMeeting.kind)}`
        ) : (
          <span className="muted">{t('caseload.none')}</span>
        ),
    },
    {
      key: 'placement',
      label: t('caseload.activePlacement'),
      sortValue: (r) => r.activePlacement?.endDate,
      render: (r) => {
        const p = r.activePlacement;
        if (!p) return <span className="muted">{t('caseload.none')}</span>;
        return `${t.label('enum.placementKind', p.kind)}, ${p.company.name} (${t('caseload.until', { date: f.date(p.endDate) })})`;
      },
    },
    activeOffersColumn<CaseloadRow>(t, f),
  ];
  return (
    <SortableTable
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.key ?? r.id}
      initialSort={{ key: 'overdue', direction: 'ascending' }}
    />
  );
}
