/**
 * The other subgraphs that keep access logs: the citizen's access log and the team lead's spot
 * check ask each of them (`<NAME>_URL`), so they are also what citizens declares it `calls`.
 */
export const ACCESS_LOG_PEERS = ['plans', 'meetings', 'placements', 'insights'] as const;
