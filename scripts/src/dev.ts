/**
 * `npm run dev`: the federation for development, restarting what changed. `tsc -b --watch`
 * recompiles on every save; after each successful compile the processes whose compiled code
 * changed restart (a service's own `dist/src`; the kit or demo-cast: every process; the
 * gateway also when gateway/supergraph.graphql changes). Each subgraph and the gateway runs as a
 * process of its own on its usual port (`<NAME>_PORT`, `PORT` for the gateway), against one
 * PostgreSQL (the embedded one unless DATABASE_URL is set), with demo data. Ctrl-C stops it all.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createLogger, defaultEmbeddedOptions, ensureDatabase, projectRoot, startEmbeddedPostgres, withDatabase } from '@jobcenter/kit';
import { SUBGRAPHS } from '@jobcenter/gateway/subgraphs';
import { databaseUrlSetting, servicePortSetting, setting, settingOf } from '@jobcenter/kit/config';

interface Unit {
  name: string;
  /** The compiled code whose change restarts it, relative to the project root. */
  watches: string[];
  script: string;
  env: Record<string, string>;
  child?: ChildProcess;
  startedAt: number;
}

const root = projectRoot();
const SHARED = ['packages/kit/dist/src', 'packages/demo-cast/dist/src'];

/** The newest modification time under a folder or of a file (0 when it does not exist). */
function newest(target: string): number {
  const full = path.join(root, target);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(full, { recursive: true }) as string[]) {
    latest = Math.max(latest, statSync(path.join(full, entry)).mtimeMs);
  }
  return latest;
}

async function main() {
  const logger = createLogger('dev');
  const given = setting('DATABASE_URL');
  const server = given ? { adminUrl: given, stop: async () => undefined } : await startEmbeddedPostgres(defaultEmbeddedOptions(logger));

  const urls: Record<string, string> = {};
  const units: Unit[] = [];
  for (const { name, defaultUrl } of SUBGRAPHS) {
    const port = String(settingOf(`${name.toUpperCase()}_PORT`, servicePortSetting(name)) ?? new URL(defaultUrl).port);
    urls[`${name.toUpperCase()}_URL`] = `http://127.0.0.1:${port}/graphql`;
    const database = `jobcenter_${name}`;
    const own = settingOf(`${name.toUpperCase()}_DATABASE_URL`, databaseUrlSetting(name));
    if (!own) await ensureDatabase(server.adminUrl, database);
    units.push({
      name,
      watches: [`services/${name}/dist/src`, ...SHARED],
      script: `services/${name}/dist/src/index.js`,
      env: {
        PORT: port,
        SEED_DEMO: 'true',
        [`${name.toUpperCase()}_DATABASE_URL`]: own ?? withDatabase(server.adminUrl, database),
      },
      startedAt: 0,
    });
  }
  units.push({
    name: 'gateway',
    watches: ['gateway/dist/src', 'gateway/supergraph.graphql', ...SHARED],
    script: 'gateway/dist/src/index.js',
    env: { PORT: String(setting('PORT') ?? 4000) },
    startedAt: 0,
  });

  // Processes stopped on purpose (a restart or Ctrl-C), so their exit is not reported as a crash.
  const stopped = new WeakSet<ChildProcess>();
  const stop = (unit: Unit) =>
    new Promise<void>((resolve) => {
      const child = unit.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
      stopped.add(child);
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const start = (unit: Unit) => {
    unit.startedAt = Date.now();
    // Subgraphs find each other (placements → citizens, citizens → the access-log peers) by <NAME>_URL.
    unit.child = spawn(process.execPath, [path.join(root, unit.script)], {
      cwd: root,
      env: { ...process.env, ...urls, ...unit.env },
      stdio: 'inherit',
    });
    const child = unit.child;
    child.on('exit', (code, signal) => {
      if (!stopped.has(child)) logger.warn(`${unit.name} exited (${signal ?? code}); it restarts when its code changes`);
    });
  };
  let restarting = Promise.resolve();
  const restartChanged = async () => {
    const changed = units.filter((u) => !u.child || u.watches.some((w) => newest(w) > u.startedAt));
    if (!changed.length) return;
    logger.info(`(re)starting ${changed.map((u) => u.name).join(', ')}`);
    await Promise.all(changed.map(stop));
    changed.forEach(start);
  };

  // tsc's own watch: it prints "Found N errors. Watching for file changes." after every compile.
  const tsc = spawn(
    process.execPath,
    [require.resolve('typescript/bin/tsc', { paths: [root] }), '-b', '--watch', '--preserveWatchOutput'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  tsc.stdout!.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    process.stdout.write(text);
    const found = /Found (\d+) errors?\. Watching for file changes\./.exec(text);
    if (found && found[1] === '0') restarting = restarting.then(restartChanged);
    else if (found) logger.warn('compile errors: nothing restarts until they are fixed');
  });

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    tsc.kill('SIGTERM');
    await restarting;
    await Promise.all(units.map(stop));
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  logger.info(`gateway on http://127.0.0.1:${setting('PORT') ?? 4000}/graphql once compiled; \`npm run token\` mints a token`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
