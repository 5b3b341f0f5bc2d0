import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { SUBGRAPHS } from '@jobcenter/gateway/subgraphs';
import { checkSubgraphSchema } from '../src/schema-check';
import { appendToArray } from '../src/new-subgraph';

/**
 * `npm run new:subgraph` for real, in a copy of the working tree (sources, built output and the
 * workspace's node_modules links; the installed packages are the repository's own, linked), so
 * the repository itself never changes: the generated subgraph builds, its schema composes with
 * the other subgraphs' committed schemas, its own tests pass, and the files it lists it in are
 * still valid. `pnpm install` is replaced by the links it would make (an install takes a minute
 * here); the generator runs it itself when used for real.
 */
const root = path.resolve(__dirname, '../../..');
const NAME = 'probe';
let copy: string;

beforeAll(() => {
  copy = mkdtempSync(path.join(os.tmpdir(), 'new-subgraph-'));
  // Everything but the root node_modules (a link to this one's), git and the databases; the
  // packages' own node_modules are links, which keep pointing inside the copy.
  execFileSync(
    'sh',
    ['-c', `tar -c --exclude=./node_modules --exclude=./.git --exclude=./.data --exclude=./.tools --exclude=./web . | tar -x -C "${copy}"`],
    { cwd: root },
  );
  symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'));
}, 60_000);
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const inCopy = (file: string) => readFileSync(path.join(copy, file), 'utf8');

it('makes a subgraph that builds, composes, passes its own tests and is listed everywhere', async () => {
  const generated = spawnSync(process.execPath, [path.join(copy, 'scripts/dist/src/new-subgraph.js'), NAME, '--no-build'], {
    cwd: copy,
    encoding: 'utf8',
  });
  expect(generated.stderr).toBe('');
  expect(generated.status).toBe(0);
  const port = Math.max(...SUBGRAPHS.map((s) => Number(new URL(s.defaultUrl).port))) + 1;

  // What `pnpm install` links for the new package: the same dependencies the other services have.
  execFileSync('cp', ['-a', 'services/placements/node_modules', `services/${NAME}/`], { cwd: copy });
  for (const sibling of ['plans', 'citizens', 'gateway', 'demo-cast'])
    rmSync(path.join(copy, `services/${NAME}/node_modules/@jobcenter/${sibling}`), { force: true });
  symlinkSync(`../../../services/${NAME}`, path.join(copy, `scripts/node_modules/@jobcenter/${NAME}`));

  // It builds (its sources and tests) against the kit alone.
  const tsc = spawnSync(process.execPath, [path.join(copy, 'node_modules/typescript/bin/tsc'), '-b', `services/${NAME}/test`], {
    cwd: copy,
    encoding: 'utf8',
  });
  expect(tsc.stdout + tsc.stderr).toBe('');

  // Its schema composes with the others' committed schemas, as `npm run check:schema` checks it.
  const printed = spawnSync(
    process.execPath,
    [
      '-e',
      `require('@apollo/subgraph'); const { buildSubgraphSchemaOf } = require('@jobcenter/kit'); const { printSubgraphSchema } = require('@apollo/subgraph');
       buildSubgraphSchemaOf(require('./dist/src/server').${NAME}Subgraph).then((s) => process.stdout.write(printSubgraphSchema(s)));`,
    ],
    { cwd: path.join(copy, 'services', NAME), encoding: 'utf8' },
  );
  expect(printed.stderr).toBe('');
  const result = await checkSubgraphSchema(
    { root: copy, subgraphs: [...SUBGRAPHS, { name: NAME, defaultUrl: `http://127.0.0.1:${port}/graphql` }] },
    { subgraph: NAME, sdl: printed.stdout, origin: 'printed from its code' },
  );
  expect(result.compositionErrors).toEqual([]);
  expect(result.breaking).toEqual([]);
  expect(printed.stdout).toContain(`${NAME}Note: String`);

  // Its unit and subgraph tests pass (on their own PostgreSQL, as in the repository).
  const jest = spawnSync(process.execPath, [path.join(copy, 'node_modules/jest/bin/jest.js'), `services/${NAME}`, '--ci'], {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, TEST_DATABASE_URL: '', DATABASE_URL: '' },
  });
  expect(jest.stderr).toMatch(/Tests: +\d+ passed, \d+ total/);
  expect(jest.stderr).toMatch(/Test Suites: 2 passed, 2 total/);
  expect(jest.status).toBe(0);

  // Listed everywhere a service is listed.
  expect(inCopy('gateway/src/subgraphs.ts')).toContain(`{ name: '${NAME}', defaultUrl: 'http://127.0.0.1:${port}/graphql' }`);
  // Last in the list, however Prettier lays it out (one line, or one per line with a trailing comma).
  expect(inCopy('scripts/src/services.ts')).toMatch(
    new RegExp(`subgraphs: SubgraphDefinition<any>\\[\\] = \\[[^\\]]*${NAME}Subgraph,?\\s*\\]`),
  );
  expect(inCopy('services/citizens/src/peers.ts')).toContain(`'${NAME}']`);
  const compose = parse(inCopy('docker-compose.yml'), { merge: true });
  expect(compose.services[NAME].environment.PORT).toBe(String(port));
  expect(compose.services.gateway.environment[`${NAME.toUpperCase()}_URL`]).toBe(`http://${NAME}:${port}/graphql`);
  expect(compose.services.citizens.environment[`${NAME.toUpperCase()}_URL`]).toBe(`http://${NAME}:${port}/graphql`);
  expect(inCopy('infra/postgres/init.sql')).toContain(`CREATE DATABASE jobcenter_${NAME} OWNER ${NAME};`);
  const manifests = JSON.parse(
    execFileSync(process.execPath, ['scripts/validate-manifests.mjs', 'infra/k8s/overlays/example', '--json'], {
      cwd: copy,
      encoding: 'utf8',
    }),
  );
  expect(manifests.errors).toEqual([]);
  const kinds = manifests.objects.filter((o: any) => o.metadata.name === NAME || o.metadata.name === `${NAME}-db`).map((o: any) => o.kind);
  expect(kinds.sort()).toEqual(['Cluster', 'Deployment', 'HorizontalPodAutoscaler', 'NetworkPolicy', 'PodDisruptionBudget', 'Service']);
  expect(existsSync(path.join(copy, 'services', NAME, 'src/migrations/index.ts'))).toBe(true);
}, 180_000);

describe('appendToArray (registry lists as Prettier leaves them)', () => {
  const head = /export const list = \[/;
  it('adds to a one-line list', () => {
    expect(appendToArray(`export const list = ['a', 'b'] as const;`, head, `'c'`, 'x')).toBe(
      `export const list = ['a', 'b', 'c'] as const;`,
    );
  });
  it('adds to a list broken into lines, keeping the trailing comma and indentation', () => {
    expect(appendToArray(`export const list = [\n  a,\n  b,\n];`, head, 'c', 'x')).toBe(`export const list = [\n  a,\n  b,\n  c,\n];`);
  });
  it('says which file when the list is missing', () => {
    expect(() => appendToArray('nothing here', head, 'c', 'services.ts')).toThrow('services.ts: no list to add to');
  });
});
