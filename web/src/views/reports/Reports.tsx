import { FormEvent, useState } from 'react';
import {
  ApproveReportDocument,
  CitizenReportsDocument,
  DraftReportDocument,
  ReviseReportDocument,
  ShareReportDocument,
  type CitizenReportsQuery,
  type ReportKind,
} from '../../gql/graphql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { useActor } from '../../session/session';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { todayInDenmark, useFormat, withoutFieldPrefix } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { PdfLink, ReportText, useReportTitle } from './ReportParts';
import './reports.css';

type Citizen = NonNullable<CitizenReportsQuery['citizen']>;
type Report = Citizen['reports'][number];

/**
 * "Rapporter" on the citizen's page (staff): the reports of the citizen's course (statusrapport
 * midtvejs, afslutningsrapport), every version. The caseworker or consultant drafts from the plan
 * and the period's meetings with their evaluation; the team lead approves; then it is shared with
 * the citizen. A shared report is never changed: a correction is the next version.
 */
export function Reports({ citizenId }: { citizenId: string }) {
  const t = useT();
  const f = useFormat();
  const actor = useActor();
  const { data, error, loading, refetch } = useQuery(CitizenReportsDocument, { id: citizenId });
  const citizen = data?.citizen;
  const plan = citizen?.activePlan;
  return (
    <section aria-labelledby="reports" className="citizen-section reports">
      <h2 id="reports" tabIndex={-1}>
        {t('reports.title')}
      </h2>
      <ErrorNotice error={error} onRetry={() => void refetch()} />
      {!data && loading && <Loading />}
      {plan && (
        <p>
          {plan.plannedEndDate
            ? t('reports.course', { from: f.date(plan.startDate), to: f.date(plan.plannedEndDate), midway: f.date(plan.midwayReportDate) })
            : t('reports.openEnded', { from: f.date(plan.startDate) })}
        </p>
      )}
      {citizen?.midwayReportDueOn && (
        <p className="notice" role="status">
          <strong>{t('reports.dueSince', { date: f.date(citizen.midwayReportDueOn) })}</strong>
        </p>
      )}
      {citizen && citizen.reports.length === 0 && <p className="muted">{t('reports.none')}</p>}
      {citizen && citizen.reports.length > 0 && (
        <ul className="report-list">
          {citizen.reports.map((r) => (
            <ReportItem key={r.id} report={r} onChanged={() => void refetch()} />
          ))}
        </ul>
      )}
      {citizen && actor.role !== 'TEAM_LEAD' && (
        <DraftForm citizenId={citizenId} plan={plan ?? null} referrals={citizen.referrals} onSaved={() => void refetch()} />
      )}
    </section>
  );
}

function ReportItem({ report: r, onChanged }: { report: Report; onChanged(): void }) {
  const t = useT();
  const f = useFormat();
  const actor = useActor();
  const [approve, approving] = useMutation(ApproveReportDocument);
  const [share, sharing] = useMutation(ShareReportDocument);
  const [revising, setRevising] = useState(false);
  const title = useReportTitle()(r);
  return (
    <li>
      <article aria-label={title}>
        <h3>
          {title} <span className={r.status === 'SHARED' ? 'badge badge-ok' : 'badge'}>{t.label('reports.statuses', r.status)}</span>
        </h3>
        <p>
          {r.referral?.provider && `${t('reports.offer', { provider: r.referral.provider.name })} · `}
          {t('reports.period', { from: f.date(r.periodFrom), to: f.date(r.periodTo) })} ·{' '}
          {t('reports.draftedBy', { name: r.authorName, date: f.dateTime(r.draftedAt) })}
          {r.approvedByName && ` · ${t('reports.approvedBy', { name: r.approvedByName })}`}
          {r.sharedAt && ` · ${t('reports.sharedOn', { date: f.dateTime(r.sharedAt) })}`}
          {r.previousVersion && ` · ${t('reports.corrects', { n: r.previousVersion.version })}`}
        </p>
        <div className="report-actions">
          <PdfLink url={r.pdfUrl} title={title} />
          {actor.role === 'TEAM_LEAD' && r.status === 'DRAFT' && (
            <button type="button" disabled={approving.loading} onClick={async () => (await approve({ id: r.id })) && onChanged()}>
              {t('reports.approve')}
              <span className="visually-hidden">: {title}</span>
            </button>
          )}
          {r.status === 'APPROVED' && (
            <button type="button" disabled={sharing.loading} onClick={async () => (await share({ id: r.id })) && onChanged()}>
              {t('reports.share')}
              <span className="visually-hidden">: {title}</span>
            </button>
          )}
          {actor.role !== 'TEAM_LEAD' && !revising && (
            <button type="button" className="secondary" onClick={() => setRevising(true)}>
              {r.status === 'DRAFT' ? t('reports.edit') : t('reports.correct')}
              <span className="visually-hidden">: {title}</span>
            </button>
          )}
        </div>
        <ErrorNotice error={approving.error ?? sharing.error} />
        {revising && (
          <ReviseForm
            report={r}
            onDone={(saved) => {
              setRevising(false);
              if (saved) onChanged();
            }}
          />
        )}
        {r.citizenComment && (
          <blockquote>
            <strong>{t('reports.citizenComment')}:</strong> {r.citizenComment}
          </blockquote>
        )}
        <ReportText text={r.text} />
      </article>
    </li>
  );
}

function ReviseForm({ report, onDone }: { report: Report; onDone(saved: boolean): void }) {
  const t = useT();
  const [evaluation, setEvaluation] = useState(report.evaluation);
  const [revise, state] = useMutation(ReviseReportDocument);
  const send = async () => onDone(Boolean(await revise({ id: report.id, evaluation })));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };
  const error = state.error?.fieldErrors.evaluation;
  return (
    <form className="report-form" onSubmit={submit} aria-label={t('reports.correctTitle')}>
      {report.status !== 'DRAFT' && <p className="hint">{t('reports.correctHint', { n: report.version + 1 })}</p>}
      <Field label={t('reports.evaluation')} error={error && withoutFieldPrefix(error)}>
        <textarea value={evaluation} onChange={(e) => setEvaluation(e.target.value)} />
      </Field>
      <ErrorNotice error={state.error} onRetry={send} />
      <FormActions save={t('reports.saveCorrection')} cancel={t('plan.cancel')} busy={state.loading} onCancel={() => onDone(false)} />
    </form>
  );
}

type Referral = Citizen['referrals'][number];

function DraftForm({
  citizenId,
  plan,
  referrals,
  onSaved,
}: {
  citizenId: string;
  plan: Citizen['activePlan'] | null;
  referrals: Referral[];
  onSaved(): void;
}) {
  const t = useT();
  const f = useFormat();
  const today = todayInDenmark();
  const end = plan?.plannedEndDate && plan.plannedEndDate < today ? plan.plannedEndDate : today;
  const [kind, setKind] = useState<ReportKind>('MIDWAY_STATUS');
  const [periodFrom, setFrom] = useState(plan?.startDate ?? today);
  const [periodTo, setTo] = useState(kind === 'FINAL' && plan?.plannedEndDate ? plan.plannedEndDate : end);
  const [evaluation, setEvaluation] = useState('');
  // The course the report is about: the plan as a whole, or one of the citizen's referrals (tilbud).
  const [onReferral, setOnReferral] = useState(false);
  const [referralId, setReferralId] = useState('');
  const [draft, state] = useMutation(DraftReportDocument);
  if (!plan) return <p>{t('reports.noPlan')}</p>;
  const pickReferral = (id: string) => {
    setReferralId(id);
    const referral = referrals.find((r) => r.id === id);
    if (!referral) return;
    // The period defaults to the referral's dates, up to today.
    setFrom(referral.startDate);
    setTo(referral.endDate && referral.endDate < today ? referral.endDate : today);
  };
  const send = async () => {
    const about = onReferral ? { referralId } : {};
    if (await draft({ input: { citizenId, kind, periodFrom, periodTo, evaluation, ...about } })) {
      setEvaluation('');
      state.reset();
      onSaved();
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };
  const err = (name: string) => {
    const message = state.error?.fieldErrors[name];
    return message && withoutFieldPrefix(message);
  };
  return (
    <form className="report-form" onSubmit={submit} aria-labelledby="draft-report-heading">
      <h3 id="draft-report-heading">{t('reports.draftTitle')}</h3>
      <p className="hint">{t('reports.draftHint')}</p>
      <fieldset>
        <legend>{t('reports.kind')}</legend>
        {(['MIDWAY_STATUS', 'FINAL'] as const).map((k) => (
          <label key={k} className="radio">
            <input type="radio" name="report-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />{' '}
            {t.label('reports.kinds', k)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('reports.scope')}</legend>
        <label className="radio">
          <input type="radio" name="report-scope" checked={!onReferral} onChange={() => setOnReferral(false)} /> {t('reports.scopePlan')}
        </label>
        <label className="radio">
          <input
            type="radio"
            name="report-scope"
            checked={onReferral}
            onChange={() => {
              setOnReferral(true);
              if (!referralId && referrals[0]) pickReferral(referrals[0].id);
            }}
          />{' '}
          {t('reports.scopeReferral')}
        </label>
      </fieldset>
      {onReferral &&
        (referrals.length === 0 ? (
          <p className="hint">{t('reports.noReferrals')}</p>
        ) : (
          <Field label={t('reports.referral')} error={err('referralId')}>
            <select value={referralId} onChange={(e) => pickReferral(e.target.value)} required>
              {referrals.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.endDate
                    ? t('reports.referralOption', { provider: r.provider.name, from: f.date(r.startDate), to: f.date(r.endDate) })
                    : t('reports.referralOpen', { provider: r.provider.name, from: f.date(r.startDate) })}
                </option>
              ))}
            </select>
          </Field>
        ))}
      <Field label={t('reports.periodFrom')} error={err('periodFrom')}>
        <input type="date" value={periodFrom} onChange={(e) => setFrom(e.target.value)} required />
      </Field>
      <Field label={t('reports.periodTo')} error={err('periodTo')}>
        <input type="date" value={periodTo} onChange={(e) => setTo(e.target.value)} required />
      </Field>
      <Field label={t('reports.evaluation')} hint={t('reports.evaluationHint')} error={err('evaluation')}>
        <textarea value={evaluation} onChange={(e) => setEvaluation(e.target.value)} />
      </Field>
      <ErrorNotice error={state.error} onRetry={send} />
      <div className="actions">
        <button type="submit" disabled={state.loading}>
          {t('reports.draft')}
        </button>
      </div>
    </form>
  );
}
