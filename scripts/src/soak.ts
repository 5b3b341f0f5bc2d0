/**
 * `npm run soak`: a bounded load-and-fault run on loopback. Starts its own PostgreSQL (which it
 * can stop), the four subgraphs and the gateway; mixes reads and writes through the gateway
 * for SOAK_SECONDS (default 90, at most 600) with SOAK_WORKERS concurrent clients (default 4);
 * meanwhile stops and restarts the plans subgraph, the database and the citizens subgraph.
 * Every write carries an Idempotency-Key and is retried with the same key until acknowledged
 * (or the run ends). At the end it prints requests, errors by kind and a consistency check:
 * every acknowledged write must be in its database, and no key may have written twice.
 * Exits 1 when the check fails. Nothing leaves 127.0.0.1.
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import {
  Actor,
  authJwtSecret,
  ensureDatabase,
  IDEMPOTENCY_KEY_HEADER,
  RunningSubgraph,
  signUserToken,
  startSubgraph,
  SubgraphDefinition,
  withDatabase,
} from '@jobcenter/kit';
import { checkScriptConfig, setting } from '@jobcenter/kit/config';
import { freePort, PostgresProcess, startPostgresProcess } from '@jobcenter/kit/testing';
import { composeFromSchemas } from '@jobcenter/gateway/compose';
import { startGateway } from '@jobcenter/gateway/server';
import { provideCprKeys } from './cpr-keys';
import { subgraphs } from './services';
import { commandLine } from './cli';

checkScriptConfig(['SOAK_SECONDS', 'SOAK_WORKERS']);
const SECONDS = setting('SOAK_SECONDS');
const WORKERS = setting('SOAK_WORKERS');
const TEAM = 'Team Soak';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const counts = { requests: 0, ok: 0 };
const errors = new Map<string, number>();
const countError = (kind: string) => errors.set(kind, (errors.get(kind) ?? 0) + 1);
const acknowledged = { citizens: new Set<string>(), plans: new Set<string>(), meetings: new Set<string>() };
const keysUsed = { citizens: 0, plans: 0, meetings: 0 };
const faults: string[] = [];

let serial = 0;
let meetingSerial = 0;
const samples = new Map<string, string>();
function nextCpr(): string {
  serial += 1;
  const day = String((serial % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(serial / 28) % 12) + 1).padStart(2, '0');
  return `${day}${month}7${serial % 10}-${String(1000 + ((process.pid + serial * 7) % 9000)).padStart(4, '0')}`;
}

async function main() {
  commandLine('npm run soak   (settings: SOAK_SECONDS, SOAK_WORKERS)', {});
  provideCprKeys();
  const started = Date.now();
  const deadline = started + SECONDS * 1000;
  const parent = mkdtempSync(path.join(tmpdir(), 'jobcenter-soak-'));
  chmodSync(parent, 0o755);
  const pgPort = await freePort();
  const startPg = () => startPostgresProcess(path.join(parent, 'pg'), pgPort);
  let pg: PostgresProcess = await startPg();
  const running: Record<string, RunningSubgraph> = {};
  const urls: Record<string, string> = {};
  const definitions: Record<string, SubgraphDefinition<any>> = {};
  let gateway: { url: string; close(): Promise<void> } | undefined;
  try {
    for (const definition of subgraphs) {
      await ensureDatabase(pg.adminUrl, `soak_${definition.name}`);
      urls[definition.name] = withDatabase(pg.adminUrl, `soak_${definition.name}`);
      definitions[definition.name] = definition;
      running[definition.name] = await startSubgraph(definition, { databaseUrl: urls[definition.name], port: 0 });
      process.env[`${definition.name.toUpperCase()}_URL`] = running[definition.name].url;
    }
    gateway = await startGateway({
      port: 0,
      supergraphSdl: composeFromSchemas(
        subgraphs.map((d) => ({ name: d.name, url: running[d.name].url, sdl: printSubgraphSchema(running[d.name].schema) })),
      ),
      subgraphUrls: Object.fromEntries(subgraphs.map((d) => [d.name, running[d.name].url])),
    });
    const gatewayUrl = gateway.url;
    const secret = authJwtSecret();
    const bearer = async (actor: Actor) => `Bearer ${await signUserToken(actor, secret, '2h')}`;
    const call = async (actor: Actor, query: string, variables: Record<string, unknown>, key?: string) => {
      counts.requests += 1;
      try {
        const res = await fetch(gatewayUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: await bearer(actor),
            ...(key ? { [IDEMPOTENCY_KEY_HEADER]: key } : {}),
          },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(10_000),
        });
        const body = (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
        if (body.errors?.length) {
          const kind = String(body.errors[0].extensions?.code ?? 'UNKNOWN');
          countError(kind);
          if (!samples.has(kind)) samples.set(kind, String((body.errors[0] as { message?: string }).message ?? '').slice(0, 90));
        } else counts.ok += 1;
        return body;
      } catch (error) {
        countError(`network: ${(error as Error).name}`);
        return { errors: [{ extensions: { code: 'NETWORK' } }] } as { data?: any; errors?: { extensions?: { code?: string } }[] };
      }
    };
    /** A write retried with one Idempotency-Key until it is acknowledged or the run ends. */
    const write = async (actor: Actor, query: string, variables: Record<string, unknown>, pick: (data: any) => string | undefined) => {
      const key = randomUUID();
      for (let attempt = 0; attempt < 30 && Date.now() < deadline + 15_000; attempt += 1) {
        const res = await call(actor, query, variables, key);
        const id = res.data ? pick(res.data) : undefined;
        if (id && !res.errors?.length) return id;
        const code = res.errors?.[0]?.extensions?.code;
        if (code === 'BAD_USER_INPUT' || code === 'FORBIDDEN' || code === 'NOT_FOUND') return undefined;
        await sleep(Math.min(2000, 100 * 2 ** attempt));
      }
      return undefined;
    };

    const teamLead: Actor = { id: randomUUID(), role: 'TEAM_LEAD', name: 'Lone Friis', team: TEAM };
    const created = await call(
      teamLead,
      `mutation($e: String!) { createStaffMember(input: { name: "Inger Holm", role: CASEWORKER, email: $e, team: "${TEAM}" }) { id } }`,
      { e: `${randomUUID()}@soak.dk` },
    );
    if (!created.data) throw new Error(`setup failed: ${JSON.stringify(created.errors)}`);
    const caseworker: Actor = { id: created.data.createStaffMember.id, role: 'CASEWORKER', name: 'Inger Holm', team: TEAM };

    const worker = async () => {
      while (Date.now() < deadline) {
        keysUsed.citizens += 1;
        const citizenId = await write(
          caseworker,
          `mutation($i: RegisterCitizenInput!) { registerCitizen(input: $i) { id } }`,
          { i: { cpr: nextCpr(), firstName: 'Soak', lastName: `Person ${serial}`, targetGroup: 'JOB_READY' } },
          (d) => d.registerCitizen?.id,
        );
        if (!citizenId) continue;
        acknowledged.citizens.add(citizenId);
        await write(
          teamLead,
          `mutation($c: ID!, $s: ID!) { assignStaff(citizenId: $c, staffId: $s, role: CASEWORKER) { id } }`,
          { c: citizenId, s: caseworker.id },
          (d) => d.assignStaff?.id,
        );
        keysUsed.plans += 1;
        const planId = await write(
          caseworker,
          `mutation($c: ID!, $i: CreatePlanInput!) { createPlan(citizenId: $c, input: $i) { id } }`,
          { c: citizenId, i: { longTermGoal: 'Arbejde', startDate: new Date().toISOString().slice(0, 10) } },
          (d) => d.createPlan?.id,
        );
        if (planId) acknowledged.plans.add(planId);
        keysUsed.meetings += 1;
        const meetingId = await write(
          caseworker,
          `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }`,
          {
            i: {
              citizenId,
              kind: 'FOLLOW_UP',
              durationMinutes: 15,
              scheduledAt: new Date(
                Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 86_400_000 + 3_600_000 * (meetingSerial += 1),
              ).toISOString(),
              participants: [],
            },
          },
          (d) => d.scheduleMeeting?.id,
        );
        if (meetingId) acknowledged.meetings.add(meetingId);
        for (let i = 0; i < 3; i += 1) {
          await call(caseworker, `query($id: ID!) { citizen(id: $id) { firstName activePlan { longTermGoal } } }`, { id: citizenId });
        }
      }
    };

    const restartSubgraph = async (name: string, downMs: number) => {
      const port = running[name].port;
      faults.push(`${((Date.now() - started) / 1000).toFixed(0)} s: ${name} subgraph stopped for ${downMs} ms`);
      await running[name].close();
      await sleep(downMs);
      running[name] = await startSubgraph(definitions[name], { databaseUrl: urls[name], port });
    };
    const chaos = async () => {
      const at = (fraction: number) => sleep(Math.max(0, started + SECONDS * 1000 * fraction - Date.now()));
      await at(0.2);
      await restartSubgraph('plans', 3000);
      await at(0.45);
      faults.push(`${((Date.now() - started) / 1000).toFixed(0)} s: PostgreSQL stopped for 3000 ms`);
      await pg.stop();
      await sleep(3000);
      pg = await startPg();
      await at(0.7);
      await restartSubgraph('citizens', 2000);
    };

    console.log(`Soak: ${SECONDS} s, ${WORKERS} clients, gateway ${gatewayUrl}, PostgreSQL on 127.0.0.1:${pgPort}`);
    await Promise.all([chaos(), ...Array.from({ length: WORKERS }, worker)]);

    // Consistency: every acknowledged write is stored; idempotent retries wrote nothing twice.
    for (
      let i = 0;
      i < 100 &&
      !(await fetch(running.citizens.url.replace('/graphql', '/health/ready')).then(
        (r) => r.ok,
        () => false,
      ));
      i += 1
    )
      await sleep(100);
    const present = async (service: string, table: string, ids: Set<string>) =>
      Number(
        (await running[service].dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE id = ANY($1::uuid[])`, [[...ids]]))[0].n,
      );
    const total = async (service: string, table: string) =>
      Number((await running[service].dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
    const rows = [
      ['citizens', 'citizen', acknowledged.citizens, keysUsed.citizens],
      ['plans', 'plan', acknowledged.plans, keysUsed.plans],
      ['meetings', 'meeting', acknowledged.meetings, keysUsed.meetings],
    ] as const;
    let consistent = true;
    console.log(`\nRequests: ${counts.requests} (${counts.ok} without errors) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    console.log('Errors by kind:');
    for (const [kind, n] of [...errors].sort((a, b) => b[1] - a[1]))
      console.log(`  ${kind.padEnd(24)} ${String(n).padStart(5)}  e.g. ${samples.get(kind) ?? ''}`);
    console.log('Faults:');
    for (const f of faults) console.log(`  ${f}`);
    console.log('Consistency (acknowledged writes present; stored rows never exceed the writes attempted):');
    for (const [service, table, ids, keys] of rows) {
      const found = await present(service, table, ids);
      const stored = await total(service, table);
      const ok = found === ids.size && stored <= keys;
      consistent &&= ok;
      console.log(
        `  ${table.padEnd(10)} acknowledged ${String(ids.size).padStart(5)}  present ${String(found).padStart(5)}  rows ${String(stored).padStart(5)}  keys ${String(keys).padStart(5)}  ${ok ? 'OK' : 'FAILED'}`,
      );
    }
    console.log(consistent ? '\nConsistent: every acknowledged write is there, none twice.' : '\nINCONSISTENT: see above.');
    process.exitCode = consistent ? 0 : 1;
  } finally {
    await gateway?.close();
    for (const r of Object.values(running)) await r.close().catch(() => undefined);
    await pg.stop();
    rmSync(parent, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
