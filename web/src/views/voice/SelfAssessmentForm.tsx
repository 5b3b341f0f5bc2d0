import { FormEvent, useState } from 'react';
import { RecordSelfAssessmentDocument } from '../../gql/graphql';
import { useDraft } from '../../graphql/drafts';
import { useMutation } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { DIMENSIONS } from '../dashboard/figures';

type Dimension = (typeof DIMENSIONS)[number];

/** The citizen scores themselves 1–10 on the dimensions they choose (selvvurdering); one a day. */
export function SelfAssessmentForm({ citizenId, onSaved }: { citizenId: string; onSaved(): Promise<unknown> }) {
  const t = useT();
  const [values, update, clear] = useDraft(`self-assessment:${citizenId}`, { scores: {} as Partial<Record<Dimension, string>>, note: '' });
  const [record, state] = useMutation(RecordSelfAssessmentDocument);
  const [saved, setSaved] = useState('');
  const scores = DIMENSIONS.flatMap((dimension) =>
    values.scores[dimension] ? [{ dimension, score: Number(values.scores[dimension]) }] : [],
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved('');
    const done = await record({ citizenId, input: { scores, note: values.note.trim() || null } });
    if (!done) return;
    clear();
    await onSaved();
    setSaved(t('voice.self.saved'));
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="self-assessment">
      <fieldset>
        <legend>{t('voice.self.legend')}</legend>
        <p className="hint">{t('voice.self.hint')}</p>
        <div className="score-grid">
          {DIMENSIONS.map((d) => (
            <Field key={d} label={t.label('enum.progressDimension', d)}>
              <select value={values.scores[d] ?? ''} onChange={(e) => update({ scores: { ...values.scores, [d]: e.target.value } })}>
                <option value="">{t('voice.self.skip')}</option>
                {Array.from({ length: 10 }, (_, i) => String(i + 1)).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </Field>
          ))}
        </div>
        {state.error?.fieldErrors.scores && <p className="field-error">{state.error.fieldErrors.scores}</p>}
        <Field label={t('voice.self.note')} error={state.error?.fieldErrors.note}>
          <textarea value={values.note} maxLength={4000} rows={2} onChange={(e) => update({ note: e.target.value })} />
        </Field>
      </fieldset>
      <ErrorNotice error={state.error} onRetry={() => void record({ citizenId, input: { scores, note: values.note.trim() || null } })} />
      <button type="submit" disabled={state.loading || scores.length === 0}>
        {t('voice.self.save')}
      </button>
      <p role="status" className="saved-message">
        {saved}
      </p>
    </form>
  );
}
