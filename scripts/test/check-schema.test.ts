import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { projectRoot } from '@jobcenter/kit';
import { SUBGRAPHS } from '@jobcenter/gateway/subgraphs';
import { checkSubgraphSchema, clientOperationFiles, formatReport } from '../src/schema-check';

const run = promisify(execFile);
const root = projectRoot();
const committed = (name: string) => readFileSync(path.join(root, 'services', name, 'schema.graphql'), 'utf8');

/** Replaces exactly one occurrence, so a test never edits a schema it did not mean to. */
function edit(sdl: string, from: string, to: string): string {
  const at = sdl.indexOf(from);
  if (at < 0 || sdl.indexOf(from, at + 1) >= 0) throw new Error(`expected exactly one "${from}"`);
  return sdl.slice(0, at) + to + sdl.slice(at + from.length);
}

const COMPANY_CVR = '  """Danish company number, 8 digits (CVR-nummer)."""\n  cvr: String!\n';
// A contract field no client operation reads (the workbench reads cvr).
const COMPANY_PARTNERSHIP = '  partnership: Boolean!\n';
const PLAN_GOAL =
  '  """\n  The long-term goal (langsigtet mål), e.g. "trained landscape gardener, then a steady job".\n  """\n  longTermGoal: String!\n';
const CITIZEN_FIRST_NAME = '  """First name."""\n  firstName: String!\n  """Last name."""';

describe('npm run check:schema', () => {
  let dir: string;
  const cli = async (...args: string[]) => {
    try {
      const { stdout } = await run(process.execPath, [path.join(root, 'scripts/dist/src/check-schema.js'), ...args], { cwd: root });
      return { code: 0, out: stdout };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, out: e.stdout + e.stderr };
    }
  };
  const sdlFile = (name: string, sdl: string) => {
    const file = path.join(dir, `${name}.graphql`);
    writeFileSync(file, sdl);
    return file;
  };
  let removedField: { code: number; out: string };
  let renamedContractField: { code: number; out: string };
  let compositionError: { code: number; out: string };
  let safe: { code: number; out: string };
  let unknown: { code: number; out: string };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'check-schema-'));
    [removedField, renamedContractField, compositionError, safe, unknown] = await Promise.all([
      cli('--subgraph', 'plans', '--schema', sdlFile('plans-removed', edit(committed('plans'), PLAN_GOAL, ''))),
      cli(
        '--subgraph',
        'placements',
        '--schema',
        sdlFile('placements-renamed', edit(committed('placements'), COMPANY_PARTNERSHIP, '  partnershipAgreement: Boolean!\n')),
      ),
      cli(
        '--subgraph',
        'citizens',
        '--schema',
        sdlFile('citizens-renamed', edit(committed('citizens'), CITIZEN_FIRST_NAME, '  givenName: String!\n  """Last name."""')),
      ),
      cli(
        '--subgraph',
        'placements',
        '--schema',
        sdlFile(
          'placements-added',
          edit(committed('placements'), COMPANY_CVR, `${COMPANY_CVR}  """Trading name, if any."""\n  tradingName: String\n`),
        ),
      ),
      cli('--subgraph', 'payroll'),
    ]);
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails a removed field that client operations and the contract use, naming field, operation and file', () => {
    expect(removedField.code).toBe(1);
    expect(removedField.out).toContain("FAIL breaking: Field 'longTermGoal' was removed from object type 'Plan' [Plan.longTermGoal]");
    expect(removedField.out).toContain('used by operation CaseworkerCaseload (gateway/operations/CaseworkerCaseload.graphql)');
    expect(removedField.out).toContain('used by the client contract (gateway/contract.graphql)');
    expect(removedField.out).toContain(
      'FAIL operation CaseworkerCaseload in gateway/operations/CaseworkerCaseload.graphql no longer validates: Cannot query field "longTermGoal" on type "Plan". (line 14)',
    );
    expect(removedField.out).toContain('FAIL contract (gateway/contract.graphql): Plan.longTermGoal is missing');
    expect(removedField.out).toContain('check:schema: 1 of 1 subgraph(s) FAILED');
  });

  it('fails a renamed contract field that no operation reads', () => {
    expect(renamedContractField.code).toBe(1);
    expect(renamedContractField.out).toContain('FAIL contract (gateway/contract.graphql): Company.partnership is missing');
    expect(renamedContractField.out).toMatch(
      /FAIL breaking: Field 'partnership' was removed from object type 'Company' \[Company\.partnership\]\n\s+used by the client contract/,
    );
    expect(renamedContractField.out).not.toContain('no longer validates');
  });

  it('fails a change that does not compose with the other subgraphs, with composition’s own words', () => {
    expect(compositionError.code).toBe(1);
    expect(compositionError.out).toContain("FAIL composition with the other subgraphs' committed schemas:");
    expect(compositionError.out).toContain(
      'Field "Citizen.firstName" is marked @external on all the subgraphs in which it is listed (subgraph "plans")',
    );
  });

  it('passes a new optional field, counted as a safe change', () => {
    expect(safe.out).toContain('composes; against gateway/supergraph.graphql: 0 breaking, 0 dangerous, 2 safe change(s)'); // the field and its description
    expect(safe.out).toContain('check:schema: 1 subgraph(s) ok');
    expect(safe.code).toBe(0);
  });

  it('refuses an unknown subgraph as a usage error', () => {
    expect(unknown.code).toBe(2);
    expect(unknown.out).toContain(`Unknown subgraph "payroll"; the gateway composes ${SUBGRAPHS.map((s) => s.name).join(', ')}.`);
  });
});

describe('the schema check, in process on a copy of the committed files', () => {
  let copy: string;
  const sources = () => ({ root: copy, subgraphs: SUBGRAPHS });

  beforeAll(() => {
    copy = mkdtempSync(path.join(tmpdir(), 'check-schema-root-'));
    for (const f of [
      'gateway/supergraph.graphql',
      'gateway/contract.graphql',
      'gateway/operations',
      ...SUBGRAPHS.map((s) => `services/${s.name}/schema.graphql`),
    ]) {
      cpSync(path.join(root, f), path.join(copy, f), { recursive: true });
    }
    // The workbench's operations: a fragment in one file, the query that spreads it in another.
    mkdirSync(path.join(copy, 'web/src/caseload'), { recursive: true });
    writeFileSync(path.join(copy, 'web/src/caseload/company.fragment.graphql'), 'fragment CompanyCard on Company { id name cvr }\n');
    writeFileSync(
      path.join(copy, 'web/src/caseload/Company.graphql'),
      'query WorkbenchCompany($id: ID!) { company(id: $id) { ...CompanyCard } }\n',
    );
  });

  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it("finds the workbench's operations under web/src", () => {
    expect(clientOperationFiles(copy)).toEqual(
      expect.arrayContaining([path.join('web/src/caseload/Company.graphql'), path.join('web/src/caseload/company.fragment.graphql')]),
    );
  });

  it('names the workbench operation and fragment that a removed field breaks', async () => {
    const result = await checkSubgraphSchema(sources(), {
      subgraph: 'placements',
      sdl: edit(committed('placements'), COMPANY_CVR, ''),
      origin: 'test',
    });
    const report = formatReport(result);
    expect(result.ok).toBe(false);
    expect(report).toContain('used by operation WorkbenchCompany (web/src/caseload/Company.graphql)');
    expect(report).toContain('used by operation fragment CompanyCard (web/src/caseload/company.fragment.graphql)');
    expect(report).toContain(
      'FAIL operation WorkbenchCompany in web/src/caseload/Company.graphql no longer validates: Cannot query field "cvr" on type "Company".',
    );
  });

  it('warns about, but passes, a breaking change that no known client uses', async () => {
    // A field outside the contract and every operation: breaking for unknown clients only.
    const sdl = edit(committed('placements'), COMPANY_CVR, `${COMPANY_CVR}  """Trading name, if any."""\n  tradingName: String\n`);
    writeFileSync(path.join(copy, 'services/placements/schema.graphql'), sdl);
    const composed = composeServices(
      SUBGRAPHS.map((s) => ({
        name: s.name,
        url: s.defaultUrl,
        typeDefs: parse(readFileSync(path.join(copy, 'services', s.name, 'schema.graphql'), 'utf8')),
      })),
    );
    writeFileSync(path.join(copy, 'gateway/supergraph.graphql'), composed.supergraphSdl!);

    const result = await checkSubgraphSchema(sources(), { subgraph: 'placements', sdl: committed('placements'), origin: 'test' });
    const report = formatReport(result);
    expect(result.ok).toBe(true);
    expect(report).toContain("warn breaking: Field 'tradingName' was removed from object type 'Company' [Company.tradingName]");
    expect(report).toContain('no client operation or the contract uses it');
  });
});
