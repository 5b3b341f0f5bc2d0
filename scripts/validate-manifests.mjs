#!/usr/bin/env node
// Renders a kustomization the way `kubectl kustomize` would for the features this project uses
// (resources, namespace, images, replicas, labels) and validates every object against the
// Kubernetes OpenAPI schemas shipped in the `kubernetes-models` package: offline, no cluster.
// Objects of kinds the package has no schema for (CloudNativePG's Cluster) get a shape check.
// Usage: node scripts/validate-manifests.mjs [infra/k8s/overlays/example] [--json]
// It is ESM because kubernetes-models is; scripts/test/infra.test.ts runs it as a process.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

const KINDS = {
  'v1/Service': 'v1/Service', 'v1/Secret': 'v1/Secret', 'v1/ConfigMap': 'v1/ConfigMap',
  'v1/Namespace': 'v1/Namespace', 'apps/v1/Deployment': 'apps/v1/Deployment',
  'batch/v1/Job': 'batch/v1/Job', 'autoscaling/v2/HorizontalPodAutoscaler': 'autoscaling/v2/HorizontalPodAutoscaler',
  'policy/v1/PodDisruptionBudget': 'policy/v1/PodDisruptionBudget',
  'networking.k8s.io/v1/NetworkPolicy': 'networking.k8s.io/v1/NetworkPolicy',
};

function readYaml(file) {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((doc) => {
    if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
    return doc.toJS();
  }).filter(Boolean);
}

function render(dir) {
  const k = readYaml(path.join(dir, 'kustomization.yaml'))[0];
  let objects = [];
  for (const resource of k.resources ?? []) {
    const full = path.join(dir, resource);
    objects.push(...(statSync(full).isDirectory() ? render(full) : readYaml(full).map((o) => ({ ...o, __file: path.relative(process.cwd(), full) }))));
  }
  for (const { pairs } of k.labels ?? []) for (const o of objects) o.metadata.labels = { ...(o.metadata.labels ?? {}), ...pairs };
  if (k.namespace) for (const o of objects) if (o.kind !== 'Namespace') o.metadata.namespace = k.namespace;
  for (const image of k.images ?? []) {
    for (const o of objects) {
      const spec = o.kind === 'Deployment' || o.kind === 'Job' ? o.spec.template.spec : undefined;
      for (const c of [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])]) {
        const [name] = c.image.split(':');
        if (name === image.name) c.image = `${image.newName ?? name}:${image.newTag ?? 'latest'}`;
      }
    }
  }
  for (const r of k.replicas ?? []) {
    const d = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === r.name);
    if (!d) throw new Error(`replicas: no Deployment ${r.name}`);
    d.spec.replicas = r.count;
  }
  return objects;
}

export async function validate(objects) {
  const errors = [];
  for (const o of objects) {
    const { __file, ...object } = o;
    const where = `${__file}: ${o.kind}/${o.metadata?.name}`;
    const key = `${o.apiVersion}/${o.kind}`;
    if (o.kind === 'Cluster' && o.apiVersion === 'postgresql.cnpg.io/v1') {
      if (!(o.spec?.instances >= 1) || !o.spec?.storage?.size || !o.spec?.bootstrap?.initdb?.database) {
        errors.push(`${where}: a CloudNativePG Cluster needs instances, storage.size and bootstrap.initdb.database`);
      }
      continue;
    }
    if (!KINDS[key]) { errors.push(`${where}: no schema known for ${key}`); continue; }
    const [group, version, kind] = key.includes('.') || key.startsWith('apps') || key.startsWith('batch') || key.startsWith('autoscaling') || key.startsWith('policy')
      ? key.split('/') : ['', ...key.split('/')];
    const modulePath = group ? `kubernetes-models/${group}/${version}/${kind}` : `kubernetes-models/${version}/${kind}`;
    const Model = (await import(modulePath))[kind];
    try {
      new Model(object).validate();
    } catch (error) {
      errors.push(`${where}: ${error.message}`);
    }
  }
  return errors;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'infra/k8s/overlays/example';
  const objects = render(dir);
  const errors = await validate(objects);
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify({ objects: objects.map(({ __file, ...o }) => o), errors }));
  } else {
    for (const o of objects) console.log(`ok? ${o.kind}/${o.metadata.name}`);
    for (const e of errors) console.error(e);
    console.log(errors.length ? `${errors.length} invalid` : `${objects.length} objects valid`);
  }
  process.exit(errors.length ? 1 : 0);
}
