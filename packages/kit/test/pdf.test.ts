import { columnWidths, formatDanishDate, renderPdf } from '../src/pdf';
import { pdfText } from '../src/testing';

describe('renderPdf', () => {
  it('writes the date as a Danish letter does', () => {
    expect(formatDanishDate(new Date('2026-12-07T10:00:00Z'))).toBe('7. december 2026');
    // Copenhagen's calendar day, not UTC's: 23:30 UTC on 31 December is already New Year there.
    expect(formatDanishDate(new Date('2026-12-31T23:30:00Z'))).toBe('1. januar 2027');
  });

  it('renders a Danish document that reads back with æøå, the house layout and page numbers', async () => {
    const previous = process.env.MUNICIPALITY_NAME;
    process.env.MUNICIPALITY_NAME = 'Århus Kommune';
    try {
      const pdf = await renderPdf({
        title: 'Indsigt i dine oplysninger',
        subtitle: 'Søren Ærø Åberg',
        date: new Date('2026-12-07T09:00:00Z'),
        sections: [
          { heading: 'Mål og delmål', paragraphs: ['Få et fleksjob på 15 timer om ugen før sommerferien.'] },
          {
            heading: 'Møder',
            table: {
              head: ['Dato', 'Emne', 'Sted'],
              rows: [
                ['3. marts 2026', 'Opfølgning på praktik', 'Jobcenter Århus'],
                ['1. april 2026', 'Netværksmøde', 'Hjemme hos borgeren'],
              ],
            },
          },
          // Enough rows for a second page: the footer numbers every page.
          {
            heading: 'Adgangslog',
            table: { head: ['Tid', 'Hvem'], rows: Array.from({ length: 120 }, (_, i) => [`række ${i + 1}`, 'sagsbehandler']) },
          },
        ],
      });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = await pdfText(pdf);
      for (const expected of [
        'Århus Kommune',
        'Indsigt i dine oplysninger',
        'Søren Ærø Åberg',
        '7. december 2026',
        'Mål og delmål',
        'Få et fleksjob på 15 timer om ugen før sommerferien.',
        'Opfølgning på praktik',
        'Hjemme hos borgeren',
        'række 120',
        'Side 1 af',
      ]) {
        expect(text).toContain(expected);
      }
      const pages = Number(/Side 1 af (\d+)/.exec(text)?.[1]);
      expect(pages).toBeGreaterThan(1);
      expect(text).toContain(`Side ${pages} af ${pages}`);
    } finally {
      if (previous === undefined) delete process.env.MUNICIPALITY_NAME;
      else process.env.MUNICIPALITY_NAME = previous;
    }
  });
});

describe('columnWidths', () => {
  const minutes = 'Opgaver i planteskolen, 20 timer om ugen, Poul er kontaktperson. Svend fortæller selv om AA.';
  const head = ['Tidspunkt', 'Slags', 'Sted', 'Status', 'Referat'];
  const row = ['2. august 2026 kl. 10.00', 'PLACEMENT_KICKOFF', 'Ringe Anlægsgartner ApS', 'HELD', minutes];

  it('gives the long text the most room and every column at least its longest word, within the page', () => {
    const widths = columnWidths(head, [row]);
    expect(Math.max(...widths)).toBe(widths[4]);
    expect(widths[1]).toBeGreaterThanOrEqual('PLACEMENT_KICKOFF'.length * 5.6 - 1);
    expect(widths[3]).toBeGreaterThanOrEqual('Status'.length * 5.6 - 1);
    // The page's text width less pdfmake's cell padding (4 pt a side).
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(595 - 2 * 56 - head.length * 8);
  });

  it('keeps a table of many columns on the page (words wrap, none is cut at the edge)', () => {
    const many = Array.from({ length: 12 }, (_, i) => `Kolonne${i}`);
    const widths = columnWidths(many, [many.map(() => '5e7d1c2b-3a4f-4b6c-9d8e-000000000003')]);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(595 - 2 * 56 - many.length * 8);
  });

  it('reads a long table cell back whole from the PDF', async () => {
    const pdf = await renderPdf({ title: 'Møder', sections: [{ heading: 'Møder', table: { head, rows: [row, row, row] } }] });
    expect((await pdfText(pdf)).replace(/\s+/g, ' ')).toContain(minutes);
  });
});
