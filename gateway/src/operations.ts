import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';
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
