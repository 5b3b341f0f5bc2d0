import { badUserInput } from '../errors';
import { decodeCursor, encodeCursor } from '../pagination';
import { accessLogOperation } from './chain';
import type { AccessLogView } from './view';

/** The order of the citizen's log across the domains: newest first, then domain, then newest written first. */
export interface AccessLogPosition {
  at: Date;
  domain: string;
  seq: string;
}

export function encodeAccessLogCursor(p: AccessLogPosition): string {
  return encodeCursor([p.at.toISOString(), p.domain, p.seq]);
}

/** A cursor of `Citizen.accessLog`; BAD_USER_INPUT (naming `field`) for anything it did not hand out. */
export function decodeAccessLogCursor(cursor: string, field = 'after'): AccessLogPosition {
  const [at, domain, seq] = decodeCursor(cursor, 3, field);
  const when = new Date(String(at));
  if (
    typeof at !== 'string' ||
    Number.isNaN(when.getTime()) ||
    typeof domain !== 'string' ||
    domain.length > 32 ||
    !/^[0-9]{1,19}$/.test(String(seq))
  ) {
    throw badUserInput('The page cursor is not valid; start again from the first page.', field);
  }
  return { at: when, domain, seq: String(seq) };
}

/** Sorts entries of several domains into the log's order (the order `accessLogOf` reads each domain in). */
export function compareAccessLog(a: AccessLogPosition, b: AccessLogPosition): number {
  return (
    b.at.getTime() - a.at.getTime() ||
    (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0) ||
    (BigInt(b.seq) > BigInt(a.seq) ? 1 : BigInt(b.seq) < BigInt(a.seq) ? -1 : 0)
  );
}

/** One kit_access_log row (snake_case columns) as the API shows it. */
export function accessLogViewOf(r: Record<string, any>): AccessLogView {
  return {
    at: r.at,
    domain: r.domain,
    kind: r.kind,
    ...accessLogOperation(r.operation),
    cursor: encodeAccessLogCursor({ at: r.at, domain: r.domain, seq: String(r.seq ?? '0') }),
    purpose: r.purpose,
    reason: r.reason,
    actorRole: r.actor_role,
    actorId: r.actor_id,
    operationName: r.operation_name,
  };
}
