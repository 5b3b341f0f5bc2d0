/**
 * `npm run bench`: measures the federation through the gateway over real HTTP, with
 * autocannon, on a fresh database filled with a realistic caseload. Prints requests per
 * second, latency percentiles and SQL statements per request for each scenario, the same for
 * The Guild's Hive Gateway on the same supergraph (as ratios), and the gateway's overhead over
 * a query sent straight to a subgraph.
 *   BENCH_CITIZENS=2000 BENCH_SECONDS=10 BENCH_CONNECTIONS=10 npm run bench
 *   BENCH_ACCESS_LOG=off npm run bench     (reads not logged: the log's cost, by difference)
 *   BENCH_SCENARIOS=Caseload,OwnView npm run bench   (only scenarios whose names contain these)
 * On generated municipal-scale data (seed:scale, made in the run's own databases with the run's
 * CPR keys), with actors picked from it:
 *   BENCH_DATA=scale BENCH_CITIZENS=50000 BENCH_SEED=42 npm run bench
 * Latencies are measured in a separate process per run (bench-load.ts), which records every
 * response time, so p95 is exact rather than autocannon's p97.5. Each gateway runs in its own
 * process and the two are measured in turns (bench-interleave.ts).
 */
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  Actor,
  authJwtSecret,
  createLogger,
  gatewayAssertionSecret,
  GATEWAY_ASSERTION_HEADER,
  signGatewayAssertion,
  dropDatabase,
  ensureDatabase,
  RunningSubgraph,
  signUserToken,
  startEmbeddedPostgres,
  startSubgraph,
  waitUntilCaughtUp,
  withDatabase,
} from '@jobcenter/kit';
import { disableReadLogForBenchmark } from '@jobcenter/kit/audit-log';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { DEMO_TEAM, demoCitizens, demoStaff } from '@jobcenter/demo-cast';
import { composeFromSchemas } from '@jobcenter/gateway/compose';
import { printSubgraphSchema } from '@apollo/subgraph';
import { provideCprKeys } from './cpr-keys';
import { subgraphs } from './services';
import { BenchScenario, benchScenarios, fillCaseload } from './bench-scenarios';
import type { LoadResult } from './bench-load';
import { GatewayProcess, startGatewayProcess } from './bench-gateways';
import { interleaved } from './bench-interleave';
import { scaleScenarios } from './bench-scale';
import { seedScale } from './seed-scale/index';
import { freePort } from '@jobcenter/kit/testing';
import { checkScriptConfig, setting } from '@jobcenter/kit/config';
import { commandLine } from './cli';
import { catchUpInsights } from '@jobcenter/insights/statistics/catch-up';
import { activePlansOf, LagResult, startLagProbe } from './bench-lag';

// Checked at start with every other variable the benchmark reads (kit config: one message for all).
checkScriptConfig([
  'BENCH_DATA',
  'BENCH_CITIZENS',
  'BENCH_SEED',
  'BENCH_SECONDS',
  'BENCH_CONNECTIONS',
  'BENCH_WARM_UP_SECONDS',
  'BENCH_ACCESS_LOG',
  'BENCH_SCENARIOS',
  'BENCH_GATEWAY_NODE_OPTIONS',
  'DATABASE_URL',
]);
const SCALE = setting('BENCH_DATA') === 'scale';
const CITIZENS = setting('BENCH_CITIZENS') ?? (SCALE ? 50_000 : 2000);
const SEED = setting('BENCH_SEED');
const SECONDS = setting('BENCH_SECONDS');
const CONNECTIONS = setting('BENCH_CONNECTIONS');
const WARM_UP_SECONDS = setting('BENCH_WARM_UP_SECONDS');
/** BENCH_ACCESS_LOG=off measures without the read log, to show what it costs (run on/off back to back). */
const ACCESS_LOG = setting('BENCH_ACCESS_LOG');
/** BENCH_SCENARIOS=Caseload,OwnView: only the scenarios whose name contains one of these (comma-separated). */
const ONLY = setting('BENCH_SCENARIOS')
  .split(',')
  .map((s) => s.trim().toLowerCase())
  .filter(Boolean);
const selected = (name: string) => ONLY.length === 0 || ONLY.some((part) => name.toLowerCase().includes(part));

async function main() {
  commandLine('npm run bench   (settings: BENCH_* variables, docs/configuration.md)', {});
  if (ACCESS_LOG === 'off') disableReadLogForBenchmark();
  provideCprKeys();
  // Request logs at info would flood the figures; warnings and errors still show.
  process.env.LOG_LEVEL ??= 'warn';
  const parent = mkdtempSync(path.join(tmpdir(), 'jobcenter-bench-'));
  chmodSync(parent, 0o755);
  const given = setting('DATABASE_URL');
  const server = given
    ? { adminUrl: given, stop: async () => undefined }
    : await startEmbeddedPostgres({ dataDir: path.join(parent, 'pg'), port: await freePort() });
  const running: { name: string; subgraph: RunningSubgraph; database: string }[] = [];
  try {
    for (const definition of subgraphs) {
      const database = `bench_${definition.name}_${Date.now()}`;
      await ensureDatabase(server.adminUrl, database);
      const subgraph = await startSubgraph(definition, { databaseUrl: withDatabase(server.adminUrl, database), port: 0 });
      if (!SCALE) await definition.seedDemo?.(subgraph.dataSource);
      running.push({ name: definition.name, subgraph, database });
      // Subgraphs that ask each other (caseload grants, target groups) find their peers by <NAME>_URL;
      // insights, started last, reads its sources' feeds at those URLs from the start.
      process.env[`${definition.name.toUpperCase()}_URL`] = subgraph.url;
    }
    const byName = Object.fromEntries(running.map((r) => [r.name, r.subgraph]));
    let world: Awaited<ReturnType<typeof seedScale>>['world'] | undefined;
    if (SCALE) {
      const started = performance.now();
      const urls = Object.fromEntries(running.map((r) => [r.name, withDatabase(server.adminUrl, r.database)]));
      const seeded = await seedScale({ citizens: CITIZENS, seed: SEED, today: todayInCopenhagen(), urls, progress: process.stderr.isTTY });
      world = seeded.world;
      const total = Object.values(seeded.rows).reduce((n, t) => n + Object.values(t).reduce((a, b) => a + b, 0), 0);
      console.log(
        `seed:scale ${CITIZENS} citizens (seed ${SEED}): ${total} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    } else {
      await fillCaseload(byName, CITIZENS);
    }
    // Each subgraph's background work, as runSubgraph starts it (insights' facts consumer, reading
    // its sources' feeds every 250 ms; placements' kick-off consumer): insights answers the
    // dashboard's statistics from the events, and a consumer still working through the load's
    // backlog would take CPU from every scenario, so nothing is measured before each has read
    // everything written so far (the steady state of a running municipality).
    const stopBackground: (() => Promise<void>)[] = [];
    for (const definition of subgraphs) {
      const stop = await definition.background?.(byName[definition.name], createLogger(definition.name));
      if (stop) stopBackground.push(stop);
    }
    const caughtUp = await catchUpInsights(byName.insights.dataSource);
    const [{ events }] = await byName.insights.dataSource.query(`SELECT COALESCE(SUM(events), 0)::bigint AS events FROM insights_source`);
    console.log(`insights caught up: ${events} events read, ${caughtUp.toFixed(1)} s after the data was written`);
    for (const definition of subgraphs.filter((d) => d.name !== 'insights' && d.eventSources)) {
      const sources = definition.eventSources!();
      const seconds = await waitUntilCaughtUp(byName[definition.name].dataSource, definition.name, sources);
      console.log(
        `${definition.name} caught up with ${Object.keys(sources).join(', ')}: ${(seconds + caughtUp).toFixed(1)} s after the data was written`,
      );
    }
    const supergraphSdl = composeFromSchemas(
      running.map((r) => ({ name: r.name, url: r.subgraph.url, sdl: printSubgraphSchema(r.subgraph.schema) })),
    );
    // Each gateway in its own process (bench-gateways.ts), the subgraphs in this one.
    const subgraphUrls = Object.fromEntries(running.map((r) => [r.name, r.subgraph.url]));
    const gateway = await startGatewayProcess('ours', { supergraphSdl, subgraphUrls });
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
    const peer = await startGatewayProcess('hive', { supergraphSdl, subgraphUrls });

    const scenarios: Scenario[] = (
      world
        ? scaleScenarios(world)
        : benchScenarios(CITIZENS).map((s) => ({
            name: s.name,
            actor: demoActors[s.as],
            query: s.query,
            variables: s.variables,
            singleSubgraph: s.singleSubgraph,
          }))
    ).filter((s) => selected(s.name));

    /** Headers for one scenario: our gateway reads the bearer token, Hive forwards the assertion. */
    const headersFor = async (actor: Actor) => ({
      'content-type': 'application/json',
      authorization: `Bearer ${await signUserToken(actor, secret, '1h')}`,
      [GATEWAY_ASSERTION_HEADER]: await signGatewayAssertion(actor, 'bench', assertionSecret),
    });
    /** One load run from its own process (bench-load.ts), so the load does not share an event loop under test. */
    const loadRun = async (url: string, headers: Record<string, string>, body: string, duration: number): Promise<LoadResult> => {
      const options = JSON.stringify({ url, headers, body, connections: CONNECTIONS, duration });
      const { stdout } = await run(process.execPath, [path.join(__dirname, 'bench-load.js'), options], { maxBuffer: 1 << 26 });
      return JSON.parse(stdout) as LoadResult;
    };
    /** A checked request and an unmeasured warm-up, so neither side pays for a cold start. */
    const prepare = async (url: string, headers: Record<string, string>, body: string) => {
      // A scenario that errors is a broken benchmark, not a fast one.
      const probe = (await (await fetch(url, { method: 'POST', headers, body })).json()) as { errors?: unknown };
      if (probe.errors) throw new Error(`${url}: ${JSON.stringify(probe.errors)}`);
      await loadRun(url, headers, body, WARM_UP_SECONDS);
    };
    /** Two targets measured in turns; for each, statements per answered request and CPU of gateway processes. */
    const compare = async (
      a: { url: string; process?: GatewayProcess },
      b: { url: string; process?: GatewayProcess },
      headers: Record<string, string>,
      body: string,
    ) => {
      await prepare(a.url, headers, body);
      await prepare(b.url, headers, body);
      const sql = new Map<string, number>();
      const cpu = new Map<string, number>();
      const measured = (target: { url: string; process?: GatewayProcess }) => async (seconds: number) => {
        const [sql0, cpu0] = [statements(), (await target.process?.cpuMs()) ?? 0];
        const result = await loadRun(target.url, headers, body, seconds);
        cpu.set(target.url, (cpu.get(target.url) ?? 0) + ((await target.process?.cpuMs()) ?? 0) - cpu0);
        sql.set(target.url, (sql.get(target.url) ?? 0) + statements() - sql0);
        return result;
      };
      const [ra, rb] = await interleaved(measured(a), measured(b), SECONDS);
      // Statements per answered request under load: lower than one at a time where a gateway
      // shares one subgraph call among identical requests in flight.
      const extra = (url: string, total: number) => ({
        sqlUnderLoad: sql.get(url)! / Math.max(1, total),
        cpuMsPerRequest: cpu.get(url)! / Math.max(1, total),
      });
      return [
        { ...ra, ...extra(a.url, ra.total) },
        { ...rb, ...extra(b.url, rb.total) },
      ] as const;
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
    console.log(
      `\nBenchmark: ${data}, ${CONNECTIONS} connections, ${SECONDS} s per scenario and gateway (in turns), read access log ${ACCESS_LOG}, Node ${process.version}`,
    );
    console.log(
      'Latencies in ms, from every response time recorded. ×: ours ÷ Hive Gateway on the same supergraph (r/s: higher is better; p95: lower is better).',
    );
    console.log('SQL/req: statements per request sent one at a time; loaded: per answered request during the load run (all subgraphs).\n');
    console.log(
      row(
        ['scenario', 'req/s', 'p50', 'p95', 'p99', 'SQL/req', 'loaded', 'errors', 'Hive r/s', 'Hive p95', 'loaded', 'r/s ×', 'p95 ×'],
        widths,
      ),
    );
    const cpuLines: string[] = [];
    // A turn too short for a slow scenario completes nothing: no ratio then.
    const ratio = (x: number, y: number, totals: number[]) => (totals.every((t) => t > 0) && y > 0 ? (x / y).toFixed(2) : '-');
    // Event lag: while the caseload and job-consultant scenarios run, their caseworker adds
    // milestones through our gateway; each is timed until it is in insights' facts (bench-lag.ts).
    const lagWriter = scenarios.find((s) => s.name.startsWith('CaseworkerCaseload'))?.actor;
    const lagPlans = lagWriter ? await activePlansOf(byName.citizens.dataSource, byName.plans.dataSource, lagWriter.id) : [];
    const lagResults: LagResult[] = [];
    // A series' first request computes and keeps every month asked (at 50,000 citizens under load
    // longer than the gateway's subgraph time-out); asked once straight at insights, the measured
    // requests read kept months as they would in service.
    for (const s of scenarios.filter((x) => x.query.includes('series('))) {
      const started = performance.now();
      const body = JSON.stringify({ query: s.query, variables: s.variables ?? {} });
      await fetch(byName.insights.url, { method: 'POST', headers: await headersFor(s.actor), body }).then((r) => r.text());
      console.log(`${s.name}: months computed and kept in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    for (const scenario of scenarios) {
      const body = JSON.stringify({ query: scenario.query, variables: scenario.variables ?? {} });
      const headers = await headersFor(scenario.actor);
      const probe =
        lagWriter && lagPlans.length > 0 && /^(CaseworkerCaseload|JobConsultantDay)/.test(scenario.name)
          ? startLagProbe({
              gatewayUrl: gateway.url,
              headers: await headersFor(lagWriter),
              planIds: lagPlans,
              insights: byName.insights.dataSource,
            })
          : null;
      const [ours, hive] = await compare({ url: gateway.url, process: gateway }, { url: peer.url, process: peer }, headers, body);
      if (probe) lagResults.push(await probe.stop());
      const perRequest = await statementsPerRequest(gateway.url, headers, body);
      cpuLines.push(`  ${scenario.name.padEnd(44)} ${ours.cpuMsPerRequest.toFixed(2)} / ${hive.cpuMsPerRequest.toFixed(2)}`);
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
            ratio(ours.requestsPerSecond, hive.requestsPerSecond, [ours.total, hive.total]),
            ratio(ours.p95, hive.p95, [ours.total, hive.total]),
          ],
          widths,
        ),
      );
    }

    if (lagResults.length > 0) {
      const lags = lagResults.flatMap((r) => r.lags).sort((a, b) => a - b);
      const at = (p: number) => (lags.length ? lags[Math.min(lags.length - 1, Math.ceil((p / 100) * lags.length) - 1)] : 0);
      const writes = lagResults.reduce((n, r) => n + r.writes, 0);
      const missing = lagResults.reduce((n, r) => n + r.missing, 0);
      const errors = lagResults.flatMap((r) => r.errors);
      console.log(
        `\nEvent lag (a milestone added through the gateway every 0.5 s during the caseload and job-consultant scenarios, until it is in insights' facts): ` +
          `${writes} writes, ${lags.length} seen, ${missing} not within 30 s, ${errors.length} failed; p50 ${ms(at(50))} ms, p95 ${ms(at(95))} ms, max ${ms(lags.at(-1) ?? 0)} ms`,
      );
      if (errors.length) console.log(`  first failure: ${errors[0]}`);
    }

    console.log('\nGateway CPU per request, ms (its own process, user + system), ours / Hive:');
    for (const line of cpuLines) console.log(line);

    // Gateway overhead: a single-subgraph query through the gateway vs. straight at the subgraph.
    console.log('\nGateway overhead (single-subgraph queries, ours through the gateway ÷ straight at the citizens subgraph):');
    for (const scenario of scenarios.filter((s) => s.singleSubgraph)) {
      const body = JSON.stringify({ query: scenario.query, variables: scenario.variables ?? {} });
      const headers = await headersFor(scenario.actor);
      const [via, direct] = await compare({ url: gateway.url, process: gateway }, { url: byName.citizens.url }, headers, body);
      console.log(
        `  ${scenario.name.padEnd(44)} p50 ${ms(via.p50)}/${ms(direct.p50)} ms = ${(via.p50 / direct.p50).toFixed(2)}×,` +
          ` p95 ${ms(via.p95)}/${ms(direct.p95)} ms = ${(via.p95 / direct.p95).toFixed(2)}×,` +
          ` req/s ${direct.requestsPerSecond.toFixed(0)}/${via.requestsPerSecond.toFixed(0)} = ${(direct.requestsPerSecond / via.requestsPerSecond).toFixed(2)}×`,
      );
    }
    await peer.close();
    await gateway.close();
    for (const stop of stopBackground) await stop();
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
