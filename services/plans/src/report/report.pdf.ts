import { notFound, RequestContext } from '@jobcenter/kit';
import { renderPdf } from '@jobcenter/kit/pdf';
import { PlansLoaders } from '../loaders';
import { reportSubtitle } from './report.compose';
import { readableReport } from './report.access';
import { CaseReport } from './report.entity';
import { REPORT_TITLES } from './report.rules';

/** The report as the kit's PDF document: its sections as drafted, and the citizen's comment once given. */
export function reportDocument(report: CaseReport) {
  return {
    title: REPORT_TITLES[report.kind],
    subtitle: reportSubtitle(report.citizenName, report.periodFrom, report.periodTo),
    sections: [
      ...report.sections,
      ...(report.citizenComment ? [{ heading: 'Borgerens bemærkninger', paragraphs: [report.citizenComment] }] : []),
    ],
  };
}

/**
 * GET /files/plans/reports/<id>.pdf (through the gateway): the report as a PDF, with exactly the
 * report's authorisation (readableReport): staff of the citizen's caseload see every version,
 * the citizen only their own shared reports; anything else answers as an unknown report. The
 * read is on the access log like the report's.
 */
export async function reportPdf(ctx: RequestContext<PlansLoaders>, params: Record<string, string>) {
  const report = await readableReport(ctx, params.id);
  if (!report) throw notFound('Report', params.id);
  return {
    filename: `${REPORT_TITLES[report.kind].toLowerCase().replace(/\s+/g, '-')}-v${report.version}.pdf`,
    contentType: 'application/pdf',
    body: await renderPdf(reportDocument(report)),
  };
}
