import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CONFIGURATION_DOC, configurationDoc } from '../src/config-docs';

const root = path.resolve(__dirname, '../../..');

describe('configuration of the processes', () => {
  it('docs/configuration.md is the table generated from the settings (npm run docs:config)', () => {
    expect(readFileSync(CONFIGURATION_DOC, 'utf8')).toBe(configurationDoc());
  });

  it('a subgraph process with bad settings stops at once with one message naming each of them', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'services/plans/dist/src/index.js')], {
      env: { PATH: process.env.PATH, DB_STATEMENT_TIMEOUT_MS: '15s', SHUTDOWN_TIMEOUT_MS: '25s', ACCESS_LOG_RETENTION_DAYS: 'two years' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toBe('plans: invalid configuration:');
    expect(
      lines
        .slice(1)
        .map((l) => l.trim().split(' ')[1])
        .sort(),
      // CITIZENS_URL, MEETINGS_URL and PLACEMENTS_URL: the subgraphs plans calls (its definition's `calls`).
    ).toEqual(
      [
        'ACCESS_LOG_RETENTION_DAYS',
        'CITIZENS_URL',
        'DB_STATEMENT_TIMEOUT_MS',
        'MEETINGS_URL',
        'PLACEMENTS_URL',
        'SHUTDOWN_TIMEOUT_MS',
      ].sort(),
    );
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
  });

  it('the gateway in production without its secrets and subgraph URLs names them all', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'gateway/dist/src/index.js')], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    for (const name of ['AUTH_JWT_SECRET', 'GATEWAY_ASSERTION_SECRET', 'CITIZENS_URL', 'PLANS_URL', 'MEETINGS_URL', 'PLACEMENTS_URL']) {
      expect(result.stderr).toContain(`  - ${name} must be set in production`);
    }
  });

  it('no source file reads process.env itself: every variable goes through the kit config (and is in the table)', () => {
    const allowed = new Set(['packages/kit/src/config.ts']);
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir)) {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) {
          // Test helpers save and restore variables around a test.
          if (entry !== 'node_modules' && entry !== 'dist' && entry !== 'testing') walk(full);
        } else if (entry.endsWith('.ts') && !entry.endsWith('testing.ts') && !allowed.has(path.relative(root, full))) {
          const source = readFileSync(full, 'utf8').replace(/env: NodeJS\.ProcessEnv = process\.env/g, '');
          for (const m of source.matchAll(/process\.env(\.\w+\b|\[[^\]]+\])(?!\s*(=[^=]|\?\?=))/g))
            offenders.push(`${path.relative(root, full)}: ${m[0]}`);
        }
      }
    };
    for (const dir of ['packages', 'services', 'gateway', 'scripts']) {
      for (const pkg of dir === 'gateway' || dir === 'scripts' ? [''] : readdirSync(path.join(root, dir))) {
        const src = path.join(root, dir, pkg, 'src');
        if (statSync(src, { throwIfNoEntry: false })?.isDirectory()) walk(src);
      }
    }
    expect(offenders).toEqual([]);
  });
});
