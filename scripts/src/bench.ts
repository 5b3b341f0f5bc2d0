/**
 * `npm run bench`: measures the federation through the gateway over real HTTP, with
 * autocannon, on a fresh database filled with a realistic caseload. Prints requests per
 * second, latency percentiles and SQL statements per request for each scenario.
 *   BENCH_CITIZENS=2000 BENCH_SECONDS=10 BENCH_CONNECTIONS=10 npm run bench
 */
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import {
  authJwtSecret,
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
import { subgraphs } from './services';
import { benchScenarios, fillCaseload } from './bench-scenarios';

const CITIZENS = Number(process.env.BENCH_CITIZENS ?? 2000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

async function main() {
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
    const byName = Object.fromEntries(running.map((r) => [r.name, r.subgraph]));
    await fillCaseload(byName, CITIZENS);
    const gateway = await startGateway({
      port: 0,
      supergraphSdl: composeFromSchemas(running.map((r) => ({ name: r.name, url: r.subgraph.url, sdl: printSubgraphSchema(r.subgraph.schema) }))),
      subgraphUrls: Object.fromEntries(running.map((r) => [r.name, r.subgraph.url])),
    });
    const secret = authJwtSecret();
    const tokens = {
      caseworker: await signUserToken({ ...demoStaff.inger, team: DEMO_TEAM }, secret, '1h'),
      analyst: await signUserToken({ ...demoStaff.karin, team: DEMO_TEAM }, secret, '1h'),
      citizen: await signUserToken({ id: demoCitizens.svend.id, role: 'CITIZEN', name: 'Svend Madsen' }, secret, '1h'),
    };
    const statements = () => running.reduce((n, r) => n + r.subgraph.dataSource.statements.count, 0);

    console.log(`\nBenchmark: ${CITIZENS} extra citizens, ${CONNECTIONS} connections, ${SECONDS} s per scenario, Node ${process.version}\n`);
    console.log('scenario'.padEnd(46), 'req/s'.padStart(8), 'p50 ms'.padStart(8), 'p97.5'.padStart(8), 'p99'.padStart(8), 'SQL/req'.padStart(8), 'errors'.padStart(7));
    for (const scenario of benchScenarios(CITIZENS)) {
      const body = JSON.stringify({ query: scenario.query, variables: scenario.variables ?? {} });
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${tokens[scenario.as]}` };
      // One checked request first: a scenario that errors is a broken benchmark, not a fast one.
      const probe = (await (await fetch(gateway.url, { method: 'POST', headers, body })).json()) as { errors?: unknown };
      if (probe.errors) throw new Error(`${scenario.name}: ${JSON.stringify(probe.errors)}`);
      const before = statements();
      // Load comes from a worker thread, so it does not share the event loop under test.
      const result = await autocannon({ url: gateway.url, method: 'POST', headers, body, connections: CONNECTIONS, duration: SECONDS, workers: 1 });
      const perRequest = (statements() - before) / Math.max(1, result.requests.total);
      console.log(
        scenario.name.padEnd(46),
        result.requests.average.toFixed(0).padStart(8),
        String(result.latency.p50).padStart(8),
        String(result.latency.p97_5).padStart(8),
        String(result.latency.p99).padStart(8),
        perRequest.toFixed(1).padStart(8),
        String(result.errors + result.non2xx).padStart(7),
      );
    }
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
