export * from './database';
export * from './ports';
export * from './postgres-process';
export * from './requests';
export * from './subgraph';
export * from './grants';
/** Keeps finished spans in memory: pass to initTracing({ exporter }) in a test. */
export { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
/** The jest global setup and teardown, for scripts that run the test federation outside jest (screenshots, measurements). */
export { default as startTestPostgres } from './global-setup';
export { default as stopTestPostgres } from './global-teardown';
export * from './perturbed';
export * from './pdf-text';
