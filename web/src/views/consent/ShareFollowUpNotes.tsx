import { useState } from 'react';
import { ShareFollowUpNotesDocument } from '../../gql/graphql';
import { useMutation } from '../../graphql/hooks';
import { useT } from '../../i18n/I18n';
import { ErrorNotice } from '../../ui/ErrorNotice';

/**
 * Shares a placement's follow-up notes with its company. The service allows it only under the
 * citizen's consent in force for that company, and records the sharing; without one the service's
 * CONFLICT says what is missing.
 */
export function ShareFollowUpNotes({ placementId, onShared }: { placementId: string; onShared(): void }) {
  const t = useT();
  const [share, state] = useMutation(ShareFollowUpNotesDocument);
  const [done, setDone] = useState(false);
  const send = async () => {
    setDone(false);
    if (await share({ placementId })) {
      setDone(true);
      onShared();
    }
  };
  return (
    <div>
      <button type="button" className="secondary" disabled={state.loading} onClick={() => void send()}>
        {t('pathway.share')}
      </button>
      <ErrorNotice error={state.error} onRetry={send} />
      {done && <p role="status">{t('pathway.shareDone')}</p>}
    </div>
  );
}
