import { FormEvent, useEffect, useState } from 'react';
import { MarkMessagesReadDocument, MessageThreadDocument, SendMessageDocument } from '../../gql/graphql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useFormat, withoutFieldPrefix } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import './co-ownership.css';

/**
 * The secure thread between the citizen and their team (beskeder), oldest first, with read
 * receipts. Opening it marks the other side's messages read for the one looking.
 */
export function MessageThread({ citizenId, asCitizen = false }: { citizenId: string; asCitizen?: boolean }) {
  const t = useT();
  const f = useFormat();
  const { data, error, loading, refetch } = useQuery(MessageThreadDocument, { id: citizenId });
  const [markRead] = useMutation(MarkMessagesReadDocument);
  const [send, state] = useMutation(SendMessageDocument);
  const [text, setText] = useState('');
  const unread = data?.citizen?.unreadMessages ?? 0;
  useEffect(() => {
    if (unread > 0) void markRead({ citizenId });
  }, [unread, citizenId, markRead]);
  const messages = data?.citizen?.messages ?? [];
  const ownSide = (fromRole: string) => (fromRole === 'CITIZEN') === asCitizen;
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (await send({ citizenId, text })) {
      setText('');
      await refetch();
    }
  };
  const textError = state.error?.fieldErrors.text;
  return (
    <section aria-labelledby="messages-heading" className="messages">
      <h2 id="messages-heading">{t('messages.title')}</h2>
      <ErrorNotice error={error} onRetry={() => void refetch()} />
      {!data && loading && <Loading />}
      {data && messages.length === 0 && <p className="muted">{t('messages.none')}</p>}
      {messages.length > 0 && (
        <ol className="plain-list message-list" aria-label={t('messages.thread')}>
          {messages.map((m) => (
            <li key={m.id} className={ownSide(m.fromRole) ? 'message own' : 'message'}>
              <p className="message-meta">
                <strong>{m.fromName}</strong> · {f.dateTime(m.at)}
              </p>
              <p className="message-text">{m.text}</p>
              {ownSide(m.fromRole) && (
                <p className="muted message-receipt">
                  {m.readAt ? t('messages.read', { when: f.dateTime(m.readAt) }) : t('messages.unread')}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={(e) => void submit(e)} aria-labelledby="messages-heading">
        <Field label={t('messages.write')} error={textError && withoutFieldPrefix(textError)}>
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} />
        </Field>
        <ErrorNotice error={state.error && !textError ? state.error : undefined} onRetry={() => void submit()} />
        <div className="actions">
          <button type="submit" disabled={state.loading}>
            {t('messages.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
