import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase } from '@jobcenter/kit/testing';
import { subgraphs } from '../src/services';

/** Scripts parse their arguments strictly: a typo stops them, with usage, before any change. */
const dist = path.resolve(__dirname, '../src');
const run = (script: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [path.join(dist, `${script}.js`), ...args], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    input: '',
    timeout: 60_000,
  });
// Nothing listens here: a script that tried to use this database would fail differently.
const NOWHERE = { DATABASE_URL: 'postgres://nobody:nothing@127.0.0.1:1/none' };

const SCRIPTS = [
  'print-schemas',
  'start-federation',
  'bench',
  'soak',
  'token',
  'seed-scale',
  'explain',
  'generate-migration',
  'verify-access-log',
  'k8s-supergraph',
  'rotate-cpr-key',
  'config-docs',
  'new-subgraph',
];

it.each(SCRIPTS)('%s: an unknown option is an error with usage (exit 2)', (script) => {
  const result = run(script, ['--bogus-option'], NOWHERE);
  expect(result.stderr).toMatch(/Unknown option '--bogus-option'/);
  expect(result.stderr).toMatch(/usage: /);
  expect(result.status).toBe(2);
});

it('verify:access-log citizen (for citizens) is an error, not a check of nothing that exits 0', () => {
  const result = run('verify-access-log', ['citizen'], NOWHERE);
  expect(result.status).toBe(2);
  expect(result.stderr).toContain(`unknown service: citizen (services: ${subgraphs.map((d) => d.name).join(', ')})`);
});

it('seed:scale with a misspelt option generates nothing and empties nothing', () => {
  const result = run('seed-scale', ['--citizen', '10'], NOWHERE);
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/Unknown option '--citizen'/);
});

it('seed:scale off a terminal says what it would empty and stops without --yes', async () => {
  const databases = await Promise.all(['citizens', 'plans', 'meetings', 'placements'].map((name) => createTestDatabase(`cli_${name}`)));
  try {
    const env = Object.fromEntries(['CITIZENS', 'PLANS', 'MEETINGS', 'PLACEMENTS'].map((n, i) => [`${n}_DATABASE_URL`, databases[i].url]));
    const result = run('seed-scale', ['--citizens', '10'], env);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/This empties:\n {2}- test_cli_citizens_\w+ on 127\.0\.0\.1:\d+: every citizens table seed:scale fills/);
    expect(result.stderr).toMatch(/pass --yes to go on\. Nothing was changed\./);
    const client = new Client({ connectionString: databases[0].url });
    await client.connect();
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`);
    await client.end();
    expect(rows[0].n).toBe(0); // not even migrated
  } finally {
    for (const d of databases) await d.drop();
  }
});
