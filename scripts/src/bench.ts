/**
 * `npm run bench`: measures the federation through the gateway over real HTTP, with
 * autocannon, on a fresh database filled with a realistic caseload. Prints requests per
 * second, latency percentiles and SQL statements per request for each scenario, the same for
 * The Guild's Hive Gateway on the same supergraph (as ratios), and the gateway's overhead over
 * a query sent straight to a subgraph.
 *   BENCH_CITIZENS=2000 BENCH_SECONDS=10 BENCH_CONNECTIONS=10 npm run bench
 */
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
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

const CITIZENS = Number(process.env.BENCH_CITIZENS ?? 2000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

async function main() {
  provideCprKeys();
  const parent = mkdtempSync(path.join(tmpdir(), 'jobcenter-bench-'));
  chmodSync(parent, 0o755);
  const server = process.env.DATABASE_URL
    ? { adminUrl: process.env.DATABASE_URL, stop: async () => undefined }
    : await startEmbeddedPostgres({ dataDir: path.join(parent, 'pg'), port: 54399 });
  const running: { name: string; subgraph: RunningSubgraph; database: string }[] = [];
  try {
    for (const definition of subgraphs) {
      const database = `bench_${definition.name}_${Date.now()}`;
      await ensureDatabase(server.adminUrl, database);
      const subgraph = await startSubgraph(definition, { databaseUrl: withDatabase(server.adminUrl, database), port: 0 });
      await definition.seedDemo?.(subgraph.dataSource);
      running.push({ name: definition.name, subgraph, database });
    }
    // Subgraphs that ask each other (caseload grants, target groups) find their peers by <NAME>_URL.
    for (const r of running) process.env[`${r.name.toUpperCase()}_URL`] = r.subgraph.url;
    const byName = Object.fromEntries(running.map((r) => [r.name, r.subgraph]));
    await fillCaseload(byName, CITIZENS);
    const supergraphSdl = composeFromSchemas(running.map((r) => ({ name: r.name, url: r.subgraph.url, sdl: printSubgraphSchema(r.subgraph.schema) })));
    const gateway = await startGateway({
      port: 0,
      supergraphSdl,
      subgraphUrls: Object.fromEntries(running.map((r) => [r.name, r.subgraph.url])),
    });
    const actors: Record<BenchScenario['as'], Actor> = {
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

    /** Headers for one scenario: our gateway reads the bearer token, Hive forwards the assertion. */
    const headersFor = async (as: BenchScenario['as']) => ({
      'content-type': 'application/json',
      authorization: `Bearer ${await signUserToken(actors[as], secret, '1h')}`,
      [GATEWAY_ASSERTION_HEADER]: await signGatewayAssertion(actors[as], 'bench', assertionSecret),
    });
    const load = async (url: string, headers: Record<string, string>, body: string) => {
      // One checked request first: a scenario that errors is a broken benchmark, not a fast one.
      const probe = (await (await fetch(url, { method: 'POST', headers, body })).json()) as { errors?: unknown };
      if (probe.errors) throw new Error(`${url}: ${JSON.stringify(probe.errors)}`);
      // Load comes from a worker thread, so it does not share the event loop under test.
      return autocannon({ url, method: 'POST', headers, body, connections: CONNECTIONS, duration: SECONDS, workers: 1 });
    };
    const row = (cells: (string | number)[], widths: number[]) =>
      cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' ');
    const widths = [46, 7, 7, 7, 7, 7, 7, 8, 7, 7];

    console.log(`\nBenchmark: ${CITIZENS} extra citizens, ${CONNECTIONS} connections, ${SECONDS} s per scenario and gateway, Node ${process.version}`);
    console.log('Latencies in ms; autocannon reports p97.5 (not p95). "vs Hive" = ours ÷ Hive Gateway on the same supergraph.\n');
    console.log(row(['scenario', 'req/s', 'p50', 'p97.5', 'p99', 'SQL/req', 'errors', 'Hive r/s', 'r/s ×', 'p97.5 ×'], widths));
    for (const scenario of benchScenarios(CITIZENS)) {
      const body = JSON.stringify({ query: scenario.query, variables: scenario.variables ?? {} });
      const headers = await headersFor(scenario.as);
      const before = statements();
      const ours = await load(gateway.url, headers, body);
      const perRequest = (statements() - before) / Math.max(1, ours.requests.total);
      const hive = await load(peer.url, headers, body);
      console.log(
        row(
          [
            scenario.name,
            ours.requests.average.toFixed(0),
            ours.latency.p50,
            ours.latency.p97_5,
            ours.latency.p99,
            perRequest.toFixed(1),
            ours.errors + ours.non2xx + hive.errors + hive.non2xx,
            hive.requests.average.toFixed(0),
            (ours.requests.average / hive.requests.average).toFixed(2),
            (ours.latency.p97_5 / Math.max(1, hive.latency.p97_5)).toFixed(2),
          ],
          widths,
        ),
      );
    }

    // Gateway overhead: a single-subgraph query through the gateway vs. straight at the subgraph.
    console.log('\nGateway overhead (single-subgraph queries, ours through the gateway ÷ straight at the citizens subgraph):');
    for (const scenario of benchScenarios(CITIZENS).filter((s) => s.singleSubgraph)) {
      const body = JSON.stringify({ query: scenario.query, variables: scenario.variables ?? {} });
      const headers = await headersFor(scenario.as);
      const via = await load(gateway.url, headers, body);
      const direct = await load(byName.citizens.url, headers, body);
      console.log(
        `  ${scenario.name.padEnd(44)} p50 ${via.latency.p50}/${direct.latency.p50} ms = ${(via.latency.p50 / Math.max(1, direct.latency.p50)).toFixed(2)}×,` +
          ` req/s ${direct.requests.average.toFixed(0)}/${via.requests.average.toFixed(0)} = ${(direct.requests.average / via.requests.average).toFixed(2)}×`,
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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
