#!/usr/bin/env node
// Renders a kustomization the way `kubectl kustomize` would for the features this project uses
// (resources, namespace, images, replicas, labels) and validates every object against the
// Kubernetes OpenAPI schemas shipped in the `kubernetes-models` package: offline, no cluster.
// Those schemas allow any extra field, so a typo (`readinessProbes`, `spec.replica`) would pass:
// a second, strict pass walks each object along the package's TypeScript types (read with the
// TypeScript compiler) and reports every field the Kubernetes type does not have, as
// `kubectl apply --validate=strict` does. Objects of kinds the package has no schema for
// (CloudNativePG's Cluster) get a shape check.
// Usage: node scripts/validate-manifests.mjs [infra/k8s/overlays/example] [--json]
// It is ESM because kubernetes-models is; scripts/test/infra.test.ts runs it as a process.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { parseAllDocuments } from 'yaml';

const require = createRequire(import.meta.url);

const KINDS = {
  'v1/Service': 'v1/Service',
  'v1/Secret': 'v1/Secret',
  'v1/ConfigMap': 'v1/ConfigMap',
  'v1/Namespace': 'v1/Namespace',
  'apps/v1/Deployment': 'apps/v1/Deployment',
  'batch/v1/Job': 'batch/v1/Job',
  'autoscaling/v2/HorizontalPodAutoscaler': 'autoscaling/v2/HorizontalPodAutoscaler',
  'policy/v1/PodDisruptionBudget': 'policy/v1/PodDisruptionBudget',
  'networking.k8s.io/v1/NetworkPolicy': 'networking.k8s.io/v1/NetworkPolicy',
};

function readYaml(file) {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((doc) => {
      if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
      return doc.toJS();
    })
    .filter(Boolean);
}

function render(dir) {
  const k = readYaml(path.join(dir, 'kustomization.yaml'))[0];
  let objects = [];
  for (const resource of k.resources ?? []) {
    const full = path.join(dir, resource);
    objects.push(
      ...(statSync(full).isDirectory() ? render(full) : readYaml(full).map((o) => ({ ...o, __file: path.relative(process.cwd(), full) }))),
    );
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

const modulePathOf = (key) => {
  const [group, version, kind] =
    key.includes('.') || /^(apps|batch|autoscaling|policy)\//.test(key) ? key.split('/') : ['', ...key.split('/')];
  return { kind, modulePath: group ? `kubernetes-models/${group}/${version}/${kind}` : `kubernetes-models/${version}/${kind}` };
};

let strictTypes;
/** The TypeScript type of each known kind (`I<Kind>` in kubernetes-models), from one small program. */
function kindTypes() {
  if (strictTypes) return strictTypes;
  const entry = path.join(path.dirname(require.resolve('kubernetes-models/package.json')), '__strict_check__.ts');
  const keys = Object.keys(KINDS);
  const text = keys
    .map((key, i) => {
      const { kind, modulePath } = modulePathOf(key);
      return `import type { I${kind} as T${i} } from '${modulePath}';\nexport type K${i} = T${i};`;
    })
    .join('\n');
  const options = {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) =>
    name === entry ? ts.createSourceFile(name, text, language) : getSourceFile.call(host, name, language, ...rest);
  host.fileExists = (name) => name === entry || fileExists.call(host, name);
  host.readFile = (name) => (name === entry ? text : readFile.call(host, name));
  const program = ts.createProgram([entry], options, host);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(source));
  strictTypes = {
    checker,
    byKey: Object.fromEntries(keys.map((key, i) => [key, checker.getDeclaredTypeOfSymbol(exports.find((e) => e.name === `K${i}`))])),
  };
  return strictTypes;
}

/** Every field of `value` that its Kubernetes type does not declare, as `path: unknown field`. */
function unknownFields(checker, type, value, where, out) {
  if (value === null || typeof value !== 'object') return out;
  type = checker.getNonNullableType(type);
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return out;
  if (Array.isArray(value)) {
    const element = checker.isArrayType(type) ? checker.getTypeArguments(type)[0] : type.getNumberIndexType();
    if (element) value.forEach((item, i) => unknownFields(checker, element, item, `${where}[${i}]`, out));
    return out;
  }
  if (type.isUnion()) {
    // IntOrString and the like: check against the one object member, if there is exactly one.
    const objects = type.types.filter((t) => t.flags & ts.TypeFlags.Object);
    if (objects.length !== 1) return out;
    type = objects[0];
  }
  const index = type.getStringIndexType();
  if (index) {
    for (const [key, item] of Object.entries(value)) unknownFields(checker, index, item, `${where}.${key}`, out);
    return out;
  }
  if (type.getProperties().length === 0) return out; // free-form (e.g. preserve-unknown-fields)
  for (const [key, item] of Object.entries(value)) {
    const property = type.getProperty(key);
    if (!property) out.push(`${where}.${key}: unknown field`);
    else unknownFields(checker, checker.getTypeOfSymbol(property), item, `${where}.${key}`, out);
  }
  return out;
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
    if (!KINDS[key]) {
      errors.push(`${where}: no schema known for ${key}`);
      continue;
    }
    const { kind, modulePath } = modulePathOf(key);
    const Model = (await import(modulePath))[kind];
    try {
      new Model(object).validate();
    } catch (error) {
      errors.push(`${where}: ${error.message}`);
    }
    const { checker, byKey } = kindTypes();
    for (const problem of unknownFields(checker, byKey[key], object, '', [])) errors.push(`${where}: ${problem.slice(1)}`);
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
  // exitCode, not exit(): exit() cuts a piped stdout off at 64 KiB before it is flushed.
  process.exitCode = errors.length ? 1 : 0;
}
