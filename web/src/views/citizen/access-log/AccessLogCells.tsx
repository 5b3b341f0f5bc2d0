import { useT } from '../../../i18n/I18n';

/** What an access-log entry was about, and how it ended: the same in the citizen's log and the spot check. */
interface Entry {
  domain: string;
  operation: string;
  operationName?: string | null;
  kind: string;
  outcome: string;
  purpose: string;
  reason?: string | null;
}

/** The "what" and "purpose" cells of one access-log row; a refused look-up is marked. */
export function AccessLogCells({ entry: e }: { entry: Entry }) {
  const t = useT();
  return (
    <>
      <td>
        {`${e.domain} · ${e.operationName ?? e.operation} (${e.kind})`}
        {e.outcome === 'REFUSED' ? <strong>{` — ${t('accessLog.refused')}`}</strong> : null}
      </td>
      <td>
        {t.label('accessLog.purposes', e.purpose)}
        {e.reason ? `: ${e.reason}` : ''}
      </td>
    </>
  );
}
