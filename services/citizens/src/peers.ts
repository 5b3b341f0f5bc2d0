/**
 * The other subgraphs that keep access logs: the citizen's access log and the team lead's spot
 * check ask each of them (`<NAME>_URL`), so they are also what citizens declares it `calls`.
 */
export const ACCESS_LOG_PEERS = ['plans', 'meetings', 'placements', 'insights'] as const;

/**
 * The other subgraphs whose part of a citizen's record the export gathers (record-export/): each
 * declares its part (`record` in its definition). Today the same as ACCESS_LOG_PEERS: every other
 * subgraph holds personal data and an access log.
 */
export const RECORD_PEERS = ACCESS_LOG_PEERS;
