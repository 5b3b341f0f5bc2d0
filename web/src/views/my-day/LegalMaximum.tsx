import { PlacementLimitDocument, type PlacementKind } from '../../gql/graphql';
import { useQuery } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { formatDay } from '../../ui/dates';

/**
 * The legal maximum of the placement being filled in, before it is submitted: the latest end
 * date and the rule with its source, for the citizen's target group as the citizens service
 * records it (the same check the proposal will meet). The rule's own wording is the service's
 * (English), marked as such for screen readers.
 */
export function LegalMaximum({
  citizenId,
  kind,
  startDate,
  id,
}: {
  citizenId: string;
  kind: PlacementKind;
  startDate: string;
  id: string;
}) {
  const t = useT();
  const { data, error, loading } = useQuery(PlacementLimitDocument, { citizenId, kind, startDate });
  const limit = data?.placementLimit;
  let body;
  if (error) body = <p>{t('myDay.limit.unavailable')}</p>;
  else if (!limit) body = loading ? <p>{t('app.loading')}</p> : null;
  else if (limit.refusal) body = <p lang="en">{limit.refusal}</p>;
  else if (!limit.rule || !limit.maxEndDate) body = <p>{t('myDay.limit.none')}</p>;
  else {
    body = (
      <>
        <p>
          {t('myDay.limit.latest')} <strong className="max-end-date">{formatDay(t.intl, limit.maxEndDate, 'long')}</strong> (
          {t('myDay.limit.maxLength')} <span lang="en">{limit.rule.maxLength}</span>)
        </p>
        <p className="rule-source">
          {t('myDay.limit.source')} <strong>{limit.rule.source}</strong>, {t('myDay.limit.rule')} <code>{limit.rule.code}</code>:{' '}
          <span lang="en">{limit.rule.description}</span>
          {limit.rule.extension && (
            <>
              {' '}
              {t('myDay.limit.extension')} <span lang="en">{limit.rule.extension}</span>
            </>
          )}
        </p>
        <p className="muted">{t(`myDay.limit.targetGroup`, { group: t(`enum.targetGroup.${limit.targetGroup}`) })}</p>
      </>
    );
  }
  return (
    <div className="legal-maximum notice" id={id} role="status" aria-live="polite">
      <p className="legal-maximum-title">
        <strong>{t('myDay.limit.title')}</strong>
      </p>
      {body}
    </div>
  );
}
