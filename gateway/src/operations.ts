import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gatewayRoot } from './subgraphs';

/** The named operations clients run (gateway/operations/*.graphql), for tests and the benchmark. */
export const OPERATIONS = ['CaseworkerCaseload', 'JobConsultantDay', 'MunicipalDashboard', 'CitizenOwnView'] as const;
export type OperationName = (typeof OPERATIONS)[number];

export function operation(name: OperationName): string {
  return readFileSync(path.join(gatewayRoot, 'operations', `${name}.graphql`), 'utf8');
}
