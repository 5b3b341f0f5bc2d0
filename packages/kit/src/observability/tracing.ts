import { existsSync, readFileSync } from 'node:fs';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { NextFunction, Request, Response } from 'express';
import { setting } from '../config';

/**
 * OpenTelemetry tracing, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set (or a test passes an
 * exporter). When on: W3C `traceparent` is read from each request and written on each call
 * the gateway makes to a subgraph; Apollo Gateway's own spans (request, plan, execute, one
 * fetch per subgraph call) and the kit's server span per request are exported over OTLP/HTTP.
 * When off, nothing is loaded into the request path but a header copy for log correlation.
 */
let provider: NodeTracerProvider | undefined;

export function tracingEnabled(): boolean {
  return provider !== undefined;
}

/**
 * The version of the program this process runs: the `version` of the package.json nearest to
 * the entry script (the service's own, in its image and in a checkout).
 */
export function runningVersion(entry = require.main?.filename): string | undefined {
  for (let dir = entry ? path.dirname(entry) : undefined; dir && dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version;
  }
  return undefined;
}

/** The resource every span carries: who wrote it (OTEL_SERVICE_NAME, else `service`) and which version. */
export function tracingResourceAttributes(options: { service?: string; version?: string } = {}): Record<string, string> {
  return {
    'service.name': setting('OTEL_SERVICE_NAME') ?? options.service ?? 'jobcenter',
    'service.version': options.version ?? runningVersion() ?? 'unknown',
    'service.namespace': 'jobcenter',
  };
}

/**
 * Turns tracing on (when OTEL_EXPORTER_OTLP_ENDPOINT is set or an exporter is given). Every span
 * names its process through the OpenTelemetry resource: `service.name` (OTEL_SERVICE_NAME, else
 * `service`) and `service.version` (the running package's), instead of `unknown_service:node`.
 */
export function initTracing(options: { exporter?: SpanExporter; service?: string; version?: string } = {}): boolean {
  if (provider) return true;
  if (!options.exporter && !setting('OTEL_EXPORTER_OTLP_ENDPOINT')) return false;
  // Loaded only when tracing is on, so a process without it pays nothing at start.
  const { BatchSpanProcessor, SimpleSpanProcessor } =
    require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const processor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : new BatchSpanProcessor(
        // endpoint and headers from the OTEL_EXPORTER_OTLP_* environment variables
        new (
          require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http')
        ).OTLPTraceExporter(),
      );
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const resource = resourceFromAttributes(tracingResourceAttributes(options));
  provider = new NodeTracerProvider({ resource, spanProcessors: [processor] });
  provider.register(); // W3C trace context + baggage propagators, AsyncLocalStorage context
  return true;
}

export async function shutdownTracing(): Promise<void> {
  await provider?.shutdown();
  provider = undefined;
}

const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/;

/** The trace id to put on log lines: the active span's, else the caller's `traceparent`. */
export function traceIdOf(headers: IncomingHttpHeaders): string | undefined {
  const span = trace.getSpan(context.active());
  if (span?.spanContext().traceId && trace.isSpanContextValid(span.spanContext())) return span.spanContext().traceId;
  const header = headers.traceparent;
  return typeof header === 'string' ? TRACEPARENT.exec(header)?.[1] : undefined;
}

/** Headers that carry the current trace to the next service (W3C traceparent/tracestate). */
export function traceHeaders(incoming?: string | null): Record<string, string> {
  const carrier: Record<string, string> = {};
  if (provider) propagation.inject(context.active(), carrier);
  else if (incoming && TRACEPARENT.test(incoming)) carrier.traceparent = incoming;
  return carrier;
}

/** Express middleware: one SERVER span per HTTP request, child of the caller's traceparent. */
export function traceRequests(service: string) {
  return (req: Request, res: Response, next: NextFunction) => traceServerRequest(service, req.baseUrl || req.path, req, res, next);
}

/**
 * One SERVER span for a request on Node's own request and response (the GraphQL POST path),
 * named `<method> <route>`, around `handle`; just `handle` when tracing is off.
 */
export function traceServerRequest(service: string, route: string, req: IncomingMessage, res: ServerResponse, handle: () => void): void {
  if (!provider) return handle();
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const span = trace.getTracer('jobcenter-kit').startSpan(
    `${req.method} ${route}`,
    {
      kind: SpanKind.SERVER,
      attributes: {
        'service.name': service,
        'http.request.method': req.method,
        'url.path': (req as { originalUrl?: string }).originalUrl ?? req.url,
      },
    },
    parent,
  );
  res.on('finish', () => {
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(trace.setSpan(parent, span), handle);
}

/** Runs `work` in a child span (e.g. one SQL statement); a no-op wrapper when tracing is off. */
export async function inSpan<T>(name: string, attributes: Record<string, string>, work: () => Promise<T>): Promise<T> {
  if (!provider) return work();
  return trace.getTracer('jobcenter-kit').startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}
