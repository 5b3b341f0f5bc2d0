import type { AccessLogView } from './access-log.resolver';

/** One kit_access_log row (snake_case columns) as the API shows it. */
export function accessLogViewOf(r: Record<string, any>): AccessLogView {
  return {
    at: r.at,
    domain: r.domain,
    kind: r.kind,
    operation: r.operation,
    purpose: r.purpose,
    reason: r.reason,
    actorRole: r.actor_role,
    actorId: r.actor_id,
    operationName: r.operation_name,
  };
}
