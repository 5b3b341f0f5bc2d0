import { context, isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { DestinationStream, Logger } from 'pino';
import { CPR_REDACTED, redactCprNumbers } from './crypto/cpr-redaction';
import { setting } from './config';

/** Credentials: left out of the line altogether. */
const SECRET_PATHS = ['req.headers.authorization', `req.headers["x-gateway-assertion"]`];

/**
 * Where a CPR number could sit in a logged object: GraphQL variables and inputs under any
 * common name, and the SQL parameters a database error carries (a failed write's parameters
 * are the row's personal data).
 */
const CPR_PATHS = [
  'cpr',
  '*.cpr',
  'input.cpr',
  '*.input.cpr',
  'variables.cpr',
  'variables.input.cpr',
  '*.variables.cpr',
  '*.variables.input.cpr',
  'req.body.variables',
  'request.variables',
  'searchedCpr',
  '*.searchedCpr',
  'err.parameters',
  'err.driverError.parameters',
];

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

export interface LoggerOptions {
  /** Default: LOG_LEVEL, else `silent` under NODE_ENV=test and `info` otherwise. */
  level?: string;
  /** Default: standard output. */
  destination?: DestinationStream;
}

/**
 * JSON logs; every request logs through a child carrying its request id, every line written
 * inside a traced request carries `trace_id` and `span_id`. CPR numbers never
 * reach a log: the known places are redacted by path, and as a last line of defence every
 * written line is scrubbed of CPR-shaped numbers (error messages and stack traces included).
 */
export function createLogger(service: string, options: LoggerOptions = {}): Logger {
  const settings: pino.LoggerOptions = {
    name: service,
    level: options.level ?? setting('LOG_LEVEL'),
    base: { service },
    redact: {
      paths: [...SECRET_PATHS, ...CPR_PATHS],
      // A credential's key goes (undefined is not written); personal data is marked as hidden.
      censor: (_value, path) => (path[1] === 'headers' ? undefined : path[path.length - 1] === 'parameters' ? '[redacted]' : CPR_REDACTED),
    },
    hooks: { streamWrite: redactCprNumbers },
    mixin: traceFields,
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
export type { Logger };
