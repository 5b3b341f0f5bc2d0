import './voice.css';
import { FormEvent, useState } from 'react';
import { AddPlanCommentDocument } from '../../gql/graphql';
import { useDraft } from '../../graphql/drafts';
import { useMutation } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useFormat } from '../../ui/format';

const MAX = 4000;

interface Comment {
  id: string;
  at: string;
  authorRole: string;
  authorName: string;
  text: string;
  milestone?: { id: string; title: string } | null;
}

/**
 * The conversation about the plan, oldest first, and a form to add to it: on the plan as a whole
 * or on one milestone. The same for the citizen (Min plan) and staff (the citizen page).
 */
export function Comments({
  planId,
  comments,
  milestones,
  onAdded,
}: {
  planId: string;
  comments: Comment[];
  milestones: { id: string; title: string }[];
  onAdded(): Promise<unknown> | void;
}) {
  const t = useT();
  const f = useFormat();
  const [values, update, clear] = useDraft(`plan-comment:${planId}`, { text: '', milestoneId: '' });
  const [add, state] = useMutation(AddPlanCommentDocument);
  const [saved, setSaved] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved('');
    const done = await add({ planId, text: values.text, milestoneId: values.milestoneId || null });
    if (!done) return;
    clear();
    await onAdded();
    setSaved(t('voice.comments.saved'));
  };
  return (
    <div className="plan-comments">
      {comments.length === 0 ? (
        <p className="muted">{t('voice.comments.none')}</p>
      ) : (
        <ol className="comment-list" data-testid="plan-comments">
          {comments.map((c) => (
            <li key={c.id} className={c.authorRole === 'CITIZEN' ? 'comment comment-citizen' : 'comment'}>
              <p className="muted">
                {c.authorName} · {f.dateTime(c.at)}
                {c.milestone ? ` · ${t('voice.comments.about', { title: c.milestone.title })}` : ''}
              </p>
              <p className="comment-text">{c.text}</p>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={(e) => void submit(e)} className="comment-form">
        <Field label={t('voice.comments.label')} hint={t('voice.comments.hint', { max: MAX })} error={state.error?.fieldErrors.text}>
          <textarea value={values.text} maxLength={MAX} rows={3} onChange={(e) => update({ text: e.target.value })} />
        </Field>
        {milestones.length > 0 && (
          <Field label={t('voice.comments.on')} error={state.error?.fieldErrors.milestoneId}>
            <select value={values.milestoneId} onChange={(e) => update({ milestoneId: e.target.value })}>
              <option value="">{t('voice.comments.wholePlan')}</option>
              {milestones.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title}
                </option>
              ))}
            </select>
          </Field>
        )}
        <ErrorNotice error={state.error} onRetry={() => void add({ planId, text: values.text, milestoneId: values.milestoneId || null })} />
        <button type="submit" disabled={state.loading}>
          {t('voice.comments.add')}
        </button>
        <p role="status" className="saved-message">
          {saved}
        </p>
      </form>
    </div>
  );
}
