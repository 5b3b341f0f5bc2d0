import pino, { Logger } from 'pino';

/** JSON logs; every request logs through a child carrying its request id. */
export function createLogger(service: string): Logger {
  return pino({
    name: service,
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    base: { service },
    redact: { paths: ['req.headers.authorization', `req.headers["x-gateway-assertion"]`], remove: true },
  });
}
export type { Logger };
