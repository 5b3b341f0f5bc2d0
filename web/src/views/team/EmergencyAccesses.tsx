import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { EmergencyAccessesDocument, ReviewEmergencyAccessDocument } from '../../gql/graphql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { useDraft } from '../../graphql/drafts';
import { useT } from '../../i18n/I18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useFormat } from '../../ui/format';
import { Loading } from '../../ui/Loading';

/** Emergency accesses the team opened, to review with a note (not yet reviewed first). */
export function EmergencyAccesses({ team }: { team: string }) {
  const t = useT();
  const f = useFormat();
  const [includeReviewed, setIncludeReviewed] = useState(false);
  const { data, error, loading, refetch } = useQuery(EmergencyAccessesDocument, { includeReviewed, team });
  const names = new Map((data?.staffMembers ?? []).map((s) => [s.id, s.name]));
  const accesses = data?.emergencyAccessesForReview ?? [];
  return (
    <>
      <label className="checkbox no-print">
        <input type="checkbox" checked={includeReviewed} onChange={(e) => setIncludeReviewed(e.target.checked)} />{' '}
        {t('team.includeReviewed')}
      </label>
      <ErrorNotice error={error} onRetry={refetch} />
      {loading && !data && <Loading />}
      {data && accesses.length === 0 && <p>{t('team.noEmergencies')}</p>}
      <ul className="cards">
        {accesses.map((a) => (
          <li key={a.id} className="panel">
            <p>
              <strong>{names.get(a.staffId) ?? a.staffId}</strong> ({t.label('role', a.staffRole)}) ·{' '}
              {t('team.emergencyWhen', { from: f.dateTime(a.grantedAt), to: f.time(a.expiresAt) })} ·{' '}
              <Link to={`/citizens/${a.citizenId}`}>{t('team.openCitizen')}</Link>
            </p>
            <p>
              {t('team.emergencyReason')}: <q>{a.reason}</q>
            </p>
            {a.reviewedAt ? (
              <p className="badge-ok">{t('team.reviewed', { at: f.dateTime(a.reviewedAt), note: a.reviewNote ?? '' })}</p>
            ) : (
              <ReviewForm id={a.id} onDone={refetch} />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function ReviewForm({ id, onDone }: { id: string; onDone(): void }) {
  const t = useT();
  const [draft, update, clear] = useDraft(`emergency-review:${id}`, { note: '' });
  const [review, state] = useMutation(ReviewEmergencyAccessDocument);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await review({ id, note: draft.note || null })) {
      clear();
      onDone();
    }
  };
  return (
    <form onSubmit={submit}>
      <Field label={t('team.reviewNote')} error={state.error?.fieldErrors.note}>
        <textarea value={draft.note} onChange={(e) => update({ note: e.target.value })} />
      </Field>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.loading}>
        {t('team.markReviewed')}
      </button>
    </form>
  );
}
