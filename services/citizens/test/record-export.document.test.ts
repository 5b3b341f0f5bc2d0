import { cellText, recordPdfDocument, RecordDocument } from '../src/record-export/record-export.document';

/** The record's PDF speaks words where the data holds codes; the JSON keeps the codes. */
const record: RecordDocument = {
  format: 'jobcenter-record-export/1',
  citizenId: '00000000-0000-4000-8000-000000000001',
  generatedAt: '2026-12-07T10:00:00.000Z',
  generatedFor: { role: 'CITIZEN' },
  parts: [
    {
      service: 'plans',
      sections: [
        {
          name: 'milestones',
          title: 'Delmål',
          columns: { title: 'Delmål', status: 'Status', responsible: 'Ansvarlig' },
          codes: { status: 'milestoneStatus', responsible: 'milestoneResponsible' },
          rows: [
            { title: 'Gå til AA-møde hver uge', status: 'IN_PROGRESS', responsible: 'CITIZEN' },
            { title: 'Et nyt delmål', status: 'SOMETHING_NEW', responsible: 'STAFF' },
          ],
        },
        {
          name: 'progressAssessments',
          title: 'Progressionsvurderinger',
          columns: { assessed_by_role: 'Vurderet af', scores: 'Score' },
          codes: { assessed_by_role: 'role', scores: 'progressDimension' },
          rows: [{ assessed_by_role: 'CASEWORKER', scores: { STABILITY: 3, COPING: 4 } }],
        },
      ],
    },
  ],
};

it('shows a coded column in words, and a code its list lacks as it is', () => {
  const table = recordPdfDocument(record).sections.find((s) => s.heading === 'Plan og progression: Delmål')!.table!;
  expect(table.rows).toEqual([
    ['Gå til AA-møde hver uge', 'I gang', 'Borgeren'],
    ['Et nyt delmål', 'SOMETHING_NEW', 'Jobcentret'],
  ]);
});

it("names an object's coded keys in words (scores by dimension)", () => {
  const table = recordPdfDocument(record).sections.find((s) => s.heading === 'Plan og progression: Progressionsvurderinger')!.table!;
  expect(table.rows).toEqual([['Sagsbehandler', 'Stabilitet: 3, Mestring: 4']]);
});

it('leaves columns without a code list as they were: text as text, dates in Danish, objects as JSON', () => {
  expect(cellText('IN_PROGRESS')).toBe('IN_PROGRESS');
  expect(cellText('2026-12-07')).toBe(cellText('2026-12-07', { X: 'y' }));
  expect(cellText({ a: 1 })).toBe('{"a":1}');
  // The document is built from the record; the record itself (the JSON) keeps its codes.
  expect(record.parts[0].sections[0].rows[0].status).toBe('IN_PROGRESS');
});
