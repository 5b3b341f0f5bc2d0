/**
 * Creates a working subgraph from scripts/templates/subgraph/ and lists it everywhere a service
 * is listed (the registries, the access-log peers, compose, PostgreSQL init, Kubernetes), then
 * installs, builds and regenerates the schemas, the supergraph and docs/configuration.md:
 *   npm run new:subgraph -- <name> [--port 4005] [--description "…"] [--no-build]
 * The new service builds, composes (`npm run check:schema`) and passes its tests at once.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { commandLine } from './cli';

const root = path.resolve(__dirname, '../../..');
const TEMPLATE = path.join(root, 'scripts/templates/subgraph');

export interface NewSubgraph {
  name: string;
  port: number;
  description: string;
}

/** The placeholders in template paths and texts, longest first. */
export function placeholders({ name, port, description }: NewSubgraph, timestamp: number): [string, string][] {
  return [
    ['__description__', description],
    ['__metricsPort__', String(port + 5000)],
    ['__timestamp__', String(timestamp)],
    ['__port__', String(port)],
    ['__NAME__', name.toUpperCase()],
    ['__Name__', name[0].toUpperCase() + name.slice(1)],
    ['__name__', name],
  ];
}

const fill = (text: string, values: [string, string][]) => values.reduce((t, [key, value]) => t.split(key).join(value), text);

/** The subgraphs the gateway composes today, with their ports (gateway/src/subgraphs.ts, the registry). */
function registered(): { name: string; port: number }[] {
  const text = readFileSync(path.join(root, 'gateway/src/subgraphs.ts'), 'utf8');
  return [...text.matchAll(/\{ name: '([a-z0-9]+)', defaultUrl: 'http:\/\/127\.0\.0\.1:(\d+)\/graphql' \}/g)].map((m) => ({
    name: m[1],
    port: Number(m[2]),
  }));
}

/** Inserts `insertion` after the last line matching `line` (within `text`); throws when none does. */
function afterLast(text: string, line: RegExp, insertion: string, where: string): string {
  const lines = text.split('\n');
  const index = lines.map((l) => line.test(l)).lastIndexOf(true);
  if (index < 0) throw new Error(`${where}: no line matches ${line}; add the new subgraph there by hand`);
  lines.splice(index + 1, 0, ...insertion.replace(/\n$/, '').split('\n'));
  return lines.join('\n');
}

/** Applies `edit` to the YAML document (of a `---`-separated file) whose metadata name is `name`. */
function inDocument(text: string, name: string, edit: (doc: string) => string): string {
  const docs = text.split('\n---\n');
  const index = docs.findIndex((d) => new RegExp(`^metadata:\\n  name: ${name}\\n`, 'm').test(d));
  if (index < 0) throw new Error(`no document named ${name}`);
  docs[index] = edit(docs[index]);
  return docs.join('\n---\n');
}

/** Applies `edit` to one service block of docker-compose.yml (from `  <name>:` to the next service). */
function inComposeService(text: string, service: string, edit: (block: string) => string): string {
  const start = text.indexOf(`\n  ${service}:\n`);
  if (start < 0) throw new Error(`docker-compose.yml: no service ${service}`);
  const rest = text.slice(start + 1);
  const next = rest.slice(1).search(/\n( {2}[a-z0-9-]+:\n|[a-z])/);
  const end = next < 0 ? text.length : start + 1 + next + 2;
  return text.slice(0, start + 1) + edit(text.slice(start + 1, end)) + text.slice(end);
}

/**
 * Adds `item` as the last element of the array literal that `head` opens, whether Prettier keeps
 * it on one line or has broken it into one element per line (then with a trailing comma).
 */
export function appendToArray(text: string, head: RegExp, item: string, where: string): string {
  const match = head.exec(text);
  if (!match) throw new Error(`${where}: no list to add to`);
  const open = match.index + match[0].length;
  const close = text.indexOf(']', open);
  const body = text.slice(open, close).replace(/,?\s*$/, '');
  if (!body.includes('\n')) return `${text.slice(0, open)}${body}, ${item}${text.slice(close)}`;
  const indent = /\n(\s*)\S/.exec(body)?.[1] ?? '  ';
  return `${text.slice(0, open)}${body},\n${indent}${item},\n${text.slice(close)}`;
}

function editJson(file: string, edit: (json: any) => void) {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  edit(json);
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}

/** Every edit of a file outside the new service's folder: [file, edit]. */
export function registryEdits(s: NewSubgraph, values: [string, string][]): [string, (text: string) => string][] {
  const { name, port } = s;
  const NAME = name.toUpperCase();
  const url = `http://${name}:${port}/graphql`;
  const template = (file: string) => fill(readFileSync(path.join(TEMPLATE, file), 'utf8'), values);
  return [
    [
      'gateway/src/subgraphs.ts',
      (t) =>
        afterLast(
          t,
          /^ {2}\{ name: '[a-z0-9]+', defaultUrl: /,
          `  { name: '${name}', defaultUrl: 'http://127.0.0.1:${port}/graphql' },`,
          'subgraphs.ts',
        ),
    ],
    [
      'scripts/src/services.ts',
      (t) =>
        appendToArray(
          afterLast(
            t,
            /^import \{ \w+Subgraph \} from '@jobcenter\//,
            `import { ${name}Subgraph } from '@jobcenter/${name}';`,
            'services.ts',
          ),
          /export const subgraphs: SubgraphDefinition<any>\[\] = \[/,
          `${name}Subgraph`,
          'services.ts',
        ),
    ],
    ['services/citizens/src/peers.ts', (t) => appendToArray(t, /export const ACCESS_LOG_PEERS = \[/, `'${name}'`, 'peers.ts')],
    [
      'docker-compose.yml',
      (t) => {
        let out = inComposeService(t, 'citizens', (b) =>
          afterLast(b, /^ {6}[A-Z0-9]+_URL: http:\/\//, `      ${NAME}_URL: ${url}`, 'compose citizens'),
        );
        out = inComposeService(out, 'gateway', (b) =>
          afterLast(
            afterLast(b, /^ {6}[A-Z0-9]+_URL: http:\/\//, `      ${NAME}_URL: ${url}`, 'compose gateway'),
            /^ {6}[a-z0-9]+: \{ condition: service_healthy \}/,
            `      ${name}: { condition: service_healthy }`,
            'compose gateway depends_on',
          ),
        );
        const gateway = out.indexOf('\n  gateway:\n');
        return out.slice(0, gateway + 1) + template('infra/compose.yml.tmpl') + out.slice(gateway + 1);
      },
    ],
    [
      'infra/postgres/init.sql',
      (t) =>
        afterLast(
          afterLast(
            t,
            /^CREATE DATABASE jobcenter_/,
            `CREATE ROLE ${name} LOGIN PASSWORD '${name}';\nCREATE DATABASE jobcenter_${name} OWNER ${name};`,
            'init.sql',
          ),
          /^GRANT jobcenter_\w+_access_log TO /,
          `CREATE ROLE jobcenter_${name}_access_log NOLOGIN;\nGRANT jobcenter_${name}_access_log TO ${name} WITH ADMIN TRUE, INHERIT FALSE, SET FALSE;`,
          'init.sql',
        ),
    ],
    ['infra/k8s/base/kustomization.yaml', (t) => afterLast(t, /^ {2}- [a-z0-9]+\.yaml$/, `  - ${name}.yaml`, 'kustomization.yaml')],
    [
      'infra/k8s/base/secrets.yaml',
      (t) =>
        afterLast(
          t,
          /^ {2}[a-z0-9]+: postgres:\/\//,
          `  ${name}: postgres://${name}:replace-me@${name}-db-rw:5432/jobcenter_${name}?sslmode=require`,
          'secrets.yaml',
        ),
    ],
    [
      'infra/k8s/base/network-policies.yaml',
      (t) => {
        let out = inDocument(t, 'gateway', (d) =>
          afterLast(d, /^ {8}- \{ protocol: TCP, port: \d+ \}$/, `        - { protocol: TCP, port: ${port} }`, 'gateway policy'),
        );
        out = inDocument(out, 'citizens', (d) => {
          const [ingress, egress] = d.split('\n  egress:\n');
          const from = afterLast(
            ingress.split('\n      ports:\n')[0],
            /^ {12}matchLabels: \{ app\.kubernetes\.io\/name: [a-z0-9]+ \}$/,
            `        - podSelector:\n            matchLabels: { app.kubernetes.io/name: ${name} }`,
            'citizens policy',
          );
          const ingressOut = [from, ...ingress.split('\n      ports:\n').slice(1)].join('\n      ports:\n');
          const egressOut = `${egress.replace(/\n$/, '')}\n    - to:\n        - podSelector:\n            matchLabels: { app.kubernetes.io/name: ${name} }\n      ports:\n        - { protocol: TCP, port: ${port} }`;
          return `${ingressOut}\n  egress:\n${egressOut}`;
        });
        return out;
      },
    ],
    [
      'infra/k8s/base/citizens.yaml',
      (t) =>
        afterLast(t, /^ {12}- \{ name: [A-Z0-9]+_URL, value: http:/, `            - { name: ${NAME}_URL, value: ${url} }`, 'citizens.yaml'),
    ],
    [
      'infra/k8s/base/gateway.yaml',
      (t) =>
        afterLast(t, /^ {12}- \{ name: [A-Z0-9]+_URL, value: http:/, `            - { name: ${NAME}_URL, value: ${url} }`, 'gateway.yaml'),
    ],
    [
      'infra/k8s/overlays/example/kustomization.yaml',
      (t) =>
        afterLast(
          t,
          /^ {2}- \{ name: jobcenter\/[a-z0-9]+, newName: /,
          `  - { name: jobcenter/${name}, newName: registry.example.org/jobcenter/${name}, newTag: "1.0.0" }`,
          'overlay kustomization',
        ),
    ],
    [
      'infra/k8s/overlays/example/postgres-clusters.yaml',
      (t) => `${t.replace(/\n$/, '')}\n${template('infra/postgres-cluster.yaml.tmpl')}`,
    ],
  ];
}

/** Copies the service template to services/<name>, filling the placeholders in paths and texts. */
function copyTemplate(from: string, to: string, values: [string, string][], written: string[]) {
  for (const entry of readdirSync(from)) {
    const source = path.join(from, entry);
    const target = path.join(to, fill(entry, values).replace(/\.tmpl$/, ''));
    if (statSync(source).isDirectory()) {
      mkdirSync(target, { recursive: true });
      copyTemplate(source, target, values, written);
    } else {
      writeFileSync(target, fill(readFileSync(source, 'utf8'), values));
      written.push(target);
    }
  }
}

const run = (command: string, args: string[]) => {
  console.log(`$ ${command} ${args.join(' ')}`);
  execFileSync(command, args, { cwd: root, stdio: 'inherit' });
};

export function createSubgraph(s: NewSubgraph, { build = true } = {}): string[] {
  const values = placeholders(s, Date.now());
  const dir = path.join(root, 'services', s.name);
  const written: string[] = [];
  // Every edit is computed before anything is written: a registry that no longer looks as
  // expected stops the command with nothing changed.
  const edits = registryEdits(s, values).map(([file, edit]) => [file, edit(readFileSync(path.join(root, file), 'utf8'))] as const);
  mkdirSync(dir, { recursive: true });
  copyTemplate(path.join(TEMPLATE, 'service'), dir, values, written);
  writeFileSync(
    path.join(root, `infra/k8s/base/${s.name}.yaml`),
    fill(readFileSync(path.join(TEMPLATE, 'infra/k8s.yaml.tmpl'), 'utf8'), values),
  );
  for (const [file, text] of edits) writeFileSync(path.join(root, file), text);
  // The service (its sources only, referencing the kit) and its tests, as separate projects.
  editJson(path.join(root, 'tsconfig.json'), (j) =>
    j.references.splice(
      j.references.findIndex((r: any) => r.path === 'gateway'),
      0,
      { path: `services/${s.name}` },
      { path: `services/${s.name}/test` },
    ),
  );
  editJson(path.join(root, 'scripts/tsconfig.json'), (j) =>
    j.references.splice(
      j.references.findIndex((r: any) => r.path === '../gateway'),
      0,
      { path: `../services/${s.name}` },
    ),
  );
  editJson(path.join(root, 'scripts/package.json'), (j) => {
    j.dependencies[`@jobcenter/${s.name}`] = 'workspace:*';
    j.dependencies = Object.fromEntries(Object.entries(j.dependencies).sort(([a], [b]) => a.localeCompare(b)));
  });
  const touched = [...written, ...edits.map(([f]) => path.join(root, f)), path.join(root, `infra/k8s/base/${s.name}.yaml`)];
  const prettier = path.join(root, 'node_modules/.bin/prettier');
  run(prettier, [
    '--log-level',
    'warn',
    '--write',
    ...touched.filter((f) => /\.(ts|json|md)$/.test(f)),
    'tsconfig.json',
    'scripts/tsconfig.json',
    'scripts/package.json',
  ]);
  if (build) {
    const node = process.execPath;
    // Links the new workspace package and records it in the lockfile (its dependencies are the other services' own).
    run(node, [path.join(root, 'scripts/pnpm.js'), 'install', '--prefer-offline', '--config.confirmModulesPurge=false']);
    run(node, [path.join(root, 'node_modules/typescript/bin/tsc'), '-b']);
    run(node, [path.join(root, 'scripts/dist/src/print-schemas.js')]);
    run(node, [path.join(root, 'scripts/dist/src/config-docs.js')]);
  }
  return touched;
}

function main() {
  const taken = registered();
  const { values, positionals } = commandLine(
    'npm run new:subgraph -- <name> [--port <port>] [--description "<one sentence>"] [--no-build]',
    { port: { type: 'string' }, description: { type: 'string' }, 'no-build': { type: 'boolean' } },
    {
      positionals: 1,
      check: ({ values: v, positionals: [name] }) =>
        !name || !/^[a-z][a-z0-9]{2,29}$/.test(name)
          ? 'the name: lower-case letters and digits, 3 to 30, starting with a letter (it becomes <NAME>_URL, jobcenter_<name>, a Kubernetes name)'
          : taken.some((t) => t.name === name) || existsSync(path.join(root, 'services', name))
            ? `${name} exists already`
            : v.port !== undefined && (!/^\d+$/.test(v.port) || taken.some((t) => t.port === Number(v.port)))
              ? `--port ${v.port} is not a free port number (taken: ${taken.map((t) => t.port).join(', ')})`
              : undefined,
    },
  );
  const name = positionals[0];
  const port = values.port ? Number(values.port) : Math.max(...taken.map((t) => t.port)) + 1;
  const description = values.description ?? `the ${name} part of the jobcenter.`;
  const touched = createSubgraph({ name, port, description }, { build: !values['no-build'] });
  console.log(`\n${name}: port ${port}, ${touched.length} files written or edited. Next:`);
  console.log(`  npx jest services/${name} --selectProjects unit subgraph   # its tests`);
  console.log(`  npm run check:schema -- --subgraph ${name}                 # it composes`);
  console.log('  docs/extending.md: replace the note with your domain');
}

if (require.main === module) main();
