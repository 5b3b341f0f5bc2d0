import { FormEvent, useRef, useState } from 'react';
import { SaveOwnWordsDocument } from '../../gql/graphql';
import { useDraft } from '../../graphql/drafts';
import { useMutation } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import type { MyPlan } from './types';

const MAX = 4000;

/**
 * The citizen's own words in the plan (borgerens perspektiv), which they may change themselves.
 * Saved against the version read: if staff changed the plan meanwhile, the CONFLICT says so and
 * the text typed is kept while the plan is read again.
 */
export function OwnWords({ plan, onSaved }: { plan: MyPlan; onSaved(): Promise<void> }) {
  const t = useT();
  const [values, update, clear] = useDraft(`own-words:${plan.id}`, { text: '', editing: false });
  const [save, state] = useMutation(SaveOwnWordsDocument);
  const [saved, setSaved] = useState('');
  const editButton = useRef<HTMLButtonElement>(null);
  const editing = values.editing;

  const start = () => {
    setSaved('');
    state.reset();
    update({ editing: true, text: plan.citizenPerspective ?? '' });
  };
  const send = async () => {
    const done = await save({ id: plan.id, expectedVersion: plan.version, text: values.text.trim() || null });
    if (!done) return;
    clear();
    await onSaved();
    setSaved(t('minPlan.ownWords.saved'));
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };
  return (
    <section aria-labelledby="own-words-heading" className="own-words">
      <h2 id="own-words-heading">{t('minPlan.ownWords.title')}</h2>
      {!editing ? (
        <>
          {plan.citizenPerspective ? (
            <blockquote className="own-words-text">{plan.citizenPerspective}</blockquote>
          ) : (
            <p className="muted">{t('minPlan.ownWords.empty')}</p>
          )}
          <button type="button" ref={editButton} onClick={start}>
            {t('minPlan.ownWords.edit')}
          </button>
        </>
      ) : (
        <form onSubmit={submit}>
          <Field
            label={t('minPlan.ownWords.label')}
            hint={t('minPlan.ownWords.hint', { max: MAX })}
            error={state.error?.fieldErrors.citizenPerspective}
          >
            <textarea value={values.text} maxLength={MAX} rows={6} onChange={(e) => update({ text: e.target.value })} autoFocus />
          </Field>
          <ErrorNotice error={state.error} onRetry={() => void send()}>
            {state.error?.kind === 'conflict' && (
              <button type="button" className="secondary" onClick={() => void onSaved().then(() => state.reset())}>
                {t('minPlan.ownWords.reload')}
              </button>
            )}
          </ErrorNotice>
          <FormActions
            save={t('minPlan.ownWords.save')}
            cancel={t('minPlan.ownWords.cancel')}
            busy={state.loading}
            onCancel={() => {
              clear();
              state.reset();
              requestAnimationFrame(() => editButton.current?.focus());
            }}
          />
        </form>
      )}
      <p role="status" className="saved-message">
        {saved}
      </p>
    </section>
  );
}
