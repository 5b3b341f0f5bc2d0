import type { Actor } from '@jobcenter/kit';
import { DEMO_TEAM, demoCitizens, demoStaff } from '@jobcenter/demo-cast';
import { startTestFederation, TestFederation } from '@jobcenter/gateway/testing';
import { bearerFor, pdfText } from '@jobcenter/kit/testing';
import { subgraphs } from '@jobcenter/scripts/services';

/**
 * GDPR Art. 15 end to end (docs/record-export.md): the whole federation with the demo data,
 * Svend's record gathered from every subgraph, as JSON and as a PDF read back, for him and his
 * caseworker only, and every part's read on the access log of the subgraph that holds it.
 */
let federation: TestFederation;
let origin: string;
const svend: Actor = { id: demoCitizens.svend.id, role: 'CITIZEN', name: 'Svend Madsen' };
const per: Actor = { id: demoCitizens.per.id, role: 'CITIZEN', name: 'Per Hansen' };
const inger: Actor = { ...demoStaff.inger, role: 'CASEWORKER', team: DEMO_TEAM };
const karin: Actor = { ...demoStaff.karin, role: 'ANALYST', team: DEMO_TEAM };

const EXPORT = `query($id: ID!) { recordExport(citizenId: $id) { generatedAt json pdfUrl jsonUrl } }`;

interface Section {
  name: string;
  title: string;
  rows: Record<string, any>[];
}
interface Part {
  service: string;
  sections: Section[];
}
const sectionOf = (parts: Part[], service: string, name: string): Section =>
  parts.find((p) => p.service === service)!.sections.find((s) => s.name === name)!;

beforeAll(async () => {
  federation = await startTestFederation(subgraphs);
  origin = new URL(federation.url).origin;
  for (const definition of subgraphs) {
    if (definition.seedDemo) await definition.seedDemo(federation.subgraphs[definition.name].dataSource);
  }
  // Inger reads Svend's plan: an entry the export's access log must show.
  const read = await federation.as(inger, `query($id: ID!) { citizen(id: $id) { plans { longTermGoal } } }`, { id: svend.id });
  expect(read.errors).toBeUndefined();
}, 180_000);
afterAll(() => federation?.stop());

describe("Svend's whole record", () => {
  let record: { generatedAt: string; json: string; pdfUrl: string; jsonUrl: string };
  let parts: Part[];
  let ms: number;

  beforeAll(async () => {
    const started = Date.now();
    const res = await federation.as(svend, EXPORT, { id: svend.id });
    ms = Date.now() - started;
    // The figure docs/record-export.md quotes (whole federation, demo data, on this machine).
    console.log(
      `recordExport for Svend (demo data, 5 subgraphs, PDF included): ${ms} ms, JSON ${res.data?.recordExport?.json.length} characters`,
    );
    expect(res.errors).toBeUndefined();
    record = res.data.recordExport;
    parts = JSON.parse(record.json).parts;
  });

  it('comes in seconds, as JSON with a part from every subgraph', () => {
    expect(ms).toBeLessThan(15_000);
    expect(parts.map((p) => p.service).sort()).toEqual(subgraphs.map((d) => d.name).sort());
    expect(record.pdfUrl).toMatch(/^\/files\/citizens\/exports\/[0-9a-f-]{36}\.pdf$/);
  });

  it('holds his data from each subgraph: identity with the CPR number, network, plan goal, a meeting, a placement', () => {
    expect(sectionOf(parts, 'citizens', 'citizen').rows[0]).toMatchObject({ name: 'Svend Madsen', cpr: '230994-1017' });
    expect(sectionOf(parts, 'citizens', 'network').rows.map((r) => r.name)).toEqual(
      expect.arrayContaining(['Grethe Madsen', 'AA-gruppen Ringe']),
    );
    expect(sectionOf(parts, 'plans', 'plans').rows.map((r) => r.long_term_goal)).toContain(
      'Uddannet anlægsgartner og derefter et fast job',
    );
    expect(sectionOf(parts, 'plans', 'milestones').rows.map((r) => r.title)).toContain('Gå til AA-møde hver uge');
    expect(sectionOf(parts, 'meetings', 'meetings').rows.map((r) => r.summary)).toContain('Svend er stadig tørlagt og går i AA hver uge.');
    expect(sectionOf(parts, 'placements', 'placements').rows.map((r) => r.company)).toContain('Ringe Anlægsgartner ApS');
    expect(sectionOf(parts, 'insights', 'citizen')).toBeDefined();
  });

  it("holds the access log of every subgraph, with Inger's look at his plan", () => {
    for (const part of parts) expect(part.sections.map((s) => s.name)).toContain('accessLog');
    expect(sectionOf(parts, 'plans', 'accessLog').rows).toContainEqual(
      expect.objectContaining({ actorRole: 'CASEWORKER', operation: 'READ', purpose: 'CASE_WORK' }),
    );
    // No staff member's id is handed out; their role is.
    expect(JSON.stringify(sectionOf(parts, 'plans', 'accessLog').rows)).not.toContain(inger.id);
  });

  it('gives the same record as a PDF whose text reads back, and the JSON as a file, to Svend through the gateway', async () => {
    const headers = await bearerFor(svend);
    const res = await fetch(`${origin}${record.pdfUrl}`, { headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('no-store');
    // Table cells wrap: words are compared, not line breaks.
    const text = (await pdfText(Buffer.from(await res.arrayBuffer()))).replace(/\s+/g, ' ');
    for (const expected of [
      'Demo Kommune',
      'Alt, vi har om dig',
      'Svend Madsen, CPR-nr. 230994-1017',
      'AA-gruppen Ringe',
      'Uddannet anlægsgartner og derefter et fast job',
      'Svend er stadig tørlagt og går i AA hver uge.',
      'Ringe Anlægsgartner ApS',
      'Adgangslog',
      // Codes in words, as the workbench shows them (@jobcenter/labels): a role, a placement's kind, a milestone's status.
      'Sagsbehandler',
      'Virksomhedspraktik',
      'Planlagt',
    ]) {
      expect(text).toContain(expected);
    }
    for (const code of ['CASEWORKER', 'INTERNSHIP', 'PLANNED']) expect(text).not.toContain(code);
    // The JSON keeps the codes (machine-readable).
    expect(record.json).toContain('"INTERNSHIP"');
    expect(record.json).toContain('Svend er stadig tørlagt og går i AA hver uge.');
    const json = await fetch(`${origin}${record.jsonUrl}`, { headers });
    expect(json.status).toBe(200);
    expect(await json.text()).toBe(record.json);
  });

  it('is refused to another citizen (FORBIDDEN, and 403 for the file) and to anyone without a session (401)', async () => {
    const res = await federation.as(per, EXPORT, { id: svend.id });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.data?.recordExport ?? null).toBeNull();
    expect((await fetch(`${origin}${record.pdfUrl}`, { headers: await bearerFor(per) })).status).toBe(403);
    expect((await fetch(`${origin}${record.pdfUrl}`)).status).toBe(401);
    const analyst = await federation.as(karin, EXPORT, { id: svend.id });
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('is on the access log: the export in citizens, and each part read under Svend in the subgraph that holds it', async () => {
    for (const definition of subgraphs) {
      const rows: { kind: string; purpose: string; operation_name: string }[] = await federation.subgraphs[
        definition.name
      ].dataSource.query(
        `SELECT kind, purpose, operation_name FROM kit_access_log WHERE citizen_id = $1 AND actor_id = $2 AND kind LIKE 'record export%'`,
        [svend.id, svend.id],
      );
      expect([definition.name, rows.length > 0]).toEqual([definition.name, true]);
      expect(rows[0]).toMatchObject({ purpose: 'OWN_ACCESS', operation_name: 'RecordExport' });
    }
    const files: unknown[] = await federation.subgraphs.citizens.dataSource.query(
      `SELECT 1 FROM kit_access_log WHERE citizen_id = $1 AND actor_id = $2 AND operation_name = 'GET /files/exports/:id.pdf'`,
      [svend.id, svend.id],
    );
    expect(files.length).toBeGreaterThanOrEqual(1);
  });
});

it("gives Svend's caseworker his record to answer his request, and a later export shows the first one on the log", async () => {
  const started = Date.now();
  const res = await federation.as(inger, EXPORT, { id: svend.id });
  console.log(`recordExport for Svend, second export (warm): ${Date.now() - started} ms`);
  expect(res.errors).toBeUndefined();
  const parts: Part[] = JSON.parse(res.data.recordExport.json).parts;
  expect(sectionOf(parts, 'citizens', 'accessLog').rows).toContainEqual(
    expect.objectContaining({ actorRole: 'CITIZEN', kind: expect.stringMatching(/^record export/) }),
  );
  const pdf = await fetch(`${origin}${res.data.recordExport.pdfUrl}`, { headers: await bearerFor(inger) });
  expect(pdf.status).toBe(200);
});
