import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { GraphQLSchema, parse, validate } from 'graphql';
import { SUPERGRAPH_FILE } from '@jobcenter/gateway/subgraphs';

/** Where the workbench keeps its operations (`.graphql` files beside the views). */
export const WEB_SRC = path.resolve(__dirname, '../../../web/src');

/** Every `.graphql` file under `dir`, recursively (generated code excluded). */
export function graphqlFiles(dir = WEB_SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'gql' || entry.name === 'node_modules' ? [] : graphqlFiles(full);
    return entry.name.endsWith('.graphql') ? [full] : [];
  });
}

/** The client-facing schema of the composed supergraph (what the gateway answers). */
export function apiSchema(supergraphSdl = readFileSync(SUPERGRAPH_FILE, 'utf8')): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/** The reasons a document does not run against `schema`, empty when it does. */
export function operationProblems(schema: GraphQLSchema, source: string): string[] {
  try {
    return validate(schema, parse(source)).map((e) => e.message);
  } catch (e) {
    return [(e as Error).message];
  }
}
