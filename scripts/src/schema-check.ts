/**
 * The schema check before merge (`npm run check:schema`), like `rover subgraph check`: one
 * subgraph's new schema is composed with the other subgraphs' committed schemas, the composed
 * client API is compared with the committed gateway/supergraph.graphql, and every client
 * operation and the client contract is checked against it.
 *
 * Fails (ok: false) on a composition error, an operation that no longer validates, a contract
 * name that is gone or retyped, or a breaking change that an operation or the contract uses.
 * Breaking changes nobody uses and dangerous changes are reported, not failed: a client we do
 * not know of may still use them, so read them before merging.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import {
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isObjectType,
  Kind,
  parse,
  specifiedRules,
  NoUnusedFragmentsRule,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  GraphQLInputType,
} from 'graphql';
import { contractGaps, loadContract } from './contract';

/** Where the check reads from; tests point it at a copy of the repository's files. */
export interface SchemaCheckSources {
  root: string;
  /** The subgraphs the gateway composes, with their URLs (gateway/src/subgraphs.ts). */
  subgraphs: readonly { name: string; defaultUrl: string }[];
}

export interface SchemaCheckInput {
  /** The subgraph under check. */
  subgraph: string;
  /** Its new SDL (printed from its code, or a file the developer gives). */
  sdl: string;
  /** Where the SDL came from, for the report. */
  origin: string;
}

/** A client operation (or a fragment), with the file it lives in. */
interface ClientOperation {
  name: string;
  file: string;
  document: DocumentNode;
}

export interface ChangeFinding {
  change: Change;
  /** "operation X (file)" or "the client contract (file)" for every client that uses it. */
  usedBy: string[];
}

export interface SchemaCheckResult {
  subgraph: string;
  origin: string;
  compositionErrors: string[];
  breaking: ChangeFinding[];
  dangerous: ChangeFinding[];
  safe: number;
  /** Operations that no longer validate: one line each, naming the operation, file and error. */
  invalidOperations: string[];
  contractGaps: string[];
  ok: boolean;
}

const CONTRACT_FILE = 'gateway/contract.graphql';
const SUPERGRAPH = 'gateway/supergraph.graphql';

/** Every client operation: gateway/operations/*.graphql and the workbench's web/src/**\/*.graphql. */
export function clientOperationFiles(root: string): string[] {
  const files: string[] = [];
  const operationsDir = path.join(root, 'gateway', 'operations');
  if (existsSync(operationsDir)) {
    for (const f of readdirSync(operationsDir)) if (f.endsWith('.graphql')) files.push(path.join('gateway', 'operations', f));
  }
  const webSrc = path.join(root, 'web', 'src');
  if (existsSync(webSrc)) {
    for (const f of readdirSync(webSrc, { recursive: true }) as string[]) {
      if (f.endsWith('.graphql') && !f.split(path.sep).some((part) => part === 'node_modules' || part === 'dist')) {
        files.push(path.join('web', 'src', f));
      }
    }
  }
  return files.sort();
}

function loadOperations(root: string): { operations: ClientOperation[]; fragments: Map<string, FragmentDefinitionNode> } {
  const operations: ClientOperation[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const file of clientOperationFiles(root)) {
    const document = parse(readFileSync(path.join(root, file), 'utf8'));
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        fragments.set(definition.name.value, definition);
        operations.push({ name: `fragment ${definition.name.value}`, file, document: { kind: Kind.DOCUMENT, definitions: [definition] } });
      }
      if (definition.kind === Kind.OPERATION_DEFINITION) {
        operations.push({
          name: definition.name?.value ?? '(anonymous)',
          file,
          document: { kind: Kind.DOCUMENT, definitions: [definition] },
        });
      }
    }
  }
  // Fragments may live in other files than the operations that spread them.
  for (const op of operations) op.document = withFragments(op.document, fragments);
  return { operations, fragments };
}

function withFragments(document: DocumentNode, fragments: Map<string, FragmentDefinitionNode>): DocumentNode {
  const included = new Set<string>();
  const definitions = [...document.definitions];
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) included.add(d.name.value);
  for (let i = 0; i < definitions.length; i++) {
    visit(definitions[i], {
      FragmentSpread(node) {
        const fragment = fragments.get(node.name.value);
        if (fragment && !included.has(node.name.value)) {
          included.add(node.name.value);
          definitions.push(fragment);
        }
      },
    });
  }
  return { kind: Kind.DOCUMENT, definitions };
}

/** Validation rules for a client document; a fragment on its own is not an "unused fragment". */
function rulesFor(op: ClientOperation) {
  return op.name.startsWith('fragment ') ? specifiedRules.filter((r) => r !== NoUnusedFragmentsRule) : specifiedRules;
}

/**
 * The schema coordinates an operation uses (`Type.field`, `Type.field.arg`, `Enum` it reads,
 * `Enum.VALUE` it sends, every field of an input type it sends), read against the schema it
 * was written for. A change whose path is one of them, lies under one, or holds one, touches it.
 */
function coordinatesOf(document: DocumentNode, schema: GraphQLSchema): Set<string> {
  const used = new Set<string>();
  const addInput = (type: GraphQLInputType) => {
    const named = getNamedType(type);
    if (used.has(named.name)) return;
    if (isInputObjectType(named)) {
      used.add(named.name);
      for (const field of Object.values(named.getFields())) {
        used.add(`${named.name}.${field.name}`);
        addInput(field.type);
      }
    } else if (isEnumType(named)) {
      used.add(named.name);
    }
  };
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        used.add(`${parent.name}.${field.name}`);
        const named = getNamedType(field.type);
        if (isEnumType(named)) used.add(named.name);
      },
      Argument() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const arg = typeInfo.getArgument();
        if (parent && field && arg) {
          used.add(`${parent.name}.${field.name}.${arg.name}`);
          addInput(arg.type);
        }
      },
      VariableDefinition() {
        const type = typeInfo.getInputType();
        if (type) addInput(type);
      },
    }),
  );
  return used;
}

/** The contract's coordinates: object fields and their arguments, enum values, whole input types. */
function contractCoordinates(contract: GraphQLSchema): Set<string> {
  const used = new Set<string>();
  for (const type of Object.values(contract.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        used.add(`${type.name}.${field.name}`);
        for (const arg of field.args) used.add(`${type.name}.${field.name}.${arg.name}`);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) used.add(`${type.name}.${value.name}`);
    } else if (isInputObjectType(type)) {
      used.add(type.name);
      for (const field of Object.values(type.getFields())) used.add(`${type.name}.${field.name}`);
    }
  }
  return used;
}

function touches(change: Change, used: Set<string>): boolean {
  const target = change.path;
  if (!target) return false;
  for (const coordinate of used) {
    if (coordinate === target || coordinate.startsWith(`${target}.`) || target.startsWith(`${coordinate}.`)) return true;
  }
  return false;
}

/** The client-facing API schema of a supergraph (what the gateway serves). */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/** Runs the check for one subgraph's new SDL against the committed files under `sources.root`. */
export async function checkSubgraphSchema(sources: SchemaCheckSources, input: SchemaCheckInput): Promise<SchemaCheckResult> {
  const { root } = sources;
  if (!sources.subgraphs.some((s) => s.name === input.subgraph)) {
    throw new Error(`Unknown subgraph "${input.subgraph}"; the gateway composes ${sources.subgraphs.map((s) => s.name).join(', ')}.`);
  }
  const result: SchemaCheckResult = {
    subgraph: input.subgraph,
    origin: input.origin,
    compositionErrors: [],
    breaking: [],
    dangerous: [],
    safe: 0,
    invalidOperations: [],
    contractGaps: [],
    ok: false,
  };

  let typeDefs: DocumentNode;
  try {
    typeDefs = parse(input.sdl);
  } catch (error) {
    result.compositionErrors.push(`${input.origin} does not parse: ${(error as Error).message}`);
    return result;
  }
  const composed = composeServices(
    sources.subgraphs.map(({ name, defaultUrl }) => ({
      name,
      url: defaultUrl,
      typeDefs: name === input.subgraph ? typeDefs : parse(readFileSync(path.join(root, 'services', name, 'schema.graphql'), 'utf8')),
    })),
  );
  if (composed.errors) {
    result.compositionErrors = composed.errors.map((e) => e.message);
    return result;
  }

  const oldApi = apiSchemaOf(readFileSync(path.join(root, SUPERGRAPH), 'utf8'));
  const newApi = apiSchemaOf(composed.supergraphSdl);
  const { operations } = loadOperations(root);
  const contractSchema = loadContract(path.join(root, CONTRACT_FILE)).schema;
  const clients = [
    ...operations.map((op) => ({ label: `operation ${op.name} (${op.file})`, used: coordinatesOf(op.document, oldApi) })),
    { label: `the client contract (${CONTRACT_FILE})`, used: contractCoordinates(contractSchema) },
  ];

  for (const change of await diff(oldApi, newApi)) {
    const finding = { change, usedBy: clients.filter((c) => touches(change, c.used)).map((c) => c.label) };
    if (change.criticality.level === CriticalityLevel.Breaking) result.breaking.push(finding);
    else if (change.criticality.level === CriticalityLevel.Dangerous) result.dangerous.push(finding);
    else result.safe++;
  }
  for (const op of operations) {
    for (const error of validate(newApi, op.document, rulesFor(op))) {
      const where = error.locations?.[0] ? ` (line ${error.locations[0].line})` : '';
      result.invalidOperations.push(`operation ${op.name} in ${op.file} no longer validates: ${error.message}${where}`);
    }
  }
  result.contractGaps = contractGaps(newApi, new Set(sources.subgraphs.map((s) => s.name)), path.join(root, CONTRACT_FILE));
  result.ok =
    result.invalidOperations.length === 0 && result.contractGaps.length === 0 && result.breaking.every((f) => f.usedBy.length === 0);
  return result;
}

/** The readable report: what failed first, with the field, the operation and the file. */
export function formatReport(result: SchemaCheckResult): string {
  const lines = [`Subgraph ${result.subgraph} (${result.origin}):`];
  if (result.compositionErrors.length) {
    lines.push(`  FAIL composition with the other subgraphs' committed schemas:`);
    for (const e of result.compositionErrors) lines.push(`    - ${e}`);
    return lines.join('\n');
  }
  lines.push(
    `  composes; against ${SUPERGRAPH}: ${result.breaking.length} breaking, ${result.dangerous.length} dangerous, ${result.safe} safe change(s)`,
  );
  const describe = (tag: string, f: ChangeFinding) => {
    lines.push(`  ${tag} ${f.change.message} [${f.change.path ?? f.change.type}]`);
    if (f.usedBy.length) for (const u of f.usedBy) lines.push(`      used by ${u}`);
    else lines.push('      no client operation or the contract uses it (clients we do not know of might)');
  };
  for (const f of result.breaking.filter((b) => b.usedBy.length)) describe('FAIL breaking:', f);
  for (const e of result.invalidOperations) lines.push(`  FAIL ${e}`);
  for (const g of result.contractGaps) lines.push(`  FAIL contract (${CONTRACT_FILE}): ${g}`);
  for (const f of result.breaking.filter((b) => !b.usedBy.length)) describe('warn breaking:', f);
  for (const f of result.dangerous) describe('warn dangerous:', f);
  lines.push(`  ${result.ok ? 'ok' : 'FAIL'}`);
  return lines.join('\n');
}
