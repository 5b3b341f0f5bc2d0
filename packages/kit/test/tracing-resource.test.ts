import { readFileSync } from 'node:fs';
import path from 'node:path';
import { trace } from '@opentelemetry/api';
import { initTracing, runningVersion, shutdownTracing, tracingResourceAttributes } from '../src/observability/tracing';
import { InMemorySpanExporter } from '../src/testing';

/** Traces name their service: not `unknown_service:node`, and with the version that runs. */
describe('the OpenTelemetry resource', () => {
  it("puts the service's name and version on every span", async () => {
    const exporter = new InMemorySpanExporter();
    initTracing({ exporter, service: 'plans', version: '1.2.3' });
    trace.getTracer('test').startSpan('work').end();
    const [span] = exporter.getFinishedSpans();
    expect(span.resource.attributes).toMatchObject({
      'service.name': 'plans',
      'service.version': '1.2.3',
      'service.namespace': 'jobcenter',
    });
    await shutdownTracing();
  });

  it('OTEL_SERVICE_NAME overrides the name', () => {
    process.env.OTEL_SERVICE_NAME = 'plans-canary';
    try {
      expect(tracingResourceAttributes({ service: 'plans' })['service.name']).toBe('plans-canary');
    } finally {
      delete process.env.OTEL_SERVICE_NAME;
    }
    expect(tracingResourceAttributes({ service: 'plans' })['service.name']).toBe('plans');
  });

  it("the version is the running service's package version", () => {
    const root = path.resolve(__dirname, '../../../..');
    const entry = path.join(root, 'services/plans/dist/src/index.js');
    expect(runningVersion(entry)).toBe(JSON.parse(readFileSync(path.join(root, 'services/plans/package.json'), 'utf8')).version);
  });
});
