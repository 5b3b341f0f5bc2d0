import path from 'node:path';
import pdfmake from 'pdfmake';
import { setting } from '../config';

/**
 * A document every service renders the same way (case reports, the record export): a title, an
 * optional subtitle, and sections of paragraphs and tables. Plain data, so a service says what
 * goes in and the kit decides how it looks.
 */
export interface PdfDocument {
  title: string;
  subtitle?: string;
  sections: PdfSection[];
  /** The date printed under the title; default now (shown in Danish, Copenhagen's date). */
  date?: Date;
}

export interface PdfSection {
  heading: string;
  paragraphs?: string[];
  table?: { head: string[]; rows: string[][] };
}

/** Roboto as pdfmake ships it (covers æ, ø and å); the only files the renderer may read. */
const FONT_DIR = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: path.join(FONT_DIR, 'Roboto-Regular.ttf'),
    bold: path.join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: path.join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: path.join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
});
// Documents are built from citizens' data: nothing in one may make the server fetch a URL or
// read a file (an image reference in a note), only the fonts above.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(FONT_DIR + path.sep));

const danishDate = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Copenhagen' });

/** "7. december 2026": a date as a Danish letter writes it (Copenhagen's calendar day). */
export function formatDanishDate(date: Date): string {
  return danishDate.format(date);
}

/** pdfmake's document for ours: the house layout (municipality, title, date, page numbers). */
/** A4 (595 pt) less the page margins below (56 pt each side). */
const TABLE_WIDTH = 595 - 2 * 56;

/** About the width of one character of the 10 pt table text, in pt. */
const CHAR_WIDTH = 5.6;

/**
 * Each column's share of the page by how much text it holds (its longest cell, up to 60
 * characters), but never narrower than its longest word (up to 24 characters): equal shares ('*')
 * gave a short code as much room as a meeting's minutes, and a column squeezed narrower than its
 * words ran off the page's edge and was cut.
 */
export function columnWidths(head: readonly string[], rows: readonly (readonly string[])[]): number[] {
  const cells = head.map((h, i) => [h, ...rows.map((row) => row[i] ?? '')]);
  const longestWord = cells.map((column) => Math.min(24, Math.max(1, ...column.flatMap((text) => text.split(/\s+/).map((w) => w.length)))));
  const weights = cells.map((column) => Math.min(60, Math.max(6, ...column.map((text) => text.length))));
  // pdfmake adds each cell's padding (4 pt a side) to the width it is given.
  const available = TABLE_WIDTH - head.length * 8;
  const least = longestWord.map((n) => n * CHAR_WIDTH);
  const total = weights.reduce((sum, w) => sum + w, 0);
  let widths = weights.map((w) => (available * w) / total);
  // Widen the columns below their longest word, taking the room from those above theirs.
  const short = widths.reduce((sum, w, i) => sum + Math.max(0, least[i] - w), 0);
  const spare = widths.reduce((sum, w, i) => sum + Math.max(0, w - least[i]), 0);
  if (short > 0 && spare > 0) {
    const give = Math.min(1, short / spare);
    widths = widths.map((w, i) => (w < least[i] ? least[i] : w - (w - least[i]) * give));
  }
  // Too many long words to fit: shrink every column alike (a word then wraps, it is never cut).
  const sum = widths.reduce((total, w) => total + w, 0);
  return widths.map((w) => Math.floor(sum > available ? (w * available) / sum : w));
}

function pdfDefinition(doc: PdfDocument): object {
  const municipality = setting('MUNICIPALITY_NAME');
  const date = formatDanishDate(doc.date ?? new Date());
  const content: object[] = [
    { text: doc.title, style: 'title' },
    ...(doc.subtitle ? [{ text: doc.subtitle, style: 'subtitle' }] : []),
    { text: date, style: 'date' },
  ];
  for (const section of doc.sections) {
    content.push({ text: section.heading, style: 'heading' });
    for (const paragraph of section.paragraphs ?? []) content.push({ text: paragraph, style: 'paragraph' });
    if (section.table && section.table.head.length > 0) {
      const { head, rows } = section.table;
      content.push({
        style: 'table',
        layout: 'lightHorizontalLines',
        table: {
          headerRows: 1,
          widths: columnWidths(head, rows),
          // A short row is padded, a long one cut: pdfmake needs every row as wide as the head.
          body: [head.map((h) => ({ text: h, bold: true })), ...rows.map((row) => head.map((_, i) => ({ text: row[i] ?? '' })))],
        },
      });
    }
  }
  return {
    info: { title: doc.title, author: municipality, creator: municipality, producer: municipality },
    pageSize: 'A4',
    pageMargins: [56, 72, 56, 64],
    header: { text: municipality, style: 'municipality', margin: [56, 32, 56, 0] },
    footer: (page: number, pages: number) => ({ text: `Side ${page} af ${pages}`, style: 'footer', margin: [56, 24, 56, 0] }),
    content,
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.25 },
    styles: {
      municipality: { fontSize: 9, bold: true, color: '#1f3a5f' },
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 12, margin: [0, 0, 0, 2] },
      date: { fontSize: 10, color: '#555555', margin: [0, 0, 0, 12] },
      heading: { fontSize: 13, bold: true, margin: [0, 12, 0, 4] },
      paragraph: { margin: [0, 0, 0, 6] },
      table: { fontSize: 9, margin: [0, 2, 0, 8] },
      footer: { fontSize: 8, alignment: 'right', color: '#555555' },
    },
  };
}

/** Renders the document as a PDF (A4, Roboto, the house layout), in this process. */
export async function renderPdf(doc: PdfDocument): Promise<Buffer> {
  return pdfmake.createPdf(pdfDefinition(doc)).getBuffer();
}
