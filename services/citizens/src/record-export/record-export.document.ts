import type { RecordPart, RecordPartSection, RecordRow } from '@jobcenter/kit';
import { formatDanishDate, PdfDocument, PdfSection } from '@jobcenter/kit/pdf';
import labels from '@jobcenter/labels/da.json';

/** The whole record as the JSON gives it: every subgraph's part, each with its access log. */
export interface RecordDocument {
  format: 'jobcenter-record-export/1';
  citizenId: string;
  generatedAt: string;
  /** The role of the person it was made for (CITIZEN, or the staff member answering a request). */
  generatedFor: { role: string };
  parts: RecordPart[];
}

/** The words for the codes, by list (the workbench shows the same). */
const CODE_LISTS: Record<string, Record<string, string>> = labels;
/** The subgraphs' parts under a heading a citizen understands. */
const PART_TITLES = CODE_LISTS.domain;

const ROLE_TITLES: Record<string, string> = {
  CITIZEN: 'dig selv',
  CASEWORKER: 'din sagsbehandler',
  RESOURCE_CONSULTANT: 'din ressourcekonsulent',
  JOB_CONSULTANT: 'din jobkonsulent',
  TEAM_LEAD: 'en teamleder',
};

const ACCESS_LOG = 'accessLog';
const danishTime = new Intl.DateTimeFormat('da-DK', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Copenhagen' });

/**
 * One value as text for the PDF: dates in Danish, lists joined, objects as short JSON. With the
 * column's code list, a code is its word ("Aktivitetsparat", not ACTIVITY_READY), also as an
 * object's key (scores by dimension); a code the list lacks stays as it is.
 */
export function cellText(value: unknown, codes?: Record<string, string>): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (typeof value === 'string') {
    if (codes?.[value]) return codes[value];
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDanishDate(new Date(`${value}T12:00:00Z`));
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
      const at = new Date(value);
      return Number.isNaN(at.getTime()) ? value : `${formatDanishDate(at)} kl. ${danishTime.format(at)}`;
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => cellText(v, codes)).join(', ');
  if (typeof value === 'object' && codes) {
    return Object.entries(value)
      .map(([key, v]) => `${codes[key] ?? key}: ${cellText(v)}`)
      .join(', ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Columns of a section's table: its declared labels, else every column the rows have. */
function tableOf(section: RecordPartSection): { head: string[]; rows: string[][] } {
  const keys = section.columns ? Object.keys(section.columns) : [...new Set(section.rows.flatMap((r) => Object.keys(r)))];
  const head = keys.map((k) => section.columns?.[k] ?? k);
  const lists = keys.map((k) => (section.codes?.[k] ? CODE_LISTS[section.codes[k]] : undefined));
  // One row (the citizen's identity, a profile): a field per line reads better than a wide table.
  if (section.rows.length === 1 && keys.length > 3) {
    return { head: ['Oplysning', 'Værdi'], rows: keys.map((k, i) => [head[i], cellText(section.rows[0][k], lists[i])]) };
  }
  return { head, rows: section.rows.map((row: RecordRow) => keys.map((k, i) => cellText(row[k], lists[i]))) };
}

/** The readable PDF of the record: the same content as the JSON, section by section, the access log merged last. */
export function recordPdfDocument(record: RecordDocument): PdfDocument {
  const citizen = record.parts.find((p) => p.service === 'citizens')?.sections.find((s) => s.name === 'citizen')?.rows[0];
  const generatedAt = new Date(record.generatedAt);
  const sections: PdfSection[] = [
    {
      heading: 'Om dette udtræk',
      paragraphs: [
        'Her er alle de oplysninger, jobcentret har registreret om dig, og en liste over hvem der har set eller ændret dem (databeskyttelsesforordningens artikel 15).',
        `Udtrækket er dannet ${formatDanishDate(generatedAt)} kl. ${danishTime.format(generatedAt)} til ${ROLE_TITLES[record.generatedFor.role] ?? record.generatedFor.role}. ` +
          'De samme oplysninger findes i maskinlæsbar form (JSON).',
      ],
    },
  ];
  for (const part of record.parts) {
    for (const section of part.sections) {
      if (section.name === ACCESS_LOG) continue;
      const heading = `${PART_TITLES[part.service] ?? part.service}: ${section.title}`;
      sections.push(section.rows.length === 0 ? { heading, paragraphs: ['Ingen oplysninger.'] } : { heading, table: tableOf(section) });
    }
  }
  const log = record.parts.flatMap((part) => part.sections.filter((s) => s.name === ACCESS_LOG));
  const entries = log.flatMap((s) => s.rows).sort((a, b) => String(a.at).localeCompare(String(b.at)));
  sections.push(
    entries.length === 0
      ? { heading: 'Adgangslog', paragraphs: ['Ingen har set eller ændret dine oplysninger.'] }
      : {
          heading: 'Adgangslog',
          paragraphs: ['Hvem (rolle) har set eller ændret hvilke oplysninger, hvornår og hvorfor.'],
          table: tableOf({ ...log[0], rows: entries }),
        },
  );
  return {
    title: 'Alt, vi har om dig',
    subtitle: citizen ? `${cellText(citizen.name)}, CPR-nr. ${cellText(citizen.cpr)}` : undefined,
    date: generatedAt,
    sections,
  };
}
