import { FormEvent, useMemo, useState } from 'react';
import { ProposePlacementDocument, type PlacementKind, type PlacementPurpose } from '../../gql/graphql';
import { useDraft } from '../../graphql/drafts';
import { useMutation } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { isDay } from '../../ui/dates';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { CompanyLookup, type CompanyChoice } from './CompanyLookup';
import { fieldMessages } from './field-errors';
import { LegalMaximum } from './LegalMaximum';
import type { CaseloadCitizen, OwnPlacement } from './types';

const KINDS: PlacementKind[] = ['INTERNSHIP', 'WAGE_SUBSIDY_PRIVATE', 'WAGE_SUBSIDY_PUBLIC', 'ORDINARY_JOB', 'FLEXJOB'];
const PURPOSES: PlacementPurpose[] = ['CLARIFICATION', 'UPSKILLING', 'RETENTION'];
const EMPTY = { citizenId: '', companyId: '', kind: 'INTERNSHIP', purpose: '', startDate: '', endDate: '', hoursPerWeek: '' };
type Values = typeof EMPTY;

/**
 * Proposes a placement for a citizen of the caseload at a company. The legal maximum for the
 * chosen citizen, kind and start date shows before submitting; an end date past it is still
 * sent, and the service's refusal (the rule's message) shows at the end date field.
 */
export function ProposePlacementForm({
  caseload,
  placements,
  onProposed,
}: {
  caseload: CaseloadCitizen[];
  placements: OwnPlacement[];
  onProposed(message: string): Promise<void>;
}) {
  const t = useT();
  const [values, update, clear] = useDraft<Values>('propose-placement', EMPTY);
  const [found, setFound] = useState<CompanyChoice[]>([]);
  const [missing, setMissing] = useState<Partial<Record<keyof Values, string>>>({});
  const [propose, state] = useMutation(ProposePlacementDocument);
  const errors = { ...fieldMessages(state.error), ...missing };
  const citizens = useMemo(
    () => [...caseload].sort((a, b) => `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`, 'da')),
    [caseload],
  );
  const companies = useMemo(() => {
    const byId = new Map<string, CompanyChoice>();
    for (const c of [...placements.map((p) => p.company), ...found]) byId.set(c.id, { id: c.id, name: c.name, cvr: c.cvr });
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'da'));
  }, [placements, found]);

  const send = async () => {
    const need: Partial<Record<keyof Values, string>> = {};
    for (const key of ['citizenId', 'companyId', 'startDate', 'endDate'] as const)
      if (!values[key]) need[key] = t('myDay.propose.required');
    setMissing(need);
    if (Object.keys(need).length) return;
    const done = await propose({
      input: {
        citizenId: values.citizenId,
        companyId: values.companyId,
        kind: values.kind as PlacementKind,
        purpose: (values.purpose || null) as PlacementPurpose | null,
        startDate: values.startDate,
        endDate: values.endDate,
        hoursPerWeek: values.hoursPerWeek ? Number(values.hoursPerWeek) : null,
      },
    });
    if (done) {
      const p = done.proposePlacement;
      const citizen = caseload.find((c) => c.id === values.citizenId);
      clear();
      await onProposed(
        t('myDay.propose.proposed', { who: citizen ? `${citizen.firstName} ${citizen.lastName}` : '', company: p.company.name }),
      );
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };
  const showLimit = values.citizenId && values.kind && isDay(values.startDate);

  return (
    <section aria-labelledby="propose-heading" className="propose">
      <h2 id="propose-heading">{t('myDay.propose.title')}</h2>
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          <Field label={t('myDay.propose.citizen')} error={errors.citizenId}>
            <select value={values.citizenId} onChange={(e) => update({ citizenId: e.target.value })}>
              <option value="">{t('myDay.propose.choose')}</option>
              {citizens.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.firstName} {c.lastName}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('myDay.propose.company')} error={errors.companyId}>
            <select value={values.companyId} onChange={(e) => update({ companyId: e.target.value })}>
              <option value="">{t('myDay.propose.choose')}</option>
              {companies.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} (CVR {c.cvr})
                </option>
              ))}
            </select>
          </Field>
        </div>
        <CompanyLookup
          onFound={(c) => {
            setFound((list) => [...list.filter((x) => x.id !== c.id), c]);
            update({ companyId: c.id });
          }}
        />
        <div className="form-grid">
          <Field label={t('myDay.propose.kind')} error={errors.kind}>
            <select value={values.kind} onChange={(e) => update({ kind: e.target.value })}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`enum.placementKind.${k}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('myDay.propose.purpose')} error={errors.purpose}>
            <select value={values.purpose} onChange={(e) => update({ purpose: e.target.value })}>
              <option value="">{t('myDay.propose.noPurpose')}</option>
              {PURPOSES.map((p) => (
                <option key={p} value={p}>
                  {t(`enum.placementPurpose.${p}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('myDay.propose.startDate')} error={errors.startDate}>
            <input type="date" value={values.startDate} onChange={(e) => update({ startDate: e.target.value })} />
          </Field>
          <Field label={t('myDay.propose.hoursPerWeek')} error={errors.hoursPerWeek}>
            <input
              type="number"
              inputMode="decimal"
              min={1}
              max={48}
              step={0.5}
              value={values.hoursPerWeek}
              onChange={(e) => update({ hoursPerWeek: e.target.value })}
            />
          </Field>
        </div>
        {showLimit ? (
          <LegalMaximum id="legal-maximum" citizenId={values.citizenId} kind={values.kind as PlacementKind} startDate={values.startDate} />
        ) : (
          <p className="hint">{t('myDay.limit.hint')}</p>
        )}
        <div className="form-grid">
          <Field label={t('myDay.propose.endDate')} error={errors.endDate}>
            <input type="date" value={values.endDate} onChange={(e) => update({ endDate: e.target.value })} />
          </Field>
        </div>
        <ErrorNotice error={state.error} onRetry={() => void send()} />
        <button type="submit" disabled={state.loading}>
          {t('myDay.propose.submit')}
        </button>
      </form>
    </section>
  );
}
