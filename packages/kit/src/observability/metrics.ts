import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { boundedOperationLabels, OPERATION_LABEL_HEADER, OperationLabeller } from './operation-label';

/**
 * Prometheus metrics of one server (gateway or subgraph), served at GET /metrics: GraphQL
 * requests by operation and outcome, their latency, the process's own figures and, for a
 * subgraph, the database pool. One registry per server, so several servers in one process
 * (the tests) keep their figures apart.
 */
export interface ServerMetrics {
  registry: Registry;
  plugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext>;
  /** Reports a pg pool's connections (total, idle, waiting clients) at each scrape. */
  observePool(pool: () => PoolLike | undefined): void;
}

export interface PoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

export interface ServerMetricsOptions {
  /**
   * Turns an operation into its `operation` label, bounded (operation-label.ts): the gateway
   * passes its known operations; the default, for subgraphs, takes the gateway's label header.
   */
  operationLabel?: OperationLabeller;
}

export function createServerMetrics(service: string, options: ServerMetricsOptions = {}): ServerMetrics {
  const operationLabel = options.operationLabel ?? boundedOperationLabels();
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL operations by operation name, type and outcome (ok or the first error code).',
    labelNames: ['operation', 'type', 'outcome'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL operation latency in seconds.',
    labelNames: ['operation', 'type'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const pools: (() => PoolLike | undefined)[] = [];
  new Gauge({
    name: 'db_pool_connections',
    help: 'Database pool connections by state (total, idle, waiting = clients queued for one).',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.reset();
      for (const pool of pools) {
        const p = pool();
        if (!p) continue;
        this.inc({ state: 'total' }, p.totalCount);
        this.inc({ state: 'idle' }, p.idleCount);
        this.inc({ state: 'waiting' }, p.waitingCount);
      }
    },
  });

  return {
    registry,
    observePool: (pool) => void pools.push(pool),
    plugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
      return {
        async requestDidStart({ request }) {
          const started = process.hrtime.bigint();
          return {
            async willSendResponse({ operationName, operation, errors }) {
              // Names are client-chosen: only a bounded set of them become labels, the rest "other".
              const labels = {
                operation: operationLabel(operationName, request.http?.headers.get(OPERATION_LABEL_HEADER)),
                type: operation?.operation ?? 'unknown',
              };
              const code = errors?.[0]?.extensions?.code;
              requests.inc({ ...labels, outcome: errors?.length ? String(code ?? 'INTERNAL_SERVER_ERROR') : 'ok' });
              duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
            },
          };
        },
      };
    },
  };
}
