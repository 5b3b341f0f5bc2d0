export * from './database';
export * from './ports';
export * from './postgres-process';
export * from './requests';
export * from './subgraph';
export * from './grants';
/** Keeps finished spans in memory: pass to initTracing({ exporter }) in a test. */
export { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
