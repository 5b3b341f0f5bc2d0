/**
 * `npm run explain [-- --citizens 50000 --seed 42]`: the query plans of what the four client
 * operations really send. Starts the four subgraphs and the gateway on the databases seed:scale
 * fills (found the same way; with --citizens it generates them first), runs each operation
 * once through the gateway as a person picked from the data, records every SQL statement each
 * subgraph sends (through its TypeORM logger, so the text and parameters are the code's own),
 * and prints EXPLAIN (ANALYZE, BUFFERS) of each distinct read, with a summary of sequential
 * scans and times at the end.
 */
import { printSubgraphSchema } from '@apollo/subgraph';
import { Actor, authJwtSecret, RunningSubgraph, signUserToken, startSubgraph } from '@jobcenter/kit';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { composeFromSchemas } from '@jobcenter/gateway/compose';
import { operation } from '@jobcenter/gateway/operations';
import { startGateway } from '@jobcenter/gateway/server';
import { resolveAllDatabases, subgraphs } from './services';
import { commandLine, confirmEmptying } from './cli';
import { seedScale } from './seed-scale/index';
import { plusDays } from './seed-scale/random';

interface Captured {
  operation: string;
  subgraph: string;
  sql: string;
  parameters: unknown[];
}

const USAGE = 'npm run explain -- [--citizens N [--seed 42] [--yes]]   (--citizens first refills the databases with seed:scale)';

async function main() {
  const { values } = commandLine(
    USAGE,
    { citizens: { type: 'string' }, seed: { type: 'string', default: '42' }, yes: { type: 'boolean', default: false } },
    {
      check: ({ values: v }) =>
        v.citizens !== undefined && (!/^\d+$/.test(v.citizens) || Number(v.citizens) < 1)
          ? '--citizens: a whole number of at least 1'
          : undefined,
    },
  );
  process.env.LOG_LEVEL ??= 'warn';
  const { urls, embedded } = await resolveAllDatabases();
  if (values.citizens) {
    if (
      !(await confirmEmptying(
        Object.keys(urls).map((name) => `jobcenter_${name}: every table seed:scale fills (TRUNCATE … CASCADE)`),
        values.yes,
      ))
    ) {
      await embedded?.stop();
      process.exit(2);
    }
  }
  const running: Record<string, RunningSubgraph> = {};
  const closers: (() => Promise<void>)[] = [];
  try {
    if (values.citizens) {
      const citizens = Number(values.citizens);
      console.log(`Generating ${citizens} citizens first (seed:scale)…`);
      await seedScale({ citizens, seed: values.seed, today: todayInCopenhagen(), urls, progress: process.stderr.isTTY });
    }
    for (const definition of subgraphs) {
      const subgraph = await startSubgraph(definition, { databaseUrl: urls[definition.name], port: 0 });
      running[definition.name] = subgraph;
      closers.unshift(() => subgraph.close());
      process.env[`${definition.name.toUpperCase()}_URL`] = subgraph.url;
    }
    const supergraphSdl = composeFromSchemas(
      subgraphs.map((d) => ({ name: d.name, url: running[d.name].url, sdl: printSubgraphSchema(running[d.name].schema) })),
    );
    const gateway = await startGateway({
      port: 0,
      supergraphSdl,
      subgraphUrls: Object.fromEntries(subgraphs.map((d) => [d.name, running[d.name].url])),
    });
    closers.unshift(() => gateway.close());

    // Record what each subgraph sends, through the logger TypeORM calls for every statement.
    let current: string | null = null;
    const captured: Captured[] = [];
    for (const [name, subgraph] of Object.entries(running)) {
      const logger = subgraph.dataSource.logger as { logQuery(sql: string, parameters?: unknown[]): void };
      const original = logger.logQuery.bind(logger);
      logger.logQuery = (sql, parameters) => {
        if (current) captured.push({ operation: current, subgraph: name, sql, parameters: parameters ?? [] });
        original(sql, parameters);
      };
    }

    const operations = await pickOperations(running);
    const secret = authJwtSecret();
    for (const op of operations) {
      current = op.name;
      const res = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await signUserToken(op.actor, secret, '1h')}` },
        body: JSON.stringify({ query: operation(op.operation), variables: op.variables }),
      });
      const body = (await res.json()) as { errors?: unknown };
      if (body.errors) throw new Error(`${op.name}: ${JSON.stringify(body.errors)}`);
    }
    current = null;

    const seen = new Set<string>();
    const summary: string[] = [];
    for (const c of captured) {
      const key = `${c.subgraph}\n${c.sql}`;
      if (seen.has(key) || !/^\s*(SELECT|WITH)\b/i.test(c.sql)) continue;
      seen.add(key);
      const rows: { 'QUERY PLAN': string }[] = await running[c.subgraph].dataSource.query(
        `EXPLAIN (ANALYZE, BUFFERS) ${c.sql}`,
        c.parameters,
      );
      const plan = rows.map((r) => r['QUERY PLAN']);
      console.log(`\n=== ${c.operation} · ${c.subgraph}\n${c.sql.replace(/\s+/g, ' ').trim()}`);
      if (c.parameters.length) console.log(`-- parameters: ${JSON.stringify(c.parameters).slice(0, 300)}`);
      console.log(plan.join('\n'));
      const time = plan.find((l) => l.startsWith('Execution Time'))?.replace('Execution Time: ', '') ?? '?';
      const seqScans = plan
        .filter((l) => /Seq Scan on/.test(l))
        .map(
          (l) =>
            /Seq Scan on (\S+)/.exec(l)![1] +
            (/rows=(\d+) loops/.exec(l.split('(actual')[1] ?? '')?.[1]
              ? ` (${/rows=(\d+) loops/.exec(l.split('(actual')[1])![1]} rows)`
              : ''),
        );
      summary.push(
        `${c.operation.padEnd(20)} ${c.subgraph.padEnd(10)} ${time.padStart(11)}  ${seqScans.length ? `seq scan: ${seqScans.join(', ')}` : 'no seq scan'}  ${c.sql.replace(/\s+/g, ' ').trim().slice(0, 70)}`,
      );
    }
    console.log(`\n=== Summary: ${seen.size} distinct reads (execution time, sequential scans)`);
    console.log(summary.join('\n'));
  } finally {
    for (const close of closers) await close();
    await embedded?.stop();
  }
}

/** The four operations, each run by a person picked from the data in the databases. */
async function pickOperations(running: Record<string, RunningSubgraph>) {
  const q = <T>(db: string, sql: string) => running[db].dataSource.query(sql) as Promise<T[]>;
  const staff = async (id: string): Promise<Actor> => {
    const [s] = await running.citizens.dataSource.query('SELECT id, name, role, team FROM staff_member WHERE id = $1', [id]);
    return { id: s.id, name: s.name, role: s.role, team: s.team };
  };
  const [caseworker] = await q<{ staff_id: string }>(
    'citizens',
    `SELECT staff_id FROM assignment WHERE role = 'CASEWORKER' AND to_date IS NULL GROUP BY staff_id ORDER BY abs(COUNT(*) - 60), staff_id LIMIT 1`,
  );
  const [consultant] = await q<{ job_consultant_id: string }>(
    'placements',
    `SELECT job_consultant_id FROM placement WHERE status = 'ACTIVE' GROUP BY job_consultant_id ORDER BY COUNT(*) DESC, job_consultant_id LIMIT 1`,
  );
  const [analyst] = await q<{ id: string }>('citizens', `SELECT id FROM staff_member WHERE role = 'ANALYST' ORDER BY id LIMIT 1`);
  const [placed] = await q<{ citizen_id: string }>(
    'placements',
    `SELECT citizen_id FROM placement WHERE status = 'ACTIVE' ORDER BY citizen_id LIMIT 1`,
  );
  if (!caseworker || !consultant || !analyst || !placed)
    throw new Error('No generated data here: run npm run seed:scale first (or pass --citizens).');
  const [citizen] = await running.citizens.dataSource.query('SELECT id, first_name, last_name FROM citizen WHERE id = $1', [
    placed.citizen_id,
  ]);
  const today = todayInCopenhagen();
  return [
    {
      name: 'CaseworkerCaseload',
      operation: 'CaseworkerCaseload' as const,
      actor: await staff(caseworker.staff_id),
      variables: { staffId: caseworker.staff_id },
    },
    {
      name: 'JobConsultantDay',
      operation: 'JobConsultantDay' as const,
      actor: await staff(consultant.job_consultant_id),
      variables: { staffId: consultant.job_consultant_id },
    },
    {
      name: 'MunicipalDashboard',
      operation: 'MunicipalDashboard' as const,
      actor: await staff(analyst.id),
      variables: { from: plusDays(today, -365), to: today },
    },
    {
      name: 'CitizenOwnView',
      operation: 'CitizenOwnView' as const,
      actor: { id: citizen.id, role: 'CITIZEN', name: `${citizen.first_name} ${citizen.last_name}` } as Actor,
      variables: { citizenId: citizen.id },
    },
  ];
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
