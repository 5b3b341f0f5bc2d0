import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { SUPERGRAPH_FILE } from '@jobcenter/gateway/subgraphs';
import { commandLine } from './cli';

/** The committed ConfigMap that carries gateway/supergraph.graphql into the cluster. */
export const SUPERGRAPH_CONFIGMAP = path.resolve(__dirname, '../../../infra/k8s/base/supergraph-configmap.yaml');

export function supergraphConfigMap(): string {
  return (
    '# Generated from gateway/supergraph.graphql by `npm run k8s:supergraph`: do not edit.\n' +
    stringify(
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'jobcenter-supergraph' },
        data: { 'supergraph.graphql': readFileSync(SUPERGRAPH_FILE, 'utf8') },
      },
      { lineWidth: 0 },
    )
  );
}

if (require.main === module) {
  commandLine('npm run k8s:supergraph', {});
  writeFileSync(SUPERGRAPH_CONFIGMAP, supergraphConfigMap());
  console.log(`wrote ${SUPERGRAPH_CONFIGMAP}`);
}
