/**
 * Prints each subgraph's SDL to services/<name>/schema.graphql and composes the gateway's
 * supergraph.graphql from them (and the Kubernetes ConfigMap that carries it). Run after changing a schema; a test fails when either is stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import { buildSubgraphSchemaOf, projectRoot } from '@jobcenter/kit';
import { composeSupergraph } from '@jobcenter/gateway/compose';
import { SUPERGRAPH_FILE } from '@jobcenter/gateway/subgraphs';
import { serviceDir, subgraphs } from './services';
import { supergraphConfigMap, SUPERGRAPH_CONFIGMAP } from './k8s-supergraph';
import { commandLine } from './cli';

async function main() {
  commandLine('npm run print-schemas', {});
  for (const definition of subgraphs) {
    const sdl = printSubgraphSchema(await buildSubgraphSchemaOf(definition));
    const file = path.join(projectRoot(), serviceDir(definition.name), 'schema.graphql');
    writeFileSync(file, `${sdl}\n`);
    console.log(`wrote ${path.relative(projectRoot(), file)}`);
  }
  writeFileSync(SUPERGRAPH_FILE, composeSupergraph());
  console.log(`wrote ${path.relative(projectRoot(), SUPERGRAPH_FILE)}`);
  // The Kubernetes ConfigMap that carries the supergraph (infra/k8s/base) follows it.
  writeFileSync(SUPERGRAPH_CONFIGMAP, supergraphConfigMap());
  console.log(`wrote ${path.relative(projectRoot(), SUPERGRAPH_CONFIGMAP)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
