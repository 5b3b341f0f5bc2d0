import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
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

export function initTracing(options: { exporter?: SpanExporter } = {}): boolean {
  if (provider) return true;
  if (!options.exporter && !setting('OTEL_EXPORTER_OTLP_ENDPOINT')) return false;
  // Loaded only when tracing is on, so a process without it pays nothing at start.
  const { BatchSpanProcessor, SimpleSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const processor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : new BatchSpanProcessor(
        // endpoint and headers from the OTEL_EXPORTER_OTLP_* environment variables
        new (require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter(),
      );
  provider = new NodeTracerProvider({ spanProcessors: [processor] });
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
    { kind: SpanKind.SERVER, attributes: { 'service.name': service, 'http.request.method': req.method, 'url.path': (req as { originalUrl?: string }).originalUrl ?? req.url } },
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

