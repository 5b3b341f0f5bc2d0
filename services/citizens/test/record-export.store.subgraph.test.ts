import { randomUUID } from 'node:crypto';
import { startTestSubgraph, TestSubgraph } from '@jobcenter/kit/testing';
import { citizensSubgraph } from '../src/server';
import { loadExport, purgeExpiredExports, RECORD_EXPORT_HOURS, storeExport } from '../src/record-export/record-export.store';

/**
 * A generated record export is kept sealed for RECORD_EXPORT_HOURS so its links serve exactly
 * what was generated, then it is gone (docs/record-export.md).
 */
let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(citizensSubgraph);
});
afterAll(() => subgraph?.stop());

const entry = (generatedAt: Date) => ({
  citizenId: randomUUID(),
  requestedBy: { id: randomUUID(), role: 'CITIZEN' },
  generatedAt,
  json: JSON.stringify({ cpr: '230994-1017', note: 'Svend går til AA' }),
  pdf: Buffer.from('%PDF-1.7 test'),
});

it('keeps the JSON and the PDF sealed: no CPR number or text in the table, both back exactly while kept', async () => {
  const stored = await storeExport(subgraph.dataSource, entry(new Date()));
  const raw: { json_sealed: string; pdf_sealed: string }[] = await subgraph.dataSource.query(
    'SELECT json_sealed, pdf_sealed FROM record_export WHERE id = $1',
    [stored.id],
  );
  // Whole phrases, not fragments: ciphertext in base64url holds any two letters ("AA") by chance.
  const plain = stored.json;
  for (const clear of ['230994-1017', 'Svend går til AA', Buffer.from(plain).toString('base64url').slice(0, 20)]) {
    expect(raw[0].json_sealed).not.toContain(clear);
  }
  expect(raw[0].pdf_sealed).not.toContain('%PDF');
  const loaded = await loadExport(subgraph.dataSource, stored.id);
  expect(loaded?.json).toBe(stored.json);
  expect(loaded?.pdf.equals(stored.pdf)).toBe(true);
});

it(`serves nothing after ${RECORD_EXPORT_HOURS} hours, and the housekeeping deletes it`, async () => {
  const old = await storeExport(subgraph.dataSource, entry(new Date(Date.now() - (RECORD_EXPORT_HOURS + 1) * 3_600_000)));
  const fresh = await storeExport(subgraph.dataSource, entry(new Date()));
  expect(await loadExport(subgraph.dataSource, old.id)).toBeNull();
  expect(await purgeExpiredExports(subgraph.dataSource)).toBeGreaterThanOrEqual(1);
  const left: { id: string }[] = await subgraph.dataSource.query('SELECT id FROM record_export WHERE id = ANY($1)', [[old.id, fresh.id]]);
  expect(left.map((r) => r.id)).toEqual([fresh.id]);
});
