import { useT } from '../../i18n/I18n';

/** A report's title as both views show it: "Statusrapport midtvejs · version 2". */
export function useReportTitle() {
  const t = useT();
  return (r: { kind: string; version: number }) => `${t.label('reports.kinds', r.kind)} · ${t('reports.version', { n: r.version })}`;
}

/** The link to a report's PDF (the gateway's files route, the session cookie is the only credential). */
export function PdfLink({ url, title }: { url: string; title: string }) {
  const t = useT();
  return (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {t('reports.pdf')}
      <span className="visually-hidden">: {title}</span>
    </a>
  );
}

/** The report's whole text, folded away; scrollable and reachable by keyboard. */
export function ReportText({ text }: { text: string }) {
  const t = useT();
  return (
    <details>
      <summary>{t('reports.showText')}</summary>
      <pre className="report-text" tabIndex={0}>
        {text}
      </pre>
    </details>
  );
}
