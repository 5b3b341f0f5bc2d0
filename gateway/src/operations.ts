import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DocumentNode, FragmentDefinitionNode, Kind, parse, visit } from 'graphql';
import { gatewayRoot } from './subgraphs';

/** The named operations clients run (gateway/operations/*.graphql), for tests and the benchmark. */
export const OPERATIONS = ['CaseworkerCaseload', 'JobConsultantDay', 'MunicipalDashboard', 'CitizenOwnView'] as const;
export type OperationName = (typeof OPERATIONS)[number];

export function operation(name: OperationName): string {
  return readFileSync(path.join(gatewayRoot, 'operations', `${name}.graphql`), 'utf8');
}

/**
 * The names of every operation in a folder of `.graphql` files (gateway/operations by default):
 * the operations the gateway's metrics label by name; any other name is "other".
 */
export function knownOperationNames(folder = path.join(gatewayRoot, 'operations')): string[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.graphql'))
    .flatMap((file) => parse(readFileSync(path.join(folder, file), 'utf8')).definitions)
    .flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [definition.name.value] : []));
}

/** The workbench's source folder, in a checkout (absent in a gateway image, which has its build). */
const WORKBENCH_SRC = path.resolve(gatewayRoot, '..', 'web', 'src');

function graphqlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return graphqlFiles(full);
    return entry.name.endsWith('.graphql') ? [full] : [];
  });
}

/**
 * Each operation of the workbench (web/src/**\/*.graphql) as a document of its own with the
 * fragments it spreads (from any file), so it can be validated and limited like a request.
 */
export function workbenchOperations(src = WORKBENCH_SRC): { name: string; file: string; document: DocumentNode }[] {
  const parsed = graphqlFiles(src).map((file) => ({ file, definitions: parse(readFileSync(file, 'utf8')).definitions }));
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const { definitions } of parsed) {
    for (const d of definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  }
  const spreadsOf = (node: unknown, into: Set<string>): Set<string> => {
    visit(node as DocumentNode, {
      FragmentSpread(spread) {
        if (into.has(spread.name.value)) return;
        into.add(spread.name.value);
        const fragment = fragments.get(spread.name.value);
        if (fragment) spreadsOf(fragment, into);
      },
    });
    return into;
  };
  return parsed.flatMap(({ file, definitions }) =>
    definitions.flatMap((d) => {
      if (d.kind !== Kind.OPERATION_DEFINITION || !d.name) return [];
      const used = [...spreadsOf(d, new Set())].flatMap((name) => fragments.get(name) ?? []);
      return [{ name: d.name.value, file, document: { kind: Kind.DOCUMENT, definitions: [d, ...used] } as DocumentNode }];
    }),
  );
}

/**
 * The workbench's operation names as its build lists them (`operations.json` beside its
 * index.html), or from its sources in a checkout: the gateway's metrics label these by name too.
 */
export function workbenchOperationNames(workbenchDir?: string): string[] {
  const built = workbenchDir ? path.join(workbenchDir, 'operations.json') : undefined;
  if (built && existsSync(built)) return JSON.parse(readFileSync(built, 'utf8')) as string[];
  return workbenchOperations().map((o) => o.name);
}
