export * from './actor';
export * from './secrets';
export * from './tokens';
export * from './verified-cache';

/** Header that carries the gateway's signed actor assertion to a subgraph. */
export const GATEWAY_ASSERTION_HEADER = 'x-gateway-assertion';
/** Header that carries the request id from the gateway to the subgraphs and into their logs. */
export const REQUEST_ID_HEADER = 'x-request-id';
