import { useCallback, useMemo, useRef, useState } from 'react';
import { MyDayDocument } from '../../gql/graphql';
import { useQuery } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { useActor } from '../../session/session';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { AttentionList } from './AttentionList';
import { OtherPlacements } from './OtherPlacements';
import { ProposePlacementForm } from './ProposePlacementForm';
import './my-day.css';

/**
 * The job consultant's day (JOB_CONSULTANT): the placements that need attention first (no
 * follow-up in 14 days, ending within 14 days, past the end date), each with the citizen, the
 * company, the plan's goal and the next meeting; recording a follow-up takes a row off the list.
 * Below: the other open placements and the form to propose a new one, with the legal maximum.
 */
export default function MyDay() {
  const t = useT();
  const actor = useActor();
  const { data, error, loading, refetch } = useQuery(MyDayDocument, { staffId: actor.id });
  const [announcement, setAnnouncement] = useState('');
  const status = useRef<HTMLParagraphElement>(null);
  const me = data?.staffMember;

  const announce = useCallback(
    async (text: string) => {
      await refetch();
      setAnnouncement(text);
      // The row the person acted on is gone: keep keyboard focus on the page, at the message.
      status.current?.focus();
    },
    [refetch],
  );
  const attentionIds = useMemo(() => new Set(me?.placementsNeedingAttention.map((a) => a.placement.id)), [me]);

  return (
    <Page title={t('myDay.title')}>
      <p ref={status} className="status-message" role="status" tabIndex={-1}>
        {announcement}
      </p>
      <ErrorNotice error={error} onRetry={() => void refetch()} />
      {!data && loading && <Loading />}
      {me && (
        <div className="my-day">
          <AttentionList items={me.placementsNeedingAttention} onRecorded={announce} />
          <OtherPlacements placements={me.placements.filter((p) => !attentionIds.has(p.id))} />
          <ProposePlacementForm caseload={me.caseload} placements={me.placements} onProposed={announce} />
        </div>
      )}
    </Page>
  );
}
