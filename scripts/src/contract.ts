import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, GraphQLSchema, isEnumType, isInputObjectType, isObjectType } from 'graphql';
import { gatewayRoot } from '@jobcenter/gateway/subgraphs';

const CONTRACT_FILE = path.join(gatewayRoot, 'contract.graphql');

/**
 * The client contract (a copy of shared/contract.graphql) and which subgraph owns each name,
 * read from its own sections ("# ---- citizens", "# ---- plans", ...). Root fields are
 * grouped by blank lines in the same order as the sections.
 */
export function loadContract(file = CONTRACT_FILE): { schema: GraphQLSchema; ownerOf(type: string, field?: string): string } {
  const text = readFileSync(file, 'utf8');
  const schema = buildSchema(text, { assumeValidSDL: true });
  const sections = text
    .split(/^# -{10,} /m)
    .slice(1)
    .map((body) => ({ name: body.split('\n')[0].trim(), body }));
  const contractSections = sections.filter((s) => s.name !== 'root operations');
  const rootOwner = (type: string, field: string): string => {
    const block = text.slice(text.indexOf(`type ${type} {`));
    const groups = block.slice(block.indexOf('{') + 1, block.indexOf('\n}')).split(/\n\s*\n/);
    const index = groups.findIndex((g) => new RegExp(`^\\s*${field}[(:]`, 'm').test(g));
    return contractSections[index]?.name ?? 'unknown';
  };
  return {
    schema,
    ownerOf(type, field) {
      if (field && (type === 'Query' || type === 'Mutation')) return rootOwner(type, field);
      if (field) {
        const extending = sections.find((s) => new RegExp(`extend type ${type}\\b[^{]*\\{[^}]*^\\s*${field}[(:]`, 'ms').test(s.body));
        if (extending) return extending.name;
      }
      return sections.find((s) => new RegExp(`^(type|enum|input|scalar) ${type}\\b`, 'm').test(s.body))?.name ?? 'citizens';
    },
  };
}

/** Every contract name missing from `api` or typed differently there, skipping unbuilt owners. */
export function contractGaps(api: GraphQLSchema, built: Set<string>, file = CONTRACT_FILE): string[] {
  const { schema, ownerOf } = loadContract(file);
  const gaps: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    const actual = api.getType(type.name);
    if (!actual) {
      if (built.has(ownerOf(type.name))) gaps.push(`type ${type.name} is missing`);
      continue;
    }
    if (isEnumType(type) && isEnumType(actual)) {
      for (const value of type.getValues()) if (!actual.getValue(value.name)) gaps.push(`${type.name}.${value.name} is missing`);
    }
    if ((isObjectType(type) && isObjectType(actual)) || (isInputObjectType(type) && isInputObjectType(actual))) {
      const actualFields = actual.getFields();
      for (const field of Object.values(type.getFields())) {
        const found = actualFields[field.name];
        if (!found) {
          if (built.has(ownerOf(type.name, field.name))) gaps.push(`${type.name}.${field.name} is missing`);
          continue;
        }
        if (String(found.type) !== String(field.type))
          gaps.push(`${type.name}.${field.name} is ${found.type}, contract says ${field.type}`);
        const args = 'args' in field ? field.args : [];
        const actualArgs = 'args' in found ? found.args : [];
        for (const arg of args) {
          const match = actualArgs.find((a) => a.name === arg.name);
          if (!match) gaps.push(`${type.name}.${field.name}(${arg.name}) is missing`);
          else if (String(match.type) !== String(arg.type))
            gaps.push(`${type.name}.${field.name}(${arg.name}) is ${match.type}, contract says ${arg.type}`);
        }
      }
    }
  }
  return gaps;
}
