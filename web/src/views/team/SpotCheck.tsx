import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { SpotCheckDocument } from '../../gql/graphql';
import { useQuery } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useFormat } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { AccessLogCells } from '../citizen/access-log/AccessLogCells';

/**
 * The access-log spot check: a random sample of the team's citizens' look-ups in all four
 * domains for the team lead to review (who looked, at whom, why). Drawing a new sample is a button.
 */
export function SpotCheck({ team }: { team: string }) {
  const t = useT();
  const f = useFormat();
  const [params, setParams] = useState({ days: 30, size: 20 });
  const [form, setForm] = useState({ days: '30', size: '20' });
  const { data, error, loading, refetch } = useQuery(SpotCheckDocument, { ...params, team });
  const names = new Map((data?.staffMembers ?? []).map((s) => [s.id, s.name]));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = { days: Number(form.days) || 30, size: Number(form.size) || 20 };
    if (next.days === params.days && next.size === params.size) void refetch();
    else setParams(next);
  };
  const check = data?.accessLogSpotCheck;
  return (
    <>
      <form onSubmit={submit} className="inline-form no-print">
        <Field label={t('team.spotCheckDays')}>
          <input type="number" min={1} max={365} value={form.days} onChange={(e) => setForm({ ...form, days: e.target.value })} />
        </Field>
        <Field label={t('team.spotCheckSize')}>
          <input type="number" min={1} max={100} value={form.size} onChange={(e) => setForm({ ...form, size: e.target.value })} />
        </Field>
        <button type="submit" disabled={loading}>
          {t('team.spotCheckDraw')}
        </button>
      </form>
      <ErrorNotice error={error} onRetry={refetch} />
      {loading && !data && <Loading />}
      {check && (
        <>
          <p>
            {t('team.spotCheckSummary', {
              lookUps: check.lookUps,
              drawn: check.entries.length,
              from: f.date(check.from.slice(0, 10)),
              to: f.date(check.to.slice(0, 10)),
            })}
          </p>
          <p className="muted">{check.byDomain.map((d) => `${d.domain}: ${d.drawn}/${d.lookUps}`).join(' · ')}</p>
          {check.entries.length === 0 ? (
            <p>{t('team.spotCheckEmpty')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('team.spotCheckTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('accessLog.at')}</th>
                    <th scope="col">{t('accessLog.who')}</th>
                    <th scope="col">{t('accessLog.citizen')}</th>
                    <th scope="col">{t('accessLog.what')}</th>
                    <th scope="col">{t('accessLog.purpose')}</th>
                  </tr>
                </thead>
                <tbody>
                  {check.entries.map((e) => (
                    <tr key={`${e.requestId}:${e.domain}:${e.kind}:${e.citizen.id}:${e.at}`}>
                      <td>{f.dateTime(e.at)}</td>
                      <td>
                        {names.get(e.actorId) ?? e.actorId} <span className="muted">({t.label('role', e.actorRole)})</span>
                      </td>
                      <td>
                        <Link to={`/citizens/${e.citizen.id}`}>{`${e.citizen.firstName} ${e.citizen.lastName}`}</Link>
                      </td>
                      <AccessLogCells entry={e} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
