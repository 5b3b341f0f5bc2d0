import { useEffect, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { PrintablePlanDocument } from '../../../gql/graphql';
import { useQuery } from '../../../graphql/hooks';
import { useLanguage, useT } from '../../../i18n/I18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { Loading } from '../../../ui/Loading';
import { Page } from '../../../ui/Page';

/**
 * The printable plan, as the plans service renders it (Citizen.printablePlan: escaped HTML with
 * its own A4 print style). The page's CSP allows no inline <style>, so the printout's style is
 * applied as a constructed stylesheet while this page is open. `?autoprint=1` (the citizen page's
 * link) opens the print dialog as soon as it is drawn.
 */
export default function PrintPlan() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const t = useT();
  const { language } = useLanguage();
  const { data, error, loading, refetch } = useQuery(PrintablePlanDocument, { id, language: language === 'da' ? 'DA' : 'EN' });
  const html = data?.citizen?.printablePlan;
  const printout = useMemo(() => (html ? splitPrintout(html) : undefined), [html]);
  useEffect(() => {
    if (!printout) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(printout.css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    if (params.get('autoprint')) window.print();
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [printout, params]);
  if (error) return <ErrorNotice error={error} onRetry={refetch} />;
  if (loading && !data) return <Loading />;
  if (!printout) {
    return (
      <Page title={t('print.title')}>
        <p>{t('print.none')}</p>
      </Page>
    );
  }
  return (
    <>
      <div className="print-tools no-print">
        <Link to={`/citizens/${id}`}>{t('print.back')}</Link>
        <button type="button" onClick={() => window.print()}>
          {t('print.print')}
        </button>
      </div>
      <PrintTitle title={printout.title} />
      <div className="printout" dangerouslySetInnerHTML={{ __html: printout.body }} />
    </>
  );
}

function PrintTitle({ title }: { title: string }) {
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}

/**
 * The printout's style, title and body; scripts (there are none) would be dropped. The <style>
 * is cut out before parsing: the parser's document inherits this page's CSP and would report it.
 */
function splitPrintout(html: string) {
  const STYLE = /<style[^>]*>([\s\S]*?)<\/style>/gi;
  const css = [...html.matchAll(STYLE)].map((m) => m[1]).join('\n');
  const doc = new DOMParser().parseFromString(html.replace(STYLE, ''), 'text/html');
  doc.querySelectorAll('script, style, link, iframe, object').forEach((n) => n.remove());
  return { css, title: doc.title, body: doc.body.innerHTML };
}
