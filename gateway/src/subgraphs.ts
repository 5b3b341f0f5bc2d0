import path from 'node:path';
import { settingOf, subgraphUrlSetting } from '@jobcenter/kit/config';

/** The subgraphs the gateway composes, with their local default URLs. Add a new service here. */
export const SUBGRAPHS = [
  { name: 'citizens', defaultUrl: 'http://127.0.0.1:4001/graphql' },
  { name: 'plans', defaultUrl: 'http://127.0.0.1:4002/graphql' },
  { name: 'meetings', defaultUrl: 'http://127.0.0.1:4003/graphql' },
  { name: 'placements', defaultUrl: 'http://127.0.0.1:4004/graphql' },
  { name: 'insights', defaultUrl: 'http://127.0.0.1:4005/graphql' },
] as const;

/**
 * `<NAME>_URL` overrides a subgraph's URL, e.g. CITIZENS_URL=http://citizens:4001/graphql.
 * The gateway process requires them in production (index.ts checks at start): the
 * supergraph's 127.0.0.1 URLs are only for one machine.
 */
export function subgraphUrl(name: string, fallback: string): string {
  return settingOf(`${name.toUpperCase()}_URL`, subgraphUrlSetting(name, false)) ?? fallback;
}

export const gatewayRoot = path.resolve(__dirname, '../..');
const projectRootDir = path.resolve(gatewayRoot, '..');
export const SUPERGRAPH_FILE = path.join(gatewayRoot, 'supergraph.graphql');
export const schemaFileOf = (name: string) => path.join(projectRootDir, 'services', name, 'schema.graphql');
