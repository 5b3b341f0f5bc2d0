import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Actor } from '@jobcenter/kit';
import { signUserToken } from '@jobcenter/kit';
import { createTestDatabase, freePort, perturbedAround, postGraphQL } from '@jobcenter/kit/testing';
import { DEMO_TEAM, demoCitizens, demoStaff } from '@jobcenter/demo-cast';
import { operation } from '@jobcenter/gateway/operations';

/**
 * The federation as docker-compose.yml wires it, minus Docker: every service in its own Node
 * process with exactly the environment Compose gives it (service host names mapped to loopback
 * ports, each database to a fresh one on the test server), nothing inherited from this process
 * but PATH. A subgraph that Compose forgets to tell where a callee is cannot fall back on a
 * default (there is none), so a wrong call graph fails here, not in a municipality's cluster.
 */
const root = path.resolve(__dirname, '../../..');
const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true });
const services = Object.keys(compose.services).filter((name) => name !== 'postgres');
const entryOf = (name: string) => path.join(root, name === 'gateway' ? 'gateway' : `services/${name}`, 'dist/src/index.js');

const children: ChildProcess[] = [];
const output: Record<string, string> = {};
const databases: { drop(): Promise<void> }[] = [];
let gatewayUrl: string;
let jwtSecret: string;

async function waitReady(name: string, base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; ; i += 1) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output[name]}`);
    if (
      await fetch(`${base}/health/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    if (i > 1200) throw new Error(`${name} did not become ready:\n${output[name]}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  const ports = Object.fromEntries(await Promise.all(services.map(async (name) => [name, await freePort()] as const)));
  const localise = (value: string) =>
    value.replace(/^http:\/\/([a-z]+):\d+/, (whole, host: string) => (host in ports ? `http://127.0.0.1:${ports[host]}` : whole));
  const envOf = async (name: string) => {
    // Besides Compose's own: a free metrics port (PORT + 5000 may be taken on a shared machine).
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', METRICS_PORT: '0' };
    for (const [key, value] of Object.entries<string>(compose.services[name].environment)) {
      if (key.endsWith('_DATABASE_URL')) {
        const database = await createTestDatabase(`compose_${name}`);
        databases.push(database);
        env[key] = database.url;
      } else env[key] = key === 'PORT' ? String(ports[name]) : localise(String(value));
    }
    return env;
  };
  jwtSecret = compose.services.gateway.environment.AUTH_JWT_SECRET;
  const start = async (name: string) => {
    const child = spawn(process.execPath, [entryOf(name)], { env: await envOf(name), stdio: ['ignore', 'pipe', 'pipe'] });
    output[name] = '';
    child.stdout!.on('data', (d) => (output[name] += d));
    child.stderr!.on('data', (d) => (output[name] += d));
    children.push(child);
    await waitReady(name, `http://127.0.0.1:${ports[name]}`, child);
  };
  // Compose's order: the subgraphs (each needs only PostgreSQL), then the gateway.
  await Promise.all(services.filter((s) => s !== 'gateway').map(start));
  await start('gateway');
  gatewayUrl = `http://127.0.0.1:${ports.gateway}/graphql`;
}, 180_000);

afterAll(async () => {
  await Promise.all(
    children.map((child) =>
      child.exitCode !== null ? undefined : new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM'))),
    ),
  );
  for (const database of databases) await database.drop();
});

const staff = (key: keyof typeof demoStaff): Actor => ({ ...demoStaff[key], team: DEMO_TEAM });
const svend: Actor = { id: demoCitizens.svend.id, role: 'CITIZEN', name: 'Svend Madsen' };
const as = async (actor: Actor, query: string, variables: Record<string, unknown>) =>
  postGraphQL(gatewayUrl, query, variables, { authorization: `Bearer ${await signUserToken(actor, jwtSecret, '10m')}` });

describe('the services as docker-compose.yml wires them, each its own process', () => {
  it('starts every service Compose defines', () => {
    expect(services.sort()).toEqual(['citizens', 'gateway', 'insights', 'meetings', 'placements', 'plans']);
  });

  it("CaseworkerCaseload: Inger's citizens with plans (plans asks citizens for her grants), meetings and placement", async () => {
    const res = await as(staff('inger'), operation('CaseworkerCaseload'), { staffId: demoStaff.inger.id });
    expect(res.errors).toBeUndefined();
    const caseload = res.data.staffMember.caseload as any[];
    expect(caseload.map((c) => c.firstName).sort()).toEqual(['Per', 'Svend']);
    const sv = caseload.find((c) => c.firstName === 'Svend');
    expect(sv.activePlan.longTermGoal).toMatch(/anlægsgartner/);
    expect(sv.nextMeeting).not.toBeNull();
    expect(sv.activePlacement.company.name).toBe('Ringe Anlægsgartner ApS');
  });

  it("JobConsultantDay: Jens's placements needing attention, with plan goals and next meetings", async () => {
    const res = await as(staff('jens'), operation('JobConsultantDay'), { staffId: demoStaff.jens.id });
    expect(res.errors).toBeUndefined();
    const items = res.data.staffMember.placementsNeedingAttention as any[];
    expect(items.find((i) => i.placement.citizen.firstName === 'Line').placement.citizen.activePlan.longTermGoal).toMatch(/job/i);
  });

  it('MunicipalDashboard: every statistic, for an analyst', async () => {
    const res = await as(staff('karin'), operation('MunicipalDashboard'), { from: '2025-11-01', to: '2026-12-31' });
    expect(res.errors).toBeUndefined();
    // Shown counts are perturbed (cell-key method): within ±2 of the truth.
    expect(res.data.citizenStatistics.total).toEqual(perturbedAround(5));
    expect(res.data.meetingStatistics.held).toEqual(perturbedAround(19)); // Svend's two placement kick-offs included
  });

  it("CitizenOwnView, then Svend's access log lists the look-ups in all four domains", async () => {
    const res = await as(svend, operation('CitizenOwnView'), { citizenId: svend.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.citizen.activePlan.longTermGoal).toMatch(/anlægsgartner/);
    expect(res.data.citizen.activePlacement.company.name).toBe('Ringe Anlægsgartner ApS');
    const log = await as(svend, `query($id: ID!) { citizen(id: $id) { accessLog { domain actorRole } } }`, { id: svend.id });
    expect(log.errors).toBeUndefined();
    const domains = new Set((log.data.citizen.accessLog as any[]).filter((e) => e.actorRole === 'CITIZEN').map((e) => e.domain));
    expect(domains).toEqual(new Set(['citizens', 'plans', 'meetings', 'placements']));
  });
});
