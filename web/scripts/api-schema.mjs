// Writes the client-facing API schema of the composed supergraph (gateway/supergraph.graphql without
// the federation's join directives) to web/schema.graphql, the schema the workbench's operations are typed from.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import federation from '@apollo/federation-internals';
import { printSchema } from 'graphql';

const root = fileURLToPath(new URL('../..', import.meta.url));
const supergraph = readFileSync(`${root}gateway/supergraph.graphql`, 'utf8');
const api = federation.Supergraph.build(supergraph).apiSchema().toGraphQLJSSchema();
writeFileSync(`${root}web/schema.graphql`, `${printSchema(api)}\n`);
