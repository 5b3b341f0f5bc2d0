import { FormEvent, useState } from 'react';
import { CommentOnReportDocument, MyReportsDocument, type MyReportsQuery } from '../../gql/graphql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useFormat, withoutFieldPrefix } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { PdfLink, ReportText, useReportTitle } from './ReportParts';
import './reports.css';

type Report = NonNullable<MyReportsQuery['citizen']>['reports'][number];

/**
 * "Mine rapporter" in Min plan: the reports of the citizen's course once shared with them, to read
 * (as text or PDF) and to add their own comment to. Drafts are the staff's working copies and are
 * not shown.
 */
export function MyReports({ citizenId }: { citizenId: string }) {
  const t = useT();
  const { data, error, loading, refetch } = useQuery(MyReportsDocument, { id: citizenId });
  const reports = data?.citizen?.reports ?? [];
  return (
    <section aria-labelledby="my-reports-heading" className="reports">
      <h2 id="my-reports-heading">{t('reports.mine')}</h2>
      <ErrorNotice error={error} onRetry={() => void refetch()} />
      {!data && loading && <Loading />}
      {data && reports.length === 0 && <p className="muted">{t('reports.noneShared')}</p>}
      {reports.length > 0 && (
        <ul className="report-list">
          {reports.map((r) => (
            <MyReport key={r.id} report={r} onSaved={() => void refetch()} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MyReport({ report: r, onSaved }: { report: Report; onSaved(): void }) {
  const t = useT();
  const f = useFormat();
  const [comment, setComment] = useState(r.citizenComment ?? '');
  const [save, state] = useMutation(CommentOnReportDocument);
  const title = useReportTitle()(r);
  const send = async () => {
    if (await save({ id: r.id, comment })) onSaved();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };
  const error = state.error?.fieldErrors.comment;
  return (
    <li>
      <article aria-label={title}>
        <h3>{title}</h3>
        <p>
          {t('reports.period', { from: f.date(r.periodFrom), to: f.date(r.periodTo) })}
          {r.sharedAt && ` · ${t('reports.sharedOn', { date: f.dateTime(r.sharedAt) })}`}
        </p>
        <p>
          <PdfLink url={r.pdfUrl} title={title} />
        </p>
        <ReportText text={r.text} />
        <form className="report-form" onSubmit={submit} aria-label={t('reports.commentFor', { title })}>
          <Field label={t('reports.yourComment')} hint={t('reports.commentHint')} error={error && withoutFieldPrefix(error)}>
            <textarea value={comment} onChange={(e) => setComment(e.target.value)} />
          </Field>
          <ErrorNotice error={state.error} onRetry={send} />
          <div className="actions">
            <button type="submit" disabled={state.loading}>
              {t('reports.saveComment')}
            </button>
          </div>
        </form>
      </article>
    </li>
  );
}
