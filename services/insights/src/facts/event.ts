/**
 * A domain event as the four subgraphs publish it (docs/events.md, the envelope of `outbox_event`).
 * Payloads hold ids, codes, dates and numbers only.
 */
export interface DomainEvent {
  id: string;
  source: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  citizenId: string | null;
  occurredAt: string;
  schemaVersion: number;
  payload: Record<string, unknown>;
}
