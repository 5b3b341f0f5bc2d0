/**
 * outbox_event: this subgraph's domain events, written in the same transaction as their change
 * and served at GET /events (the kit's outbox, packages/kit/src/events/outbox.ts; docs/events.md).
 */
export { OutboxEvents1796000000000 } from '@jobcenter/kit';
