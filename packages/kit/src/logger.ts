import { context, isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { DestinationStream, Logger } from 'pino';

/**
 * The active OpenTelemetry span's ids, so a log line can be found from its trace and back.
 * Without tracing there is no active span and nothing is added.
 */
function traceFields(): Record<string, string> {
  const span = trace.getSpan(context.active());
  if (!span) return {};
  const ids = span.spanContext();
  return isSpanContextValid(ids) ? { trace_id: ids.traceId, span_id: ids.spanId } : {};
}

/**
 * JSON logs; every request logs through a child carrying its request id, and every line written
 * inside a traced request carries `trace_id` and `span_id`.
 */
export function createLogger(service: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    name: service,
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    base: { service },
    redact: { paths: ['req.headers.authorization', `req.headers["x-gateway-assertion"]`], remove: true },
    mixin: traceFields,
  };
  return destination ? pino(options, destination) : pino(options);
}
export type { Logger };
