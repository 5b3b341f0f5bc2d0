import pino, { DestinationStream, Logger } from 'pino';
import { CPR_REDACTED, redactCprNumbers } from './crypto/cpr-redaction';

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

export interface LoggerOptions {
  /** Default: LOG_LEVEL, else `silent` under NODE_ENV=test and `info` otherwise. */
  level?: string;
  /** Default: standard output. */
  destination?: DestinationStream;
}

/**
 * JSON logs; every request logs through a child carrying its request id. CPR numbers never
 * reach a log: the known places are redacted by path, and as a last line of defence every
 * written line is scrubbed of CPR-shaped numbers (error messages and stack traces included).
 */
export function createLogger(service: string, options: LoggerOptions = {}): Logger {
  const settings: pino.LoggerOptions = {
    name: service,
    level: options.level ?? process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    base: { service },
    redact: {
      paths: [...SECRET_PATHS, ...CPR_PATHS],
      // A credential's key goes (undefined is not written); personal data is marked as hidden.
      censor: (_value, path) => (path[1] === 'headers' ? undefined : path[path.length - 1] === 'parameters' ? '[redacted]' : CPR_REDACTED),
    },
    hooks: { streamWrite: redactCprNumbers },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
export type { Logger };
