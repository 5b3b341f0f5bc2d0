/**
 * `npm run bench`: measures the federation through the gateway over real HTTP, with
 * autocannon, on a fresh database filled with a realistic caseload. Prints requests per
 * second, latency percentiles and SQL statements per request for each scenario, the same for
 * The Guild's Hive Gateway on the same supergraph (as ratios), and the gateway's overhead over
 * a query sent straight to a subgraph.
 *   BENCH_CITIZENS=2000 BENCH_SECONDS=10 BENCH_CONNECTIONS=10 npm run bench
 * On generated municipal-scale data (seed:scale, made in the run's own databases with the run's
 * CPR keys), with actors picked from it:
 *   BENCH_DATA=scale BENCH_CITIZENS=50000 BENCH_SEED=42 npm run bench
 * Latencies are measured in a separate process per run (bench-load.ts), which records every
 * response time, so p95 is exact rather than autocannon's p97.5.
 */
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  Actor,
  authJwtSecret,
  gatewayAssertionSecret,
  GATEWAY_ASSERTION_HEADER,
  signGatewayAssertion,
  dropDatabase,
  ensureDatabase,
  RunningSubgraph,
  signUserToken,
  startEmbeddedPostgres,
  startSubgraph,
  todayInCopenhagen,
  withDatabase,
} from '@jobcenter/kit';
import { DEMO_TEAM, demoCitizens, demoStaff } from '@jobcenter/demo-cast';
import { startGateway } from '@jobcenter/gateway/dist/src/server';
import { composeFromSchemas } from '@jobcenter/gateway/dist/src/compose';
import { printSubgraphSchema } from '@apollo/subgraph';
import { provideCprKeys } from './cpr-keys';
import { subgraphs } from './services';
import { BenchScenario, benchScenarios, fillCaseload } from './bench-scenarios';
import { startPeerGateway } from './peer-gateway';
import type { LoadResult } from './bench-load';
import { scaleScenarios } from './bench-scale';
import { seedScale } from './seed-scale/index';
import { freePort } from '@jobcenter/kit/testing';

const SCALE = process.env.BENCH_DATA === 'scale';
const CITIZENS = Number(process.env.BENCH_CITIZENS ?? (SCALE ? 50_000 : 2000));
const SEED = process.env.BENCH_SEED ?? '42';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 2);

async function main() {
  provideCprKeys();
  // Request logs at info would flood the figures; warnings and errors still show.
  process.env.LOG_LEVEL ??= 'warn';
  const parent = mkdtempSync(path.join(tmpdir(), 'jobcenter-bench-'));
  chmodSync(parent, 0o755);
  const server = process.env.DATABASE_URL
    ? { adminUrl: process.env.DATABASE_URL, stop: async () => undefined }
    : await startEmbeddedPostgres({ dataDir: path.join(parent, 'pg'), port: await freePort() });
  const running: { name: string; subgraph: RunningSubgraph; database: string }[] = [];
  try {
    for (const definition of subgraphs) {
      const database = `bench_${definition.name}_${Date.now()}`;
      await ensureDatabase(server.adminUrl, database);
      const subgraph = await startSubgraph(definition, { databaseUrl: withDatabase(server.adminUrl, database), port: 0 });
      if (!SCALE) await definition.seedDemo?.(subgraph.dataSource);
      running.push({ name: definition.name, subgraph, database });
    }
    // Subgraphs that ask each other (caseload grants, target groups) find their peers by <NAME>_URL.
    for (const r of running) process.env[`${r.name.toUpperCase()}_URL`] = r.subgraph.url;
    const byName = Object.fromEntries(running.map((r) => [r.name, r.subgraph]));
    let world: Awaited<ReturnType<typeof seedScale>>['world'] | undefined;
    if (SCALE) {
      const started = performance.now();
      const urls = Object.fromEntries(running.map((r) => [r.name, withDatabase(server.adminUrl, r.database)]));
      const seeded = await seedScale({ citizens: CITIZENS, seed: SEED, today: todayInCopenhagen(), urls, progress: process.stderr.isTTY });
      world = seeded.world;
      const total = Object.values(seeded.rows).reduce((n, t) => n + Object.values(t).reduce((a, b) => a + b, 0), 0);
      console.log(`seed:scale ${CITIZENS} citizens (seed ${SEED}): ${total} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } else {
      await fillCaseload(byName, CITIZENS);
    }
    const supergraphSdl = composeFromSchemas(running.map((r) => ({ name: r.name, url: r.subgraph.url, sdl: printSubgraphSchema(r.subgraph.schema) })));
    const gateway = await startGateway({
      port: 0,
      supergraphSdl,
      subgraphUrls: Object.fromEntries(running.map((r) => [r.name, r.subgraph.url])),
    });
    const demoActors: Record<BenchScenario['as'], Actor> = {
      inger: { ...demoStaff.inger, team: DEMO_TEAM },
      mette: { ...demoStaff.mette, team: DEMO_TEAM },
      jens: { ...demoStaff.jens, team: DEMO_TEAM },
      analyst: { ...demoStaff.karin, team: DEMO_TEAM },
      citizen: { id: demoCitizens.svend.id, role: 'CITIZEN', name: 'Svend Madsen' },
    };
    const secret = authJwtSecret();
    const assertionSecret = gatewayAssertionSecret();
    const statements = () => running.reduce((n, r) => n + r.subgraph.dataSource.statements.count, 0);
    const peer = await startPeerGateway(supergraphSdl);

    const scenarios: Scenario[] = world
      ? scaleScenarios(world)
      : benchScenarios(CITIZENS).map((s) => ({ name: s.name, actor: demoActors[s.as], query: s.query, variables: s.variables, singleSubgraph: s.singleSubgraph }));

    /** Headers for one scenario: our gateway reads the bearer token, Hive forwards the assertion. */
    const headersFor = async (actor: Actor) => ({
      'content-type': 'application/json',
      authorization: `Bearer ${await signUserToken(actor, secret, '1h')}`,
      [GATEWAY_ASSERTION_HEADER]: await signGatewayAssertion(actor, 'bench', assertionSecret),
    });
    const load = async (url: string, headers: Record<string, string>, body: string): Promise<LoadResult & { sqlUnderLoad: number }> => {
      // One checked request first: a scenario that errors is a broken benchmark, not a fast one.
      const probe = (await (await fetch(url, { method: 'POST', headers, body })).json()) as { errors?: unknown };
      if (probe.errors) throw new Error(`${url}: ${JSON.stringify(probe.errors)}`);
      // Load comes from another process, so it does not share the event loop under test. A
      // short unmeasured warm-up first, so neither side pays for the other's cold start.
      const once = async (duration: number) => {
        const options = JSON.stringify({ url, headers, body, connections: CONNECTIONS, duration });
        const { stdout } = await run(process.execPath, [path.join(__dirname, 'bench-load.js'), options], { maxBuffer: 1 << 20 });
        return JSON.parse(stdout) as LoadResult;
      };
      await once(WARM_UP_SECONDS);
      const before = statements();
      const result = await once(SECONDS);
      // Statements per answered request under load: lower than one at a time where a gateway
      // shares one subgraph call among identical requests in flight.
      return { ...result, sqlUnderLoad: (statements() - before) / Math.max(1, result.total) };
    };
    /** SQL statements of one request, averaged over a few sent one at a time (nothing else runs meanwhile). */
    // Settles first and after: writes that finish after a response (the access log) must be
    // counted for the requests that caused them, not for the next gateway's.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));
    const statementsPerRequest = async (url: string, headers: Record<string, string>, body: string) => {
      await settle();
      const before = statements();
      for (let i = 0; i < 5; i++) await fetch(url, { method: 'POST', headers, body }).then((r) => r.text());
      await settle();
      return (statements() - before) / 5;
    };
    const row = (cells: (string | number)[], widths: number[]) =>
      cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' ');
    const widths = [46, 7, 7, 7, 7, 7, 7, 7, 8, 8, 8, 7, 7];
    const ms = (n: number) => n.toFixed(1);

    const data = SCALE ? `generated municipality of ${CITIZENS} citizens (seed ${SEED})` : `demo data + ${CITIZENS} extra citizens`;
    console.log(`\nBenchmark: ${data}, ${CONNECTIONS} connections, ${SECONDS} s per scenario and gateway, Node ${process.version}`);
    console.log('Latencies in ms, from every response time recorded. ×: ours ÷ Hive Gateway on the same supergraph (r/s: higher is better; p95: lower is better).');
    console.log('SQL/req: statements per request sent one at a time; loaded: per answered request during the load run (all subgraphs).\n');
    console.log(row(['scenario', 'req/s', 'p50', 'p95', 'p99', 'SQL/req', 'loaded', 'errors', 'Hive r/s', 'Hive p95', 'loaded', 'r/s ×', 'p95 ×'], widths));
    for (const scenario of scenarios) {
      const body = JSON.stringify({ query: scenario.query, variables: scenario.variables ?? {} });
      const headers = await headersFor(scenario.actor);
      const ours = await load(gateway.url, headers, body);
      const perRequest = await statementsPerRequest(gateway.url, headers, body);
      const hive = await load(peer.url, headers, body);
      console.log(
        row(
          [
            scenario.name,
            ours.requestsPerSecond.toFixed(0),
            ms(ours.p50),
            ms(ours.p95),
            ms(ours.p99),
            perRequest.toFixed(1),
            ours.sqlUnderLoad.toFixed(1),
            ours.errors + hive.errors,
            hive.requestsPerSecond.toFixed(0),
            ms(hive.p95),
            hive.sqlUnderLoad.toFixed(1),
            (ours.requestsPerSecond / hive.requestsPerSecond).toFixed(2),
            (ours.p95 / hive.p95).toFixed(2),
          ],
          widths,
        ),
      );
    }

    // Gateway overhead: a single-subgraph query through the gateway vs. straight at the subgraph.
    console.log('\nGateway overhead (single-subgraph queries, ours through the gateway ÷ straight at the citizens subgraph):');
    for (const scenario of scenarios.filter((s) => s.singleSubgraph)) {
      const body = JSON.stringify({ query: scenario.query, variables: scenario.variables ?? {} });
      const headers = await headersFor(scenario.actor);
      const via = await load(gateway.url, headers, body);
      const direct = await load(byName.citizens.url, headers, body);
      console.log(
        `  ${scenario.name.padEnd(44)} p50 ${ms(via.p50)}/${ms(direct.p50)} ms = ${(via.p50 / direct.p50).toFixed(2)}×,` +
          ` p95 ${ms(via.p95)}/${ms(direct.p95)} ms = ${(via.p95 / direct.p95).toFixed(2)}×,` +
          ` req/s ${direct.requestsPerSecond.toFixed(0)}/${via.requestsPerSecond.toFixed(0)} = ${(direct.requestsPerSecond / via.requestsPerSecond).toFixed(2)}×`,
      );
    }
    await peer.close();
    await gateway.close();
  } finally {
    for (const r of running) {
      await r.subgraph.close();
      await dropDatabase(server.adminUrl, r.database);
    }
    await server.stop();
    rmSync(parent, { recursive: true, force: true });
  }
}

interface Scenario {
  name: string;
  actor: Actor;
  query: string;
  variables?: Record<string, unknown>;
  singleSubgraph?: boolean;
}

const run = promisify(execFile);

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
