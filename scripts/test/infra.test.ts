import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { SUBGRAPHS } from '@jobcenter/gateway/subgraphs';
import { createFieldCipher, fieldCipherKeysFromEnv } from '@jobcenter/kit';
import { subgraphs } from '../src/services';
import { supergraphConfigMap, SUPERGRAPH_CONFIGMAP } from '../src/k8s-supergraph';
import { ensureDebianCommand } from '../src/system-tools';

/**
 * No Docker engine and no cluster run here, so this checks what can be checked offline: that
 * docker-compose.yml and the Kubernetes manifests agree with the code (services, ports, env
 * variables, health paths) and that the manifests are valid against the Kubernetes schemas.
 */
const root = path.resolve(__dirname, '../../..');
const GATEWAY_PORT = 4000;
const portOf = (name: string) => {
  const definition = subgraphs.find((d) => d.name === name);
  if (!definition) throw new Error(`no subgraph definition ${name}`);
  return definition.defaultPort;
};
const SERVICE_NAMES = subgraphs.map((d) => d.name);
/** Whom each subgraph calls directly (subgraphClient), as its definition declares (`calls`). */
const DIRECT_CALLS: Record<string, readonly string[]> = Object.fromEntries(subgraphs.map((d) => [d.name, d.calls ?? []]));
/** The `<NAME>_URL` variables in an environment (not the database URLs). */
const peerUrlNames = (names: string[]) => names.filter((n) => /^[A-Z]+_URL$/.test(n) && !n.endsWith('_DATABASE_URL')).sort();
const expectedPeerUrls = (name: string) => DIRECT_CALLS[name].map((t) => `${t.toUpperCase()}_URL`).sort();
/** The CPR keys (kit/crypto/field-cipher.ts): only the citizens service stores CPR numbers. */
const CPR_KEYS = ['CPR_ENCRYPTION_KEYS', 'CPR_ENCRYPTION_KEY_ID', 'CPR_BLIND_INDEX_KEY'];
const holdsCprKeys = (name: string) => name === 'citizens';

function renderManifests(dir: string): { objects: any[]; errors: string[] } {
  try {
    const out = execFileSync(process.execPath, [path.join(root, 'scripts/validate-manifests.mjs'), dir, '--json'], {
      cwd: root,
      encoding: 'utf8',
    });
    return JSON.parse(out);
  } catch (error) {
    const out = (error as { stdout?: string }).stdout;
    if (out) return JSON.parse(out);
    throw error;
  }
}

describe('the code and the deployment files agree', () => {
  it('the gateway composes exactly the defined subgraphs, each on its default port', () => {
    expect(SUBGRAPHS.map((s) => s.name).sort()).toEqual([...SERVICE_NAMES].sort());
    for (const s of SUBGRAPHS) expect(new URL(s.defaultUrl).port).toBe(String(portOf(s.name)));
  });

  it('every declared call is to another defined subgraph', () => {
    for (const [caller, targets] of Object.entries(DIRECT_CALLS)) {
      for (const target of targets) {
        expect(SERVICE_NAMES).toContain(target);
        expect(target).not.toBe(caller);
      }
    }
    // The access log asks every other domain, and every domain with a caseload asks citizens.
    expect([...DIRECT_CALLS.citizens].sort()).toEqual(SERVICE_NAMES.filter((n) => n !== 'citizens').sort());
  });

  describe('docker-compose.yml', () => {
    const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true });
    const initSql = readFileSync(path.join(root, 'infra/postgres/init.sql'), 'utf8');

    describe('docker-compose config -q (Debian docker-compose, offline: no engine needed)', () => {
      let dockerCompose: string;
      beforeAll(() => {
        dockerCompose = ensureDebianCommand('docker-compose');
      }, 600_000);
      const check = (file: string) => spawnSync(dockerCompose, ['-f', file, 'config', '-q'], { cwd: root, encoding: 'utf8' });

      it('accepts docker-compose.yml', () => {
        const result = check(path.join(root, 'docker-compose.yml'));
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
      });

      it('rejects a misspelt option (the check can fail)', () => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'compose-'));
        const file = path.join(dir, 'docker-compose.yml');
        writeFileSync(file, readFileSync(path.join(root, 'docker-compose.yml'), 'utf8').replace('    healthcheck:\n', '    healthchek:\n'));
        const result = check(file);
        expect(result.status).not.toBe(0);
        expect(result.stderr).toMatch(/Unsupported config option for services\.\w+: 'healthchek'/);
      });
    });

    it('runs postgres (official image, init script), every subgraph and the gateway', () => {
      expect(Object.keys(compose.services).sort()).toEqual(['gateway', 'postgres', ...SERVICE_NAMES].sort());
      expect(compose.services.postgres.image).toMatch(/^postgres:\d+/);
      expect(compose.services.postgres.volumes).toContain('./infra/postgres/init.sql:/docker-entrypoint-initdb.d/init.sql:ro');
    });

    it.each(SERVICE_NAMES)('%s: port, own database, secrets, readiness check, waits for postgres', (name) => {
      const service = compose.services[name];
      const env = service.environment;
      expect(service.build.args.SERVICE).toBe(name);
      expect(env.PORT).toBe(String(portOf(name)));
      const url = new URL(env[`${name.toUpperCase()}_DATABASE_URL`]);
      expect(url.pathname).toBe(`/jobcenter_${name}`);
      expect(url.hostname).toBe('postgres');
      expect(initSql).toContain(`CREATE DATABASE jobcenter_${name} OWNER ${url.username};`);
      expect(initSql).toContain(`CREATE ROLE ${url.username} LOGIN PASSWORD '${url.password}';`);
      expect(env.GATEWAY_ASSERTION_SECRET).toEqual(expect.any(String));
      expect(service.healthcheck.test.join(' ')).toContain(`http://127.0.0.1:${portOf(name)}/health/ready`);
      expect(service.depends_on.postgres).toEqual({ condition: 'service_healthy' });
      if (holdsCprKeys(name)) {
        // Valid keys, as the service reads them when it starts in production.
        expect(() => createFieldCipher(fieldCipherKeysFromEnv({ ...env, NODE_ENV: 'production' }))).not.toThrow();
        expect(fieldCipherKeysFromEnv(env).activeKeyId).toBe(env.CPR_ENCRYPTION_KEY_ID);
      } else {
        for (const k of CPR_KEYS) expect(env).not.toHaveProperty(k);
      }
      // Exactly the declared callees' URLs: none missing (no default points anywhere), none extra.
      expect(peerUrlNames(Object.keys(env))).toEqual(expectedPeerUrls(name));
      for (const target of DIRECT_CALLS[name]) {
        expect(env[`${target.toUpperCase()}_URL`]).toBe(`http://${target}:${portOf(target)}/graphql`);
      }
    });

    it('the gateway knows every subgraph URL, holds both secrets and waits until all are healthy', () => {
      const gateway = compose.services.gateway;
      expect(gateway.build.args.SERVICE).toBe('gateway');
      expect(gateway.environment.PORT).toBe(String(GATEWAY_PORT));
      expect(gateway.environment.AUTH_JWT_SECRET).toEqual(expect.any(String));
      expect(gateway.environment.GATEWAY_ASSERTION_SECRET).toBe(compose.services.citizens.environment.GATEWAY_ASSERTION_SECRET);
      for (const name of SERVICE_NAMES) {
        expect(gateway.environment[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${portOf(name)}/graphql`);
        expect(gateway.depends_on[name]).toEqual({ condition: 'service_healthy' });
      }
      expect(gateway.healthcheck.test.join(' ')).toContain(`http://127.0.0.1:${GATEWAY_PORT}/health/ready`);
      expect(gateway.ports).toEqual([`${GATEWAY_PORT}:${GATEWAY_PORT}`]);
    });
  });

  describe('Kubernetes manifests (infra/k8s)', () => {
    const { objects, errors } = renderManifests('infra/k8s/overlays/example');
    const find = (kind: string, name: string) => {
      const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
      if (!found) throw new Error(`no ${kind}/${name}`);
      return found;
    };
    const envOf = (container: any) => Object.fromEntries((container.env ?? []).map((e: any) => [e.name, e]));

    it('are valid against the Kubernetes schemas (kubernetes-models, offline)', () => {
      expect(errors).toEqual([]);
      expect(objects.length).toBeGreaterThan(30);
      expect(objects.every((o) => o.kind === 'Namespace' || o.metadata.namespace === 'jobcenter')).toBe(true);
    });

    it('the schema check does reject a broken manifest', () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'k8s-'));
      writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources: [bad.yaml]\n');
      writeFileSync(
        path.join(dir, 'bad.yaml'),
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: bad }\nspec: { replicas: "two", selector: {}, template: { spec: { containers: [{ image: x }] } } }\n',
      );
      expect(renderManifests(dir).errors.join('\n')).toMatch(/Deployment\/bad/);
    });

    it('unknown fields are errors, as with kubectl apply --validate=strict (typos do not pass)', () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'k8s-'));
      writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources: [typos.yaml]\n');
      const gateway = readFileSync(path.join(root, 'infra/k8s/base/gateway.yaml'), 'utf8')
        .replace('  replicas: 2\n', '  replica: 2\n')
        .replace('          readinessProbe:\n', '          readinessProbes:\n')
        .replace('  minAvailable: 1\n', '  minAvailabe: 1\n');
      writeFileSync(path.join(dir, 'typos.yaml'), gateway);
      const errors = renderManifests(dir).errors;
      expect(errors).toEqual([
        expect.stringMatching(/Deployment\/gateway: spec\.replica: unknown field$/),
        expect.stringMatching(/Deployment\/gateway: spec\.template\.spec\.containers\[0\]\.readinessProbes: unknown field$/),
        expect.stringMatching(/PodDisruptionBudget\/gateway: spec\.minAvailabe: unknown field$/),
      ]);
    });

    it('the supergraph ConfigMap is the committed supergraph (npm run k8s:supergraph)', () => {
      expect(readFileSync(SUPERGRAPH_CONFIGMAP, 'utf8')).toBe(supergraphConfigMap());
    });

    it.each([...SERVICE_NAMES, 'gateway'])('%s: Deployment, Service, probes, resources, HPA, PDB agree with the code', (name) => {
      const port = name === 'gateway' ? GATEWAY_PORT : portOf(name);
      const deployment = find('Deployment', name);
      const pod = deployment.spec.template.spec;
      const container = pod.containers.find((c: any) => c.name === name);
      expect(container.image).toMatch(new RegExp(`/jobcenter/${name}:`));
      // /metrics on a port of its own (METRICS_PORT), scraped there, never on the public port.
      const metricsPort = port + 5000;
      expect(container.ports).toEqual([
        { name: 'http', containerPort: port },
        { name: 'metrics', containerPort: metricsPort },
      ]);
      const env = envOf(container);
      expect(env.PORT.value).toBe(String(port));
      expect(env.METRICS_PORT.value).toBe(String(metricsPort));
      expect(deployment.spec.template.metadata.annotations['prometheus.io/port']).toBe(String(metricsPort));
      expect(container.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
      expect(container.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(container.resources.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
      expect(container.resources.limits).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(env.GATEWAY_ASSERTION_SECRET.valueFrom.secretKeyRef).toEqual({ name: 'jobcenter-jwt', key: 'GATEWAY_ASSERTION_SECRET' });
      expect(find('Service', name).spec.ports).toEqual([{ name: 'http', port, targetPort: 'http' }]);
      expect(find('HorizontalPodAutoscaler', name).spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
      expect(find('PodDisruptionBudget', name).spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
      expect(deployment.spec.template.metadata.annotations['prometheus.io/path']).toBe('/metrics');

      if (name === 'gateway') {
        expect(env.AUTH_JWT_SECRET.valueFrom.secretKeyRef).toEqual({ name: 'jobcenter-jwt', key: 'AUTH_JWT_SECRET' });
        for (const s of SERVICE_NAMES) expect(env[`${s.toUpperCase()}_URL`].value).toBe(`http://${s}:${portOf(s)}/graphql`);
        const mount = container.volumeMounts.find((m: any) => m.name === 'supergraph');
        expect(env.SUPERGRAPH_PATH.value).toBe(`${mount.mountPath}/supergraph.graphql`);
        expect(pod.volumes.find((v: any) => v.name === 'supergraph').configMap.name).toBe('jobcenter-supergraph');
        find('ConfigMap', 'jobcenter-supergraph');
      } else {
        const dbEnv = `${name.toUpperCase()}_DATABASE_URL`;
        const ref = env[dbEnv].valueFrom.secretKeyRef;
        const secret = find('Secret', ref.name);
        expect(new URL(secret.stringData[ref.key]).pathname).toBe(`/jobcenter_${name}`);
        const migrate = pod.initContainers.find((c: any) => c.name === 'migrate');
        expect(envOf(migrate).MIGRATE_ONLY.value).toBe('true');
        expect(envOf(migrate)[dbEnv].valueFrom.secretKeyRef).toEqual(ref);
        // The service and its migrations (which may encrypt existing rows) read the same keys.
        for (const k of CPR_KEYS) {
          for (const c of [env, envOf(migrate)]) {
            if (holdsCprKeys(name)) expect(c[k].valueFrom.secretKeyRef).toEqual({ name: 'jobcenter-cpr', key: k });
            else expect(c).not.toHaveProperty(k);
          }
          if (holdsCprKeys(name)) expect(find('Secret', 'jobcenter-cpr').stringData).toHaveProperty(k);
        }
        expect(peerUrlNames(Object.keys(env))).toEqual(expectedPeerUrls(name));
        for (const target of DIRECT_CALLS[name]) {
          expect(env[`${target.toUpperCase()}_URL`].value).toBe(`http://${target}:${portOf(target)}/graphql`);
        }
        const cluster = find('Cluster', `${name}-db`);
        expect(cluster.spec.bootstrap.initdb.database).toBe(`jobcenter_${name}`);
      }
    });

    it('NetworkPolicies: only the gateway (and direct callers) reach a subgraph; each subgraph reaches only its database', () => {
      const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
      expect(policies.find((p) => p.metadata.name === 'default-deny').spec).toEqual({
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
      });
      for (const name of SERVICE_NAMES) {
        const policy = find('NetworkPolicy', name);
        const callers = policy.spec.ingress
          .flatMap((rule: any) => rule.from)
          .filter((f: any) => f.podSelector)
          .map((f: any) => f.podSelector.matchLabels['app.kubernetes.io/name'])
          .sort();
        const expected = [
          'gateway',
          ...Object.entries(DIRECT_CALLS)
            .filter(([, targets]) => targets.includes(name))
            .map(([caller]) => caller),
        ].sort();
        expect(callers).toEqual(expected);
        const [callersRule, monitoringRule, ...others] = policy.spec.ingress;
        expect(others).toEqual([]);
        expect(callersRule.ports).toEqual([{ protocol: 'TCP', port: portOf(name) }]);
        expect(monitoringRule.from).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }]);
        expect(monitoringRule.ports).toEqual([{ protocol: 'TCP', port: portOf(name) + 5000 }]);
        const egressPods = policy.spec.egress.flatMap((rule: any) => rule.to).map((t: any) => t.podSelector.matchLabels);
        expect(egressPods).toEqual([
          { 'cnpg.io/cluster': `${name}-db` },
          ...DIRECT_CALLS[name].map((t) => ({ 'app.kubernetes.io/name': t })),
        ]);
        const egressPorts = policy.spec.egress.slice(1).map((rule: any) => rule.ports);
        expect(egressPorts).toEqual(DIRECT_CALLS[name].map((t) => [{ protocol: 'TCP', port: portOf(t) }]));
      }
      expect(find('NetworkPolicy', 'gateway').spec.ingress).toEqual([{ ports: [{ protocol: 'TCP', port: GATEWAY_PORT }] }]);
      expect(find('NetworkPolicy', 'gateway-metrics').spec.ingress[0].ports).toEqual([{ protocol: 'TCP', port: GATEWAY_PORT + 5000 }]);
      const gatewayEgress = find('NetworkPolicy', 'gateway').spec.egress[0];
      expect(gatewayEgress.ports.map((p: any) => p.port).sort()).toEqual(SERVICE_NAMES.map(portOf).sort());
    });
  });
});
